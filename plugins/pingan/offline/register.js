// Registers the site's service worker (sw.js at the site root) and asks it to keep this page.
// An external script on purpose: the site's Content-Security-Policy allows no inline script.
// Over file:// (the offline USB copy) there is no service worker, and nothing happens.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol) || !script) return;
  var root = new URL(script.getAttribute("data-pingan-root") || "./", location.href);
  function keepThisPage(registration) {
    var worker = navigator.serviceWorker.controller || registration.active;
    if (!worker) return;
    var urls = [location.href.split("#")[0]];
    performance.getEntriesByType("resource").forEach(function (entry) {
      urls.push(entry.name);
    });
    // What the page loads only when needed (quiz.mjs when a quiz comes near): kept too, so a
    // lesson opened once runs its quiz in airplane mode even if the reader never scrolled to it.
    document.querySelectorAll("[data-pa-offline]").forEach(function (el) {
      urls.push(new URL(el.getAttribute("data-pa-offline"), location.href).href);
    });
    worker.postMessage({ pinganCache: urls });
  }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(keepThisPage)
      .catch(function () { /* no worker: the site works as before, online */ });
  });
})();
