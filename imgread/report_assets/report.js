// imgread report: filters, search, word-box toggle and zoom. Plain JS, no libraries.
// Cards and index rows carry the same data-* attributes (written by imgread/report.py).
"use strict";

(function () {
  const byId = (id) => document.getElementById(id);
  const items = Array.from(document.querySelectorAll(".card, #index tbody tr"));
  const controls = ["f-name", "f-status", "f-flag", "f-model", "f-rows"].map(byId);
  const [name, status, flag, model, rows] = controls;

  function parseList(text) {
    try { return JSON.parse(text || "[]"); } catch (error) { return []; }
  }

  function matches(el) {
    const data = el.dataset;
    if (name && name.value && !data.name.includes(name.value.trim().toLowerCase())) return false;
    if (status && status.value && data.status !== status.value) return false;
    if (flag && flag.value && !data.flags.split(" ").includes(flag.value)) return false;
    if (model && model.value) {
      const cut = model.value.indexOf(":");
      const list = model.value.slice(0, cut) === "vlm" ? data.vlms : data.read;
      if (!parseList(list).includes(model.value.slice(cut + 1))) return false;
    }
    if (rows && rows.value === "yes" && Number(data.rows) === 0) return false;
    if (rows && rows.value === "no" && Number(data.rows) > 0) return false;
    return true;
  }

  function apply() {
    let shown = 0;
    let total = 0;
    for (const el of items) {
      el.hidden = !matches(el);
      if (el.classList.contains("card")) {
        total += 1;
        if (!el.hidden) shown += 1;
      }
    }
    const count = byId("f-count");
    if (count) count.textContent = shown + " of " + total + " images shown";
  }

  for (const control of controls) {
    if (control) control.addEventListener("input", apply);
  }
  const form = byId("filters");
  if (form) form.addEventListener("submit", (event) => event.preventDefault());
  apply();

  const ZOOM_STEP = 1.5;
  const ZOOM_MAX = 8;
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-zoom]");
    if (!button) return;
    const canvas = button.closest(".card").querySelector(".canvas");
    if (!canvas) return;
    const current = Number(canvas.dataset.zoom || 1);
    const action = button.dataset.zoom;
    const next = action === "in" ? Math.min(current * ZOOM_STEP, ZOOM_MAX)
      : action === "out" ? Math.max(current / ZOOM_STEP, 1) : 1;
    canvas.dataset.zoom = String(next);
    canvas.style.width = (next * 100) + "%";
  });

  document.addEventListener("change", (event) => {
    if (!event.target.classList.contains("toggle-boxes")) return;
    const figure = event.target.closest(".card").querySelector(".figure");
    if (figure) figure.classList.toggle("no-boxes", !event.target.checked);
  });
})();
