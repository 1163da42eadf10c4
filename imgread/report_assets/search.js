// imgread report: search every image's OCR text and descriptions. The texts are in one data
// file per page of cards (data/NNNN.js, written by imgread/report.py); they are loaded one
// after another on the first search only, so the overview opens at once however many images
// there are. Results appear as the files arrive. Text goes in as text, never as HTML.
"use strict";

(function () {
  const input = document.getElementById("s-text");
  const list = document.getElementById("s-results");
  const count = document.getElementById("s-count");
  if (!input || !list || !count) return;
  const pages = Number(list.dataset.pages || 0);
  const MAX_RESULTS = 50;
  const CONTEXT = 60;
  const index = [];  // every text loaded so far: {href, name, what, text, lower}
  let loaded = 0;     // pages whose data file has arrived (or failed)
  let loading = false;
  let words = [];
  let scanned = 0;    // how much of the index the current words were tried against
  let found = 0;

  // A data file calls this with its page's texts.
  window.imgreadShard = function (page, items) {
    for (const item of items) {
      item.lower = item.text.toLowerCase();
      index.push(item);
    }
  };

  function loadNext() {
    if (loaded >= pages) { loading = false; scan(); return; }
    const script = document.createElement("script");
    script.src = "data/" + String(loaded + 1).padStart(4, "0") + ".js";
    script.onload = script.onerror = () => {
      script.remove();
      loaded += 1;
      scan();
      loadNext();
    };
    document.head.append(script);
  }

  function snippet(text, lower, word) {
    const at = lower.indexOf(word);
    const start = Math.max(0, at - CONTEXT);
    const end = Math.min(text.length, at + word.length + CONTEXT);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function show(item) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = item.href;
    link.textContent = item.name;
    const what = document.createElement("span");
    what.className = "note";
    what.textContent = " " + item.what + ": ";
    const text = document.createElement("span");
    text.textContent = snippet(item.text, item.lower, words[0]);
    li.append(link, what, text);
    list.append(li);
  }

  // Try the current words against what arrived since the last scan.
  function scan() {
    if (!words.length) return;
    for (; scanned < index.length; scanned += 1) {
      const item = index[scanned];
      if (!words.every((word) => item.lower.includes(word))) continue;
      found += 1;
      if (found <= MAX_RESULTS) show(item);
    }
    const matches = found + " match" + (found === 1 ? "" : "es");
    count.textContent = loaded < pages
      ? matches + " so far (" + loaded + " of " + pages + " pages searched)" : matches;
  }

  function run() {
    words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.replaceChildren();
    scanned = 0;
    found = 0;
    if (!words.length) { count.textContent = ""; return; }
    scan();
    if (!loading && loaded < pages) { loading = true; loadNext(); }
  }

  input.addEventListener("input", run);
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
})();
