// Ping'an Classroom read-aloud: reads a children's lesson in the page's language with the
// device's own voices (Web Speech API), sentence by sentence, highlighting the sentence
// being read. No audio files, no other host. Hidden when no voice fits the language.
// Markup (pingan/pictures/plugin.py): div.pa-read[hidden][data-pa-pause][data-pa-resume]
//   > button.pa-read__toggle + button.pa-read__stop[hidden]

const READ = "pa-read";
const PREFERRED = { zh: ["zh-cn", "cmn-cn"], "zh-hant": ["zh-tw", "zh-hk", "cmn-tw"] };

function voiceFor(lang, voices) {
  const want = lang.toLowerCase();
  const base = want.split("-")[0];
  const tag = (v) => String(v.lang || "").toLowerCase().replace(/_/g, "-");
  const fits = voices.filter((v) => tag(v) === want || tag(v).split("-")[0] === base);
  const preferred = PREFERRED[want] || [want];
  return fits.find((v) => preferred.indexOf(tag(v)) >= 0) || fits[0] || null;
}

// The lesson's text, block by block: title, paragraphs, list items; not the quiz, the
// lesson box, the buttons or the help box (they are not the lesson's own words).
function blocks(article) {
  const skip = ".pa-quiz, .pa-lesson, .pa-present, .pa-help, .pa-read, .pa-note, .pa-cards, .headerlink";
  return Array.from(article.querySelectorAll("h1, h2, h3, p, li")).filter(
    (b) => !b.closest(skip) && !b.querySelector("p, li") && b.textContent.trim()
  );
}

// Sentences of one block as [start, end) offsets into its text.
function sentences(text) {
  const out = [];
  const re = /[^。！？!?.;；\n]+(?:[。！？!?.;；]+[”」"')）]*|$)/g;
  let m;
  while ((m = re.exec(text))) {
    const s = m[0];
    const lead = s.length - s.replace(/^\s+/, "").length;
    if (s.trim()) out.push([m.index + lead, m.index + s.replace(/\s+$/, "").length]);
    if (!s.length) re.lastIndex++;
  }
  return out;
}

// A Range over [start, end) of a block's text, across its text nodes.
function rangeOf(block, start, end) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let node;
  let started = false;
  while ((node = walker.nextNode())) {
    const len = node.data.length;
    if (!started && start <= at + len) { range.setStart(node, start - at); started = true; }
    if (started && end <= at + len) { range.setEnd(node, end - at); return range; }
    at += len;
  }
  return range;
}

function setup(root) {
  if (root.hasAttribute("data-pa-ready")) return;
  root.setAttribute("data-pa-ready", "");
  const synth = window.speechSynthesis;
  const Utterance = window.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return;
  const lang = document.documentElement.lang || "zh";
  const toggle = root.querySelector(`.${READ}__toggle`);
  const stop = root.querySelector(`.${READ}__stop`);
  const label = toggle.textContent;
  const article = root.closest("article") || document.body;
  const highlights = window.CSS && CSS.highlights && window.Highlight ? CSS.highlights : null;
  let voice = null;
  let queue = [];
  let state = "idle"; // idle | speaking | paused

  function show() {
    voice = voiceFor(lang, synth.getVoices() || []);
    root.hidden = !voice;
  }

  function mark(item) {
    for (const b of article.querySelectorAll(`.${READ}--current`)) b.classList.remove(`${READ}--current`);
    if (highlights) highlights.delete(READ);
    if (!item) return;
    item.block.classList.add(`${READ}--current`);
    if (highlights) highlights.set(READ, new Highlight(item.range));
    const box = item.range.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) item.block.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function set(next) {
    state = next;
    toggle.textContent = next === "speaking" ? root.dataset.paPause : next === "paused" ? root.dataset.paResume : label;
    toggle.setAttribute("aria-pressed", next === "idle" ? "false" : "true");
    stop.hidden = next === "idle";
    if (next === "idle") { queue = []; mark(null); }
  }

  function speakNext() {
    const item = queue.shift();
    if (!item) { set("idle"); return; }
    const u = new Utterance(item.text);
    u.lang = voice.lang;
    u.voice = voice;
    u.onstart = () => mark(item);
    u.onend = () => { if (state !== "idle") speakNext(); };
    u.onerror = () => set("idle");
    synth.speak(u);
  }

  toggle.addEventListener("click", () => {
    if (state === "speaking") { synth.pause(); set("paused"); return; }
    if (state === "paused") { synth.resume(); set("speaking"); return; }
    synth.cancel();
    queue = [];
    for (const block of blocks(article)) {
      const text = block.textContent;
      for (const [s, e] of sentences(text)) queue.push({ block, text: text.slice(s, e), range: rangeOf(block, s, e) });
    }
    set("speaking");
    speakNext();
  });
  stop.addEventListener("click", () => { set("idle"); synth.cancel(); });
  addEventListener("pagehide", () => synth.cancel());

  show();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", show);
}

function init() {
  for (const root of document.querySelectorAll(`.${READ}`)) setup(root);
}

// Loaded when the reader first taps the button (see READ_LOADER in pingan/mkdocs/pictures),
// or at start from file://: set up at once, and again after each of Material's navigations.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
