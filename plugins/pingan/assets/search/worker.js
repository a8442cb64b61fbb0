/* Ping'an Classroom search engine (issue 15): a Web Worker that speaks Material 9's search
 * worker protocol (SETUP -> READY, QUERY -> RESULT), so Material's search box, results
 * list, highlighting and file:// stand-in work unchanged. Built by pingan.search; see
 * plugins/pingan/search/__init__.py.
 *
 * One function splits both the index text and the typed query (so they always agree):
 * Chinese runs become overlapping pairs of characters (可信任 -> 可信 信任), folded to
 * Simplified through the index's variant map; other scripts become words, lower case,
 * without diacritics (Vietnamese "bắt cóc" and "bat coc" meet), Arabic-script letter
 * variants folded (Uyghur typed on Arabic or Persian keyboards). English words lose
 * common endings (adults -> adult, trusted -> trust).
 *
 * Ranking (BM25 throughout): a page scores its sections (best first, each following one
 * counting less; headings and text, near-words k x0.6, three or more Chinese characters
 * or two words in a row as typed count extra) plus, twice, the page as a whole on its
 * title (x3) and its lesson summary s (x4: front matter description and objectives;
 * x3 on the page's first section, where the summary leads the lesson page),
 * times the share of the query it covers, times its weight (lessons 1; lesson list,
 * home, About, changelog 0.05-0.1; a lesson's sources section a quarter). The numbers
 * were set on tests/search/queries.yml (make bench prints hit@1/hit@3 per language).
 */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var FIELDS = ["title", "text", "k", "s"];
  var K1 = 1.2, B = 0.6;
  /* alpha: the whole page beside its sections; title/wtext/wk/ws: the whole page's fields;
     stitle/sws: a section's heading and summary; share: power of the query share covered;
     decay: how fast further sections count less; phrase: per character (word) in a row. */
  var TUNE = { share: 1, alpha: 2, decay: 1, title: 3, wtext: 0, wk: 0.6, ws: 4, sws: 3, stitle: 1, phrase: 1 };
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  var MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  var ARABIC = { "\u064a": "\u0649", "\u06cc": "\u0649", "\u06a9": "\u0643", "\u0647": "\u06be", "\u06d5": "\u06be", "\u0640": "" };
  var STOP = { en: "a an and are as at be by can do does for from get got he her him his how i if in is it me my of on or she so that the them they this to was what when where who why will with you your".split(" ") };
  var index = null;

  // -- tokens ---------------------------------------------------------------------------

  function Tokenizer(pa) {
    var fold = {};
    if (pa.fold) for (var i = 0; i < pa.fold[0].length; i++) fold[pa.fold[0][i]] = pa.fold[1][i];
    this.fold = fold;
    this.stem = pa.stem === "en";
    var stop = {};
    (STOP[pa.lang] || []).forEach(function (w) { stop[w] = true; });
    this.stop = stop;
  }

  Tokenizer.prototype.word = function (w) {
    w = w.normalize("NFD").replace(MARKS, "").toLowerCase().replace(/\u0111/g, "d");
    w = w.replace(/[\u064a\u06cc\u06a9\u0647\u06d5\u0640]/g, function (c) { return ARABIC[c]; });
    if (this.stem && /^[a-z]+$/.test(w)) w = stemEn(w);
    return w;
  };

  /* Tokens of `s` (HTML when `markup`: tags and entities are boundaries) as
     [term, start, end, kind] with kind 0 = a word, 1 = a pair of Han characters,
     2 = a lone Han character. */
  Tokenizer.prototype.split = function (s, markup) {
    var out = [], i = 0, n = s.length;
    while (i < n) {
      var c = s[i];
      if (markup && (c === "<" || c === "&")) {
        var close = s.indexOf(c === "<" ? ">" : ";", i);
        if (close > i && (c === "<" || close - i < 10)) { i = close + 1; continue; }
      }
      if (HAN.test(c)) {
        var j = i;
        while (j < n && HAN.test(s[j])) j++;
        if (j - i === 1) out.push([this.fold[c] || c, i, j, 2]);
        for (var p = i; p + 1 < j; p++)
          out.push([(this.fold[s[p]] || s[p]) + (this.fold[s[p + 1]] || s[p + 1]), p, p + 2, 1]);
        i = j;
      } else if (WORD.test(c)) {
        var k = i;
        while (k < n && !HAN.test(s[k]) && (WORD.test(s[k]) || (s[k] === "'" && WORD.test(s[k + 1] || "")))) k++;
        var w = this.word(s.slice(i, k).replace(/'s$/, ""));
        if (w) out.push([w, i, k, 0]);
        i = k;
      } else i++;
    }
    return out;
  };

  /* The tokens of `s` in a line, for phrase matching: Chinese runs as their folded
     characters, words between spaces ("  trust  adult  "). */
  Tokenizer.prototype.line = function (s, markup) {
    var out = "", end = -1;
    this.split(s, markup).forEach(function (t) {
      if (t[3] === 1 && t[1] === end - 1) out += t[0][1];
      else out += t[3] === 0 ? " " + t[0] + " " : "\n" + t[0];
      end = t[2];
    });
    return out;
  };

  function stemEn(w) {
    if (w.length <= 3) return w;
    if (/ies$/.test(w)) w = w.slice(0, -3) + "y";
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
    if (w.length > 5 && /ing$/.test(w)) w = w.slice(0, -3);
    else if (w.length > 4 && /ed$/.test(w)) w = w.slice(0, -2);
    if (w.length > 4 && /(.)\1$/.test(w) && !/[lsz]{2}$/.test(w)) w = w.slice(0, -1);
    if (w.length > 3 && /e$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  // -- index ----------------------------------------------------------------------------

  function Index(data) {
    var pa = (data.config && data.config.pa) || { lang: "en" };
    this.tok = new Tokenizer(pa);
    this.lang = pa.lang;
    this.docs = data.docs;
    this.pages = []; // [location, [doc indexes], article first]
    this.pageOf = [];
    var byPage = Object.create(null);
    for (var d = 0; d < this.docs.length; d++) {
      var page = this.docs[d].location.split("#")[0];
      if (!(page in byPage)) { byPage[page] = this.pages.length; this.pages.push([page, []]); }
      this.pages[byPage[page]][1].push(d);
      this.pageOf[d] = byPage[page];
    }
    // Sections (for what a result shows) and whole pages (for which page comes first).
    this.sections = new Postings(FIELDS.length);
    this.whole = new Postings(FIELDS.length);
    for (var p = 0; p < this.pages.length; p++) {
      var all = FIELDS.map(function () { return Object.create(null); }), len = FIELDS.map(function () { return 0; });
      this.pages[p][1].forEach(function (d, i) {
        var doc = this.docs[d];
        for (var f = 0; f < FIELDS.length; f++) {
          var terms = this.tok.split(doc[FIELDS[f]] || "", f < 2), counts = Object.create(null);
          for (var t = 0; t < terms.length; t++) counts[terms[t][0]] = (counts[terms[t][0]] || 0) + 1;
          this.sections.add(d, f, counts, terms.length);
          // The page's title is its first entry's; section headings count as its text.
          var g = f === 0 && i > 0 ? 1 : f;
          for (var term in counts) all[g][term] = (all[g][term] || 0) + counts[term];
          len[g] += terms.length;
        }
      }, this);
      for (var f2 = 0; f2 < FIELDS.length; f2++) this.whole.add(p, f2, all[f2], len[f2]);
    }
    this.lines = this.docs.map(function (doc) {
      return this.tok.line(doc.title || "", true) + "\n" + this.tok.line(doc.text || "", true);
    }, this);
    this.sections.finish(this.docs.length);
    this.whole.finish(this.pages.length);
    this.postings = this.sections.map;
    this.vocab = Object.keys(this.postings).sort();
  }

  /* term -> [item, field, tf, ...] over items (sections or pages) with BM25 field lengths. */
  function Postings(fields) {
    this.map = Object.create(null);
    this.lengths = [];
    this.totals = [];
    for (var f = 0; f < fields; f++) { this.lengths.push([]); this.totals.push(0); }
  }
  Postings.prototype.add = function (item, f, counts, length) {
    for (var term in counts) (this.map[term] = this.map[term] || []).push(item, f, counts[term]);
    this.lengths[f][item] = length;
    this.totals[f] += length;
  };
  Postings.prototype.finish = function (n) {
    this.n = n || 1;
    this.avg = this.totals.map(function (x) { return x / n || 1; });
  };
  Postings.prototype.idf = function (term) {
    var post = this.map[term];
    if (!post) return 0;
    var seen = Object.create(null), df = 0;
    for (var p = 0; p < post.length; p += 3) if (!seen[post[p]]) { seen[post[p]] = true; df++; }
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  };
  /* Per item: the BM25 score of the best of `terms` ([term, weight] pairs). */
  Postings.prototype.score = function (terms, into, hits, weights) {
    var best = Object.create(null), self = this;
    terms.forEach(function (pair) {
      var post = self.map[pair[0]], idf = self.idf(pair[0]);
      if (!post) return;
      var sums = Object.create(null);
      for (var p = 0; p < post.length; p += 3) {
        var d = post[p], f = post[p + 1], tf = post[p + 2];
        var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * self.lengths[f][d] / self.avg[f]));
        if (!weights[f]) continue;
        sums[d] = (sums[d] || 0) + idf * norm * weights[f] * pair[1];
        if (hits) (hits[d] = hits[d] || Object.create(null))[pair[0]] = true;
      }
      for (var k in sums) if (!(best[k] >= sums[k])) best[k] = sums[k];
    });
    for (var d in best) into[d] = (into[d] || 0) + best[d];
    return best;
  };

  Index.prototype.idf = function (term) { return this.sections.idf(term); };

  /* Terms of the index a query token stands for, each with a weight: the term itself,
     and while it is being typed (the last word) or for a lone Chinese character, the
     words it begins; a long Uyghur word also meets its stem with other endings. */
  Index.prototype.expand = function (token, last) {
    var term = token[0], found = [];
    if (this.postings[term]) found.push([term, 1]);
    var prefix = token[3] === 2 || (token[3] === 0 && (last || this.lang === "ug") && term.length >= 2)
      ? term : null;
    if (this.lang === "ug" && token[3] === 0 && term.length >= 6)
      prefix = term.slice(0, Math.max(4, Math.ceil(term.length * 0.6)));
    if (prefix) {
      var lo = lowerBound(this.vocab, prefix), seen = 0;
      for (var i = lo; i < this.vocab.length && this.vocab[i].lastIndexOf(prefix, 0) === 0 && seen < 64; i++, seen++)
        if (this.vocab[i] !== term) found.push([this.vocab[i], token[3] === 2 ? 0.9 : 0.7]);
    }
    return found;
  };

  function lowerBound(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // -- search ---------------------------------------------------------------------------

  Index.prototype.search = function (query) {
    query = String(query || "").normalize("NFC").replace(/[*+\-~^:"]+/g, " ").trim();
    if (!query) return { items: [] };
    var self = this, tokens = this.tok.split(query, false);
    var content = tokens.filter(function (t) { return !self.tok.stop[t[0]]; });
    if (content.length) tokens = content;
    if (!tokens.length) return { items: [] };
    // One clause per distinct query token: the index terms it matches, and its weight.
    var clauses = [], seen = Object.create(null);
    tokens.forEach(function (token, i) {
      if (seen[token[0]]) return;
      seen[token[0]] = true;
      var terms = self.expand(token, i === tokens.length - 1 && !/\s$/.test(query));
      var idf = terms.length ? Math.max.apply(null, terms.map(function (x) { return self.whole.idf(x[0]); })) : 0;
      clauses.push({ token: token, terms: terms, idf: idf || 1 });
    });
    var total = clauses.reduce(function (sum, c) { return sum + c.idf; }, 0);
    var pageScores = Object.create(null), sectionScores = Object.create(null), hits = Object.create(null);
    var covered = Object.create(null);
    clauses.forEach(function (clause, ci) {
      self.whole.score(clause.terms, pageScores, null, [TUNE.title, TUNE.wtext, TUNE.wk, TUNE.ws]);
      var found = self.whole.score(clause.terms, {}, null, [1, 1, 1, 1]);
      for (var p in found) covered[p] = (covered[p] || 0) + clause.idf;
      self.sections.score(clause.terms, sectionScores, hits, [TUNE.stitle, 1, TUNE.wk, TUNE.sws]);
    });
    this.phrases(query, sectionScores);
    for (var d in sectionScores) {
      var own = this.docs[d].boost, first = this.docs[this.pages[this.pageOf[d]][1][0]].boost;
      // A section's own weight relative to its page's (the page's applies to the page).
      if (typeof own === "number") sectionScores[d] *= own / (typeof first === "number" ? first : 1);
    }
    var pages = [];
    for (var p in covered) {
      var ids = this.pages[p][1].filter(function (d) { return sectionScores[d] > 0; });
      if (!ids.length) continue;
      ids.sort(function (a, b) { return sectionScores[b] - sectionScores[a]; });
      var share = covered[p] / total, article = this.pages[p][1][0], boost = this.docs[article].boost;
      var sum = 0;
      ids.forEach(function (d, rank) { sum += sectionScores[d] / Math.pow(rank + 1, TUNE.decay); });
      var score = (TUNE.alpha * (pageScores[p] || 0) + sum) * Math.pow(share, TUNE.share) *
        (typeof boost === "number" ? boost : 1);
      pages.push({ page: this.pages[p][0], score: score, ids: ids, article: article });
    }
    pages.sort(function (a, b) { return b.score - a.score; });
    return {
      items: pages.map(function (p) { return self.group(p, clauses, hits, sectionScores); })
    };
  };

  /* Sections that hold longer stretches of the query as typed score more: three or more
     Chinese characters in a row, or two words in a row. */
  Index.prototype.phrases = function (query, scores) {
    var line = this.tok.line(query, false), runs = [], pairs = [];
    line.split("\n").forEach(function (part) {
      var m = /^[^ ]+/.exec(part);
      if (m && m[0].length >= 3) runs.push(m[0]);
      var words = part.split(/ +/).filter(Boolean);
      for (var i = 0; i + 1 < words.length; i++) pairs.push(" " + words[i] + "  " + words[i + 1] + " ");
    });
    if (!runs.length && !pairs.length) return;
    for (var d in scores) {
      var text = this.lines[d], bonus = 0;
      runs.forEach(function (run) {
        for (var at = 0; at + 3 <= run.length;) {
          var len = run.length - at;
          while (len >= 3 && text.indexOf(run.substr(at, len)) < 0) len--;
          if (len >= 3) { bonus += len - 2; at += len - 1; } else at++;
        }
      });
      pairs.forEach(function (pair) { if (text.indexOf(pair) >= 0) bonus += 1; });
      scores[d] += bonus * TUNE.phrase;
    }
  };

  /* One result: the page's first entry, then its matching sections, best first, as
     Material renders them (the best section shown, the others under "more"). */
  Index.prototype.group = function (page, clauses, hits, scores) {
    var self = this, top = scores[page.ids[0]], items = [];
    var ids = [page.article].concat(page.ids.filter(function (d) { return d !== page.article; }));
    ids.forEach(function (d, i) {
      var doc = this.docs[d], terms = {};
      var item = {
        location: doc.location,
        title: this.mark(doc.title, hits[d], terms),
        text: this.mark(doc.text, hits[d], terms),
        score: i === 0 ? page.score : (d === page.ids[0] ? page.score : page.score * scores[d] / top * 0.99),
        terms: terms
      };
      if (doc.tags) item.tags = doc.tags;
      if (i === 0) {
        clauses.forEach(function (c, ci) {
          if (c.token[3] === 0 && !page.ids.some(function (x) { return c.terms.some(function (t) { return hits[x][t[0]]; }); }))
            terms[c.token[0]] = false; // Material lists it as missing
        });
      }
      items.push(item);
    }, this);
    return items;
  };

  /* `html` with <mark> around the words that matched (runs of matched pairs of Chinese
     characters become one mark); adds each marked text to `terms` (for ?h= on the page). */
  Index.prototype.mark = function (html, matched, terms) {
    if (!html || !matched) return html || "";
    var spans = [];
    this.tok.split(html, true).forEach(function (t) {
      if (!matched[t[0]]) return;
      var last = spans[spans.length - 1];
      if (last && t[1] <= last[1]) last[1] = Math.max(last[1], t[2]);
      else spans.push([t[1], t[2]]);
    });
    if (!spans.length) return html;
    var out = "", at = 0;
    spans.forEach(function (s) {
      out += html.slice(at, s[0]) + "<mark>" + html.slice(s[0], s[1]) + "</mark>";
      terms[html.slice(s[0], s[1]).toLowerCase()] = true;
      at = s[1];
    });
    return out + html.slice(at);
  };

  // -- protocol ---------------------------------------------------------------------------

  function handle(message) {
    switch (message.type) {
      case SETUP:
        index = new Index(message.data);
        return { type: READY };
      case QUERY:
        try {
          return { type: RESULT, data: index ? index.search(message.data) : { items: [] } };
        } catch (err) {
          console.warn("Search failed for", message.data, err);
          return { type: RESULT, data: { items: [] } };
        }
      default:
        throw new TypeError("Invalid message type");
    }
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { TUNE: TUNE, Index: Index, Tokenizer: Tokenizer, handle: handle };
  } else {
    addEventListener("message", function (ev) { postMessage(handle(ev.data)); });
  }
})();
