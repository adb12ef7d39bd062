// The case page /cases/{caseNumber}: the gezinsplan with its revisions, the safety scores as a chart,
// what happened (engine history), the open deadlines and the handover document.
"use strict";

const LABELS = {
  aanleiding: "Aanleiding", zorgenEnKrachten: "Zorgen en krachten per leefgebied", veiligheidsplan: "Veiligheidsplan",
  netwerk: "Netwerk", netwerkOverzicht: "Netwerk in beeld", veranderplan: "Veranderplan", borgingsplan: "Borgingsplan",
  laatsteVeiligheid: "Laatste veiligheidsscore",
  zorgen: "Zorgen", krachten: "Krachten", leefgebied: "Leefgebied", melderRelatie: "Melder", acuteDreigingen: "Acute dreigingen",
  toelichtingAcuteDreiging: "Toelichting acute dreiging", oudersGeinformeerd: "Ouders geïnformeerd",
  meldingOntvangenOp: "Melding ontvangen op", veiligheidsoordeel: "Veiligheidsoordeel", bodemeisen: "Bodemeisen",
  veiligheidsafspraken: "Veiligheidsafspraken", consequenties: "Consequenties", jrVoorwaarden: "Voorwaarden JR",
  vertrouwenspersonen: "Vertrouwenspersonen", veiligheidsinschatting: "Veiligheidsinschatting", kind: "Kind", naam: "Naam",
  relatie: "Relatie", rol: "Rol", vertrouwenspersoonVan: "Vertrouwenspersoon van", genogramGemaakt: "Genogram",
  sociogramGemaakt: "Sociogram", familiegroepsplanAangeboden: "Familiegroepsplan aangeboden",
  kindAlleenGesproken: "Kind alleen gesproken", patroon: "Patroon", instandhoudendeFactoren: "Instandhoudende factoren",
  risicotaxatie: "Risicotaxatie", haalbareEindsituatie: "Haalbare eindsituatie", watVerandert: "Wat verandert",
  watBlijftGecompenseerd: "Wat gecompenseerd blijft", doelen: "Doelen", doel: "Doel", eigenaar: "Eigenaar", hulp: "Hulp",
  voortgang: "Voortgang", casuistiekAdvies: "Advies casuïstiekbespreking", hulpPerDoel: "Hulp per doel",
  hulpaanbieders: "Hulpaanbieders", voortgangToelichting: "Toelichting voortgang", terugvalsignalen: "Signalen van terugval",
  wieGrijptIn: "Wie grijpt in en hoe", doorlopendeHulp: "Doorlopende hulp", jeugdteamVolgt: "Wie in het jeugdteam volgt",
  score: "Score", moment: "Moment", op: "Op",
};
const label = key => LABELS[key] || key.replace(/([A-Z])/g, " $1").toLowerCase();

function value(node) {
  if (node === null || node === undefined || node === "") return bv.el("span", { class: "sub", text: "—" });
  if (Array.isArray(node)) {
    if (node.length === 0) return bv.el("span", { class: "sub", text: "—" });
    if (node.every(item => item === null || typeof item !== "object")) return document.createTextNode(node.join(", "));
    const columns = [...new Set(node.flatMap(item => Object.keys(item || {})))];
    return bv.table(columns.map(label), node.map(item => columns.map(c => value(item?.[c]))));
  }
  if (typeof node === "object") {
    return bv.el("dl", {}, Object.entries(node).flatMap(([key, v]) => [bv.el("dt", { text: label(key) }), bv.el("dd", {}, value(v))]));
  }
  if (typeof node === "boolean") return document.createTextNode(node ? "ja" : "nee");
  if (typeof node === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(node)) return document.createTextNode(bv.dateTime(node));
  return document.createTextNode(String(node));
}

function planView(revision) {
  return bv.el("div", { id: "plan" },
    bv.el("p", { class: "sub", text: `Revisie ${revision.number} · ${bv.dateTime(revision.createdAt)} · ${revision.author} · ${revision.reason}` }),
    Object.entries(revision.content).map(([section, content]) =>
      bv.el("div", { class: "section" }, bv.el("h3", { text: label(section) }), value(content))));
}

function chart(canvas, scores) {
  new Chart(canvas, {
    type: "line",
    data: {
      labels: scores.map(s => bv.date(s.scoredAt)),
      datasets: [{ label: "Veiligheidsscore", data: scores.map(s => s.score), borderColor: "#0b6e99", backgroundColor: "#0b6e99",
        tension: 0.2, pointRadius: 4 }],
    },
    options: {
      animation: false,
      scales: { y: { min: 1, max: 10, ticks: { stepSize: 1 }, title: { display: true, text: "1 = zeer onveilig, 10 = veilig" } } },
      plugins: { tooltip: { callbacks: { afterLabel: item => scores[item.dataIndex].contactType } } },
    },
  });
}

async function showRevision(caseNumber, number) {
  const revision = await bv.api(`/api/cases/${encodeURIComponent(caseNumber)}/plan/revisions/${number}`);
  document.getElementById("plan").replaceWith(planView(revision));
  document.getElementById("plan-title").textContent = `Gezinsplan (revisie ${number})`;
}

async function load() {
  const page = document.getElementById("page");
  const caseNumber = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] || "");
  let details;
  try {
    details = await bv.api(`/api/cases/${encodeURIComponent(caseNumber)}`);
  } catch (error) {
    if (error.status === 401) return bv.showLogin(page, "tasklist", "Log in om zaak " + caseNumber + " te zien");
    return bv.showMessage(page, error.message, true);
  }
  const base = `/api/cases/${encodeURIComponent(caseNumber)}`;
  const [plan, revisions, scores, timeline, me] = await Promise.all([
    bv.api(base + "/plan"), bv.api(base + "/plan/revisions"), bv.api(base + "/safety-scores"), bv.api(base + "/timeline"),
    bv.api("/api/me")]);
  bv.bar(me.userId);
  document.title = `${details.caseNumber} · Blijvend Veilig`;

  const canvas = bv.el("canvas", { id: "scores-chart", "aria-label": "Veiligheidsscores in de tijd", role: "img" });
  const revisionList = bv.el("div", { class: "revisions hidden", id: "revisions" }, bv.table(["Revisie", "Wanneer", "Door", "Reden"],
    revisions.slice().reverse().map(r => [
      bv.el("button", { type: "button", class: "link", text: String(r.revision), onclick: () => showRevision(caseNumber, r.revision) }),
      bv.dateTime(r.createdAt), r.author, r.reason])));

  page.replaceChildren(
    bv.el("h1", { id: "case-title", text: `Zaak ${details.caseNumber} · gezin ${details.familyName}` }),
    bv.el("p", { class: "sub" }, bv.el("span", { class: "tag", id: "phase", text: details.phase }), " ",
      details.measure ? `maatregel ${details.measure} tot ${bv.date(details.measureEnd)} · ` : "",
      details.jeugdbeschermer ? `jeugdbeschermer ${details.jeugdbeschermer} · ` : "",
      `${details.children.length} kind(eren) · ${details.city || ""}`,
      details.reentry ? bv.el("span", { class: "tag bad", text: " herhaalde melding" }) : null),
    bv.el("div", { class: "grid" },
      bv.el("section", { class: "card" }, bv.el("h2", { text: "Veiligheidsscores" }),
        scores.length ? canvas : bv.el("p", { class: "sub", text: "Nog geen scores." }),
        bv.el("p", { class: "sub", id: "scores-summary", text: scores.length
          ? `${scores.length} scores, laatste ${scores[scores.length - 1].score} (${bv.date(scores[scores.length - 1].scoredAt)})` : "" })),
      bv.el("section", { class: "card" }, bv.el("h2", { text: "Open termijnen" }),
        details.openDeadlines.length
          ? bv.table(["Uiterlijk", "Wat", "Bij"], details.openDeadlines.map(d => [
            bv.el("span", { class: d.overdue ? "overdue" : null, text: bv.dateTime(d.due) + (d.overdue ? " (verlopen)" : "") }),
            d.what, d.who || d.kind]))
          : bv.el("p", { class: "sub", text: "Geen open termijnen." })),
      bv.el("section", { class: "card" }, bv.el("h2", { text: "Kinderen" }),
        bv.table(["Naam", "Geboortedatum"], details.children.map(c => [`${c.firstName} ${c.lastName}`, bv.date(c.birthDate)]))),
      bv.el("section", { class: "card" }, bv.el("h2", { text: "Overdrachtsdocument" }),
        bv.el("p", {}, "Het overdrachtsdocument voor het jeugdteam, opgesteld uit het actuele gezinsplan."),
        bv.el("a", { class: "button", href: base + "/handover", target: "_blank", rel: "noopener", text: "Bekijken (HTML)" }),
        bv.el("a", { class: "button", href: base + "/handover.pdf", text: "Downloaden (PDF)" })),
      bv.el("section", { class: "card wide" },
        bv.el("h2", { id: "plan-title", text: `Gezinsplan (revisie ${plan.number}, actueel)` }),
        bv.el("button", { type: "button", id: "show-revisions", text: `Alle ${revisions.length} revisies`,
          onclick: () => document.getElementById("revisions").classList.toggle("hidden") }),
        revisionList, planView(plan)),
      bv.el("section", { class: "card wide timeline" }, bv.el("h2", { text: "Tijdlijn" }),
        bv.table(["Wanneer", "Wat", "", "Fase", "Door"], timeline.slice().reverse().map(e =>
          [bv.dateTime(e.at), e.what, e.kind, e.stage, e.who || ""])))));
  if (scores.length) chart(canvas, scores);
}

document.addEventListener("DOMContentLoaded", load);
