// Filters and search for the contradiction report. The page works
// without this script (every dispute is shown); with it, the filter form
// appears and hides the dispute cards, and dims their matrix columns,
// that do not match. It reads only the page itself and sends nothing.
"use strict";
(() => {
  const form = document.getElementById("filters");
  if (!form) {
    return;
  }
  const cards = Array.from(document.querySelectorAll("article.dispute"));
  const shown = document.getElementById("shown");
  const none = document.getElementById("none-shown");
  const search = document.getElementById("q");
  const columns = new Map();
  for (const g of document.querySelectorAll("#matrix [data-d]")) {
    columns.set(g.getAttribute("data-d"), g);
  }
  const text = new Map(cards.map((c) => [c, c.textContent.toLowerCase()]));

  const checked = (name) =>
    new Set(Array.from(form.querySelectorAll(`input[name="${name}"]:checked`), (i) => i.value));

  const apply = () => {
    const kinds = checked("kind");
    const severities = checked("severity");
    const statuses = checked("status");
    const terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let n = 0;
    for (const card of cards) {
      const ok =
        card.dataset.kinds.split(" ").some((k) => kinds.has(k)) &&
        severities.has(card.dataset.severity) &&
        statuses.has(card.dataset.status) &&
        terms.every((t) => text.get(card).includes(t));
      card.hidden = !ok;
      const col = columns.get(card.id);
      if (col) {
        col.classList.toggle("off", !ok);
      }
      if (ok) {
        n++;
      }
    }
    const noun = cards.length === 1 ? "dispute" : "disputes";
    shown.textContent = n === cards.length ? `all ${n} ${noun}` : `${n} of ${cards.length} ${noun}`;
    none.hidden = n > 0;
  };

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(apply, 0));
  form.hidden = false;
  apply();
})();
