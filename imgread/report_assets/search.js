// imgread report: search every image's OCR text and descriptions (the JSON index that
// imgread/report_leaderboard.py writes into the page). Text goes in as text, never as HTML.
"use strict";

(function () {
  const input = document.getElementById("s-text");
  const list = document.getElementById("s-results");
  const count = document.getElementById("s-count");
  const source = document.getElementById("search-index");
  if (!input || !list || !source) return;
  let index = [];
  try { index = JSON.parse(source.textContent || "[]"); } catch (error) { index = []; }
  const MAX_RESULTS = 50;
  const CONTEXT = 60;

  function snippet(text, lower, word) {
    const at = lower.indexOf(word);
    const start = Math.max(0, at - CONTEXT);
    const end = Math.min(text.length, at + word.length + CONTEXT);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function run() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (!words.length) { count.textContent = ""; return; }
    const found = index.filter((item) => {
      const lower = item.text.toLowerCase();
      return words.every((word) => lower.includes(word));
    });
    for (const item of found.slice(0, MAX_RESULTS)) {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = "#" + item.card;
      link.textContent = item.name;
      const what = document.createElement("span");
      what.className = "note";
      what.textContent = " " + item.what + ": ";
      const text = document.createElement("span");
      text.textContent = snippet(item.text, item.text.toLowerCase(), words[0]);
      li.append(link, what, text);
      list.append(li);
    }
    count.textContent = found.length + " match" + (found.length === 1 ? "" : "es");
  }

  input.addEventListener("input", run);
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
})();
