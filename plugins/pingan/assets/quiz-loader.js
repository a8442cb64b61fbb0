// Written inline, in place of <script type="module" src="quiz.mjs">, on a page with a quiz
// (pingan-quiz; the CSP allows it by its hash). It fetches quiz.mjs when a quiz comes within
// a screen of the window, or is touched first: a reader who never scrolls to the quiz never
// downloads it (issue 14: 85 KB first load). Until then the quiz reads without script
// (answers in closed <details>, no Check button). SRC is the script's address. One block:
// Material's instant navigation runs it again on the next page, in the same global scope.
{
const roots = document.querySelectorAll(".pa-quiz");
let load = () => {
  const again = load;
  load = () => {};
  // Failed (offline, say): the next touch tries again.
  import(SRC).catch(() => { load = again; });
};
if (typeof IntersectionObserver !== "function") load();
else {
  const near = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) { near.disconnect(); load(); }
  }, { rootMargin: "100% 0px" });
  for (const root of roots) {
    near.observe(root);
    for (const type of ["pointerdown", "focusin", "keydown"]) root.addEventListener(type, () => load(), { capture: true, once: true });
  }
}
}
