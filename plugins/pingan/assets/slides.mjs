// Ping'an Classroom slides: one slide at a time over the page pingan/present.py writes
// (templates/present.html). No dependencies, no build, no import or export: the site serves
// it as the classic script assets/pingan/slides.js, so it runs from a folder (file://) too.
// No ?. or ?? for old browsers.
//   next: → PageDown Space, a click or a swipe; back: ← PageUp Shift+Space (arrows swap
//   on right-to-left pages); Home/End; R: show/hide the answer; F: full screen;
//   Esc: back to the lesson.

const $ = (sel, root) => (root || document).querySelector(sel);
const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

function start() {
  const deck = $(".pa-deck");
  if (!deck || deck.hasAttribute("data-pa-ready")) return;
  deck.setAttribute("data-pa-ready", "");
  let t = {};
  try { t = JSON.parse($("#pa-deck-strings").textContent); } catch (e) { /* English below */ }
  const word = (key, fallback) => t[key] || fallback;
  const root = document.documentElement;
  const rtl = root.dir === "rtl";
  const slides = $$(".pa-slide", deck);
  const counter = $(".pa-deck__counter");
  const status = $(".pa-deck__status");
  const prev = $(".pa-deck__prev");
  const next = $(".pa-deck__next");
  const full = $(".pa-deck__full");
  const back = $(".pa-deck__back");
  let current = -1;
  let swipedAt = -1e9;

  // From a folder, "../" opens a file listing: point at the page itself.
  if (location.protocol === "file:" && /\/$/.test(back.getAttribute("href"))) {
    back.setAttribute("href", `${back.getAttribute("href")}index.html`);
  }

  function say(text) {
    status.textContent = "";
    setTimeout(() => { status.textContent = text; }, 50); // re-announce even the same text
  }

  function show(index, announce) {
    const i = Math.max(0, Math.min(slides.length - 1, index));
    if (i === current) return;
    const hadFocus = current >= 0 && slides[current].contains(document.activeElement);
    slides.forEach((s, n) => { s.hidden = n !== i; });
    current = i;
    const slide = slides[i];
    deck.scrollTop = 0;
    const values = { n: i + 1, total: slides.length };
    counter.textContent = fill(word("counter", "{n} / {total}"), values);
    prev.disabled = i === 0;
    next.disabled = i === slides.length - 1;
    try { history.replaceState(null, "", `#${slide.id}`); } catch (e) { /* not kept */ }
    if (hadFocus) deck.focus();
    if (announce) {
      const heading = $("h2", slide);
      values.title = heading ? heading.textContent.trim() : "";
      say(fill(word("announce", "Slide {n} of {total}: {title}"), values));
    }
  }
  const go = (step) => show(current + step, true);

  // The teacher shows (or hides again) the right answer and the explanation.
  function reveal(slide) {
    const button = $(".pa-slide__reveal", slide);
    if (!button) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? word("hide", "Hide answer") : word("show", "Show answer");
    slide.classList.toggle("pa-slide--revealed", open);
    for (const n of $$("[data-pa-reveal]", slide)) n.hidden = !open;
    const answer = $(".pa-slide__answer", slide);
    if (open && answer && answer.scrollIntoView) answer.scrollIntoView({ block: "nearest" });
  }

  function slideOf(hash) {
    let id = "";
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { return -1; }
    const target = id && document.getElementById(id);
    let n = target ? slides.indexOf(target.closest(".pa-slide")) : -1;
    if (n < 0 && id) n = slides.findIndex((s) => s.getAttribute("data-pa-anchor") === id);
    return n;
  }

  const canFull = !!(document.fullscreenEnabled && root.requestFullscreen);
  function toggleFull() {
    if (!canFull) return;
    if (document.fullscreenElement) document.exitFullscreen();
    else root.requestFullscreen().catch(() => { /* refused: stay in the window */ });
  }
  if (canFull) {
    full.hidden = false;
    full.addEventListener("click", toggleFull);
    document.addEventListener("fullscreenchange", () => {
      // The words, not the icon: on a phone they are kept for screen readers only.
      const label = full.querySelector(".pa-deck__label") || full;
      label.textContent = document.fullscreenElement ? word("exit_full", "Leave full screen") : word("full", "Full screen");
    });
  }

  for (const button of $$(".pa-slide__reveal, .pa-deck__prev, .pa-deck__next, .pa-deck__help")) button.hidden = false;
  prev.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));
  for (const slide of slides) {
    const button = $(".pa-slide__reveal", slide);
    if (button) button.addEventListener("click", () => reveal(slide));
  }

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key;
    const control = e.target.closest && e.target.closest("a, button, input, select, textarea, summary");
    if (control && (key === " " || key === "Enter")) return; // the control's own action
    const forward = rtl ? "ArrowLeft" : "ArrowRight";
    const backward = rtl ? "ArrowRight" : "ArrowLeft";
    if (key === forward || key === "PageDown" || (key === " " && !e.shiftKey)) go(1);
    else if (key === backward || key === "PageUp" || key === " ") go(-1);
    else if (key === "Home") show(0, true);
    else if (key === "End") show(slides.length - 1, true);
    else if (key === "r" || key === "R") reveal(slides[current]);
    else if (key === "f" || key === "F") toggleFull();
    else if (key === "Escape" && !document.fullscreenElement) location.href = back.href;
    else return;
    e.preventDefault();
  });

  // A click on a slide goes on (not on its links or buttons, nor after selecting text).
  deck.addEventListener("click", (e) => {
    if (e.timeStamp - swipedAt < 600) return;
    if (e.target.closest("a, button, input, label, select, textarea, summary")) return;
    if (String(window.getSelection ? getSelection() : "")) return;
    go(1);
  });

  // Swipe with a finger or a pen: towards the start of the line goes on.
  let x0 = null;
  let y0 = 0;
  deck.addEventListener("pointerdown", (e) => {
    x0 = e.isPrimary && e.pointerType !== "mouse" ? e.clientX : null;
    y0 = e.clientY;
  });
  deck.addEventListener("pointercancel", () => { x0 = null; });
  deck.addEventListener("pointerup", (e) => {
    if (x0 === null) return;
    const dx = e.clientX - x0;
    const dy = e.clientY - y0;
    x0 = null;
    if (Math.abs(dx) < 50 || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
    swipedAt = e.timeStamp;
    go((dx < 0) !== rtl ? 1 : -1);
  });

  addEventListener("hashchange", () => {
    const n = slideOf(location.hash);
    if (n >= 0) show(n, true);
  });

  root.classList.add("pa-deck-js");
  show(Math.max(0, slideOf(location.hash)), false);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
