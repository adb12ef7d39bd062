// The KPI dashboard /dashboard for the teamleider and the beheerder: the figures and tables of
// /api/dashboard with charts, a CSV export of every table, the CBS export and bulk reassignment.
"use strict";

const COLORS = ["#0b6e99", "#2f9e44", "#e67700", "#c2255c", "#5f3dc4", "#1098ad", "#868e96", "#a61e4d"];

// Bars lie down when their labels are long (phases, deadlines, measures): every label stays readable
// next to its own bar, none skipped or slanted; the caseload chart (user names, a norm line) stands up.
function barChart(canvas, labels, datasets, options = {}, lying = true) {
  const valueAxis = lying ? "x" : "y";
  const categoryAxis = lying ? "y" : "x";
  const scales = { [valueAxis]: { beginAtZero: true, ticks: { precision: 0 } }, [categoryAxis]: { ticks: { autoSkip: false } } };
  for (const [axis, settings] of Object.entries(options.scales || {})) {
    scales[axis] = Object.assign({}, scales[axis], settings);
  }
  new Chart(canvas, {
    type: "bar",
    data: { labels: lying ? labels.map(wrap) : labels, datasets: datasets.map((d, i) => Object.assign({ backgroundColor: COLORS[i % COLORS.length] }, d)) },
    // lying bars get taller with their number, so two-line labels keep room
    options: Object.assign({ animation: false, indexAxis: categoryAxis,
      aspectRatio: lying ? Math.min(2, 8 / Math.max(4, labels.length)) : 2,
      plugins: { legend: { display: datasets.length > 1 } } }, options, { scales }),
  });
}

function tableCard(table, chartOf) {
  const canvas = chartOf ? bv.el("canvas", { id: "chart-" + table.id, role: "img", "aria-label": table.title }) : null;
  const card = bv.el("section", { class: "card" + (table.columns.length > 5 || !chartOf ? " wide" : ""), id: "table-" + table.id },
    bv.el("h2", { text: table.title }),
    canvas,
    table.rows.length ? bv.table(table.columns, table.rows.map(row => row.map(cell =>
      typeof cell === "string" && /^\d{4}-\d\d-\d\dT/.test(cell) ? bv.dateTime(cell) : cell)),
      table.columns.map((c, i) => i).filter(i => table.rows.every(r => typeof r[i] === "number" || r[i] === null)))
      : bv.el("p", { class: "sub", text: "Niets te melden." }),
    bv.el("p", {}, bv.el("a", { href: `/api/dashboard/${table.id}.csv`, download: "", text: "Exporteren als CSV" })));
  return { card, draw: () => canvas && chartOf(canvas, table) };
}

/** A long label on lines of about 20 characters, broken at spaces (Chart.js draws an array as lines). */
function wrap(label) {
  const lines = [];
  for (const word of String(label).split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + " " + word).length <= 20) {
      lines[last] += " " + word;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

const CHARTS = {
  fasen: (canvas, t) => barChart(canvas, t.rows.map(r => r[0]), [{ label: "Zaken", data: t.rows.map(r => r[1]) }]),
  caseload: (canvas, t) => barChart(canvas, t.rows.map(r => r[0]), [
    { label: "Kinderen", data: t.rows.map(r => r[2]) },
    { label: "Norm", data: t.rows.map(r => r[3]), type: "line", borderColor: "#a61b1b", backgroundColor: "#a61b1b" }],
    {}, false),
  termijnen: (canvas, t) => barChart(canvas, t.rows.map(r => r[0]), [{ label: "% gehaald", data: t.rows.map(r => r[3]) }],
    { scales: { x: { min: 0, max: 100 } } }),
  doorlooptijden: (canvas, t) => barChart(canvas, t.rows.map(r => r[0]), [
    { label: "Gemiddeld (dagen)", data: t.rows.map(r => r[2]) }, { label: "Mediaan (dagen)", data: t.rows.map(r => r[3]) }]),
  maatregelen: (canvas, t) => barChart(canvas, t.rows.map(r => r[0]), [
    { label: "Lopend", data: t.rows.map(r => r[1]) }, { label: "Beëindigd", data: t.rows.map(r => r[2]) },
    { label: "Verlengingen", data: t.rows.map(r => r[3]) }, { label: "Opheffingen", data: t.rows.map(r => r[4]) }]),
};

function cbsCard() {
  const delivery = bv.el("select", { name: "delivery", "aria-label": "Levering" },
    bv.el("option", { value: "jeugdbescherming", text: "Jeugdbescherming (OTS, voogdij)" }),
    bv.el("option", { value: "jeugdreclassering", text: "Jeugdreclassering" }),
    bv.el("option", { value: "machtiging-uithuisplaatsing", text: "Machtigingen uithuisplaatsing" }));
  const year = new Date().getFullYear();
  const from = bv.el("input", { type: "date", name: "van", value: `${year}-01-01`, "aria-label": "Van" });
  const to = bv.el("input", { type: "date", name: "tot", value: `${year}-06-30`, "aria-label": "Tot en met" });
  const link = bv.el("a", { id: "cbs-link", text: "Downloaden (CSV)" });
  const update = () => link.setAttribute("href",
    `/api/dashboard/cbs/${delivery.value}.csv?van=${from.value}&tot=${to.value}`);
  [delivery, from, to].forEach(input => input.addEventListener("change", update));
  update();
  return bv.el("section", { class: "card" }, bv.el("h2", { text: "CBS Beleidsinformatie Jeugd" }),
    bv.el("p", { class: "sub", text: "Maatregelen per kind die in de periode liepen, met de codes van het informatieprotocol." }),
    bv.el("p", {}, delivery), bv.el("p", {}, "Van ", from, " t/m ", to), link);
}

function reassignCard(workers) {
  const from = bv.el("select", { name: "van", id: "reassign-from", "aria-label": "Van" },
    workers.map(w => bv.el("option", { value: w, text: w })));
  const to = bv.el("input", { type: "text", name: "naar", id: "reassign-to", placeholder: "gebruikersnaam", "aria-label": "Naar" });
  const list = bv.el("div", { id: "reassign-cases" });
  const result = bv.el("div", { id: "reassign-result", role: "status" });
  const showCases = async () => {
    const cases = await bv.api("/api/cases?jeugdbeschermer=" + encodeURIComponent(from.value));
    list.replaceChildren(...cases.map(c => bv.el("label", { style: null },
      bv.el("input", { type: "checkbox", value: c.caseNumber, checked: true }), ` ${c.caseNumber} · gezin ${c.familyName}`,
      bv.el("br"))));
  };
  from.addEventListener("change", showCases);
  const form = bv.el("form", { id: "reassign" },
    bv.el("p", {}, "Van ", from, " naar ", to), list,
    bv.el("button", { class: "primary", type: "submit", text: "Zaken overdragen" }), result);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const zaken = [...list.querySelectorAll("input:checked")].map(box => box.value);
    try {
      const answer = await bv.api("/api/cases/reassignment", { method: "POST", body: { van: from.value, naar: to.value, zaken } });
      result.replaceChildren(bv.el("p", { class: "message", text:
        `${answer.overgedragen.length} zaken overgedragen aan ${answer.naar}` +
        (answer.overgeslagen.length ? `, ${answer.overgeslagen.length} overgeslagen: ` +
          answer.overgeslagen.map(s => `${s.zaak} (${s.reden})`).join("; ") : ".") }));
      showCases();
    } catch (error) {
      result.replaceChildren(bv.el("p", { class: "message error", text: error.message }));
    }
  });
  if (workers.length) showCases();
  return bv.el("section", { class: "card" }, bv.el("h2", { text: "Zaken overdragen (verlof, vertrek)" }),
    bv.el("p", { class: "sub", text: "Open taken gaan mee naar de nieuwe jeugdbeschermer." }), form);
}

async function load() {
  const page = document.getElementById("page");
  let dashboard, me;
  try {
    [dashboard, me] = await Promise.all([bv.api("/api/dashboard"), bv.api("/api/me")]);
  } catch (error) {
    if (error.status === 401) return bv.showLogin(page, "cockpit", "Log in om het dashboard te zien");
    return bv.showMessage(page, error.message, true);
  }
  bv.bar(me.userId);
  const figures = bv.el("div", { class: "grid", id: "figures" }, dashboard.figures.map(f =>
    bv.el("section", { class: "card", id: "figure-" + f.id }, bv.el("h2", { text: f.label }),
      bv.el("div", { class: "figure" }, f.value === null ? "—" : String(f.value).replace(".", ","), " ",
        bv.el("small", { text: f.unit })))));
  const cards = dashboard.tables.map(t => tableCard(t, CHARTS[t.id]));
  const caseload = dashboard.tables.find(t => t.id === "caseload");
  const actions = [cbsCard()];
  if (me.groups.includes("teamleider")) actions.unshift(reassignCard(caseload.rows.map(r => r[0])));
  page.replaceChildren(
    bv.el("h1", { text: "Dashboard" }),
    bv.el("p", { class: "sub", text: `Stand van ${bv.dateTime(dashboard.at)}, uit de historie van de engine en het zaakdossier.` }),
    figures, bv.el("div", { class: "grid" }, cards.map(c => c.card), actions));
  cards.forEach(c => c.draw());
}

document.addEventListener("DOMContentLoaded", load);
