// Ping'an Classroom quizzes: the live layer over the HTML of pingan/quiz/render.py
// (its docstring describes the markup). One ES module, no dependencies, no build.
// Without it every quiz still reads: the answers wait in closed <details>.
// Syntax kept to what old Chromium-based phone browsers parse (no ?. or ??).

const B = "pa-quiz";
const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
const el = (name) => `.${B}__${name}`;
const isRight = (input) => input.hasAttribute("data-pa-correct");
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

// Progress lives in localStorage; private modes and full disks must not break the quiz.
const store = {
  get(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  },
  set(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* not kept */ }
  },
  remove(key) {
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  },
  // Forget answers saved for other versions of this quiz: they would not fit.
  prune(prefix, keep) {
    try {
      for (let i = localStorage.length; i--;) {
        const k = localStorage.key(i);
        if (k && k.indexOf(prefix) === 0 && k !== keep) localStorage.removeItem(k);
      }
    } catch (e) { /* nothing to prune */ }
  },
};

function node(tag, cls, text) {
  const n = document.createElement(tag);
  n.className = cls;
  if (text) n.textContent = text;
  return n;
}

// An icon (hidden from screen readers) and words: right and wrong never rely on colour.
function mark(cls, icon, text) {
  const m = node("span", `${B}__mark ${B}__mark--${cls}`);
  m.append(node("span", `${B}__icon`, icon), text);
  m.firstChild.setAttribute("aria-hidden", "true");
  return m;
}

function setup(root, t) {
  if (root.hasAttribute("data-pa-ready")) return; // idempotent: instant navigation calls again
  root.setAttribute("data-pa-ready", "");
  root.classList.add(`${B}--js`);
  const d = root.dataset;
  const prefix = `${B}:${d.paQuiz}:${d.paLang}:`;
  const key = prefix + d.paVersion;
  const form = root.querySelector("form");
  const status = root.querySelector(el("status"));
  const end = root.querySelector(el("end"));
  const score = root.querySelector(el("score"));
  const reset = root.querySelector(el("reset"));
  const questions = $$(root, el("question"));
  const inputs = (q) => $$(q, el("input"));
  const button = (q) => q.querySelector(el("check"));
  store.prune(prefix, key);
  let saved = store.get(key);
  let timer = 0;

  // Re-announce even an identical message: empty the live region, then fill it.
  function say(text) {
    status.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(() => { status.textContent = text; }, 60);
  }

  function update(message) {
    const shown = questions.filter((q) => !q.hidden);
    const done = shown.filter((q) => q.dataset.paResult);
    const finished = done.length === shown.length;
    const right = done.filter((q) => q.dataset.paResult === "correct").length;
    end.hidden = !done.length;
    score.hidden = !finished;
    score.textContent = finished ? fill(t.score, { n: right, total: shown.length }) : "";
    reset.textContent = finished ? t.again : t.clear;
    if (message) say(finished ? `${message} ${score.textContent}` : message);
  }

  function check(q, live) {
    const btn = button(q);
    if (btn.hasAttribute("aria-disabled")) return;
    const all = inputs(q);
    const chosen = all.filter((i) => i.checked);
    if (!chosen.length) {
      if (live) say(t.choose_first);
      return;
    }
    const ok = q.dataset.paKind === "multiple" ? all.every((i) => i.checked === isRight(i)) : isRight(chosen[0]);
    const said = [ok ? t.correct : t.wrong];
    for (const input of all) {
      const option = input.closest(el("option"));
      const label = input.closest("label");
      const right = isRight(input);
      input.disabled = true;
      if (input.checked) {
        option.classList.add(`${B}__option--chosen`, `${B}__option--${right ? "correct" : "incorrect"}`);
        label.append(right ? mark("correct", "✓", t.chose_right) : mark("incorrect", "✗", t.chose_wrong));
        const note = q.querySelector(`${el("note")}[data-pa-for="${input.value}"] ${el("note-text")}`);
        if (note) {
          const feedback = note.cloneNode(true);
          feedback.className = `${B}__feedback`;
          option.append(feedback);
          said.push(feedback.textContent.trim());
        }
        const next = input.getAttribute("data-pa-next");
        const follow = next && root.querySelector(`${el("question")}[data-pa-q="${next}"]`);
        if (follow) follow.hidden = false;
      } else if (right) {
        option.classList.add(`${B}__option--correct`);
        label.append(mark("correct", "✓", t.right));
      }
    }
    const result = node("div", `${B}__result ${B}__result--${ok ? "correct" : "incorrect"}`);
    const verdict = node("p", `${B}__verdict`);
    verdict.append(mark(ok ? "correct" : "incorrect", ok ? "✓" : "✗", ok ? t.correct : t.wrong));
    result.append(verdict, q.querySelector(el("explanation")).cloneNode(true));
    q.insertBefore(result, q.querySelector(el("answer")));
    btn.setAttribute("aria-disabled", "true"); // keeps focus here; Tab goes on to what is next
    q.dataset.paResult = ok ? "correct" : "wrong";
    if (live) {
      saved[q.dataset.paQ] = chosen.map((i) => i.value);
      store.set(key, saved);
    }
    update(live && said.join(" "));
  }

  function clear() {
    saved = {};
    store.remove(key); // not even the key stays: it would tell which lesson was opened
    for (const q of questions) {
      delete q.dataset.paResult;
      button(q).removeAttribute("aria-disabled");
      for (const n of $$(q, `${el("mark")},${el("feedback")},${el("result")}`)) n.remove();
      for (const input of inputs(q)) {
        input.disabled = input.checked = false;
        input.closest(el("option")).className = `${B}__option`;
      }
      if (q.hasAttribute("data-pa-followup")) q.hidden = true;
    }
    update("");
    status.textContent = "";
    root.querySelector(el("input")).focus();
  }

  for (const q of questions) {
    const btn = button(q);
    btn.hidden = false;
    btn.addEventListener("click", () => check(q, true));
    if (q.hasAttribute("data-pa-followup")) q.hidden = true; // until its choice is checked
  }
  // Enter in an option checks that question (the form never really submits).
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = document.activeElement && document.activeElement.closest(el("question"));
    if (q && root.contains(q)) check(q, true);
  });
  reset.addEventListener("click", clear);
  // Restore saved answers in document order: a parent reveals its follow-up first.
  for (const q of questions) {
    const values = saved[q.dataset.paQ];
    if (!values || q.hidden) continue;
    for (const input of inputs(q)) input.checked = values.indexOf(input.value) >= 0;
    check(q, false);
  }
  update("");
}

function strings() {
  try { return JSON.parse(document.getElementById(`${B}-strings`).textContent); } catch (e) { return {}; }
}

// A quiz is set up when it nears the screen or is first touched: no long task on load.
function init() {
  const roots = $$(document, `.${B}`).filter((r) => !r.hasAttribute("data-pa-ready"));
  if (!roots.length) return;
  let t = null;
  let seen = null;
  const start = (root) => {
    if (seen) seen.unobserve(root);
    setup(root, t || (t = strings()));
  };
  if (typeof IntersectionObserver === "function") {
    seen = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) start(e.target);
    }, { rootMargin: "200px 0px" });
  }
  for (const root of roots) {
    if (!seen) { start(root); continue; }
    seen.observe(root);
    for (const type of ["pointerdown", "focusin", "keydown"]) {
      root.addEventListener(type, () => start(root), { capture: true, once: true });
    }
  }
}

// Teacher print: with class "pa-quiz-answers" on <html> or <body> (or "pa-quiz--answers"
// on one quiz), printing opens the answer boxes; the stylesheet shows them.
addEventListener("beforeprint", () => {
  for (const d of $$(document, `.${B}-answers .${B}__answer:not([open]), .${B}--answers .${B}__answer:not([open])`)) {
    d.open = true;
    d.setAttribute("data-pa-print", "");
  }
});
addEventListener("afterprint", () => {
  for (const d of $$(document, "[data-pa-print]")) {
    d.open = false;
    d.removeAttribute("data-pa-print");
  }
});

// Material for MkDocs: document$ emits on first load and after each instant navigation.
if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
