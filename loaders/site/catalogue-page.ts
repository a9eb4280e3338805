/**
 * The Markdown of the indicator catalogue (/indikatoren) and of the place
 * index (/orte/), written at build time so that the site search, which
 * indexes page text, finds every indicator and every place by name.
 */
import {formatNumber, formatPercent, LABELS} from "../../components/format.ts";
import type {CatalogueEntry} from "../model/catalogue.ts";
import {anchor, block, esc, plainText} from "./html.ts";
import {KIND_LABELS} from "../model/places.ts";
import {trend, type Profile} from "../model/profiles.ts";

export const UNIT_LABELS: Record<string, string> = {
  percent: "Prozent",
  count: "Anzahl",
  persons: "Personen",
  thousand: "Tausend Personen",
  per_1000: "je 1.000",
  rate: "Quote",
  ratio: "Verhältniszahl",
  years: "Jahre",
  percentage_points: "Prozentpunkte",
  percent_change_since_2005: "Veränderung seit 2005 in Prozent",
  euro: "Euro",
  m2: "Quadratmeter",
  ha: "Hektar",
  rank: "Rang",
  positions: "Stellen",
  months: "Monate"
};

const BREAKDOWN_LABELS: Record<string, string> = {sex: "Geschlecht", age_group: "Altersgruppe", category: "weitere Gliederung (Kategorie)"};

const SOURCE_ORDER = ["im-niedersachsen", "kiss-md", "destatis-kreise", "goettingen-sdg"];

export interface CatalogueOptions {
  missing?: string[];
  /** Indicators the comparison page offers. */
  compared?: ReadonlySet<string>;
  /** Indicators the Kreis map offers. */
  mapped?: ReadonlySet<string>;
}

function text(html: string): string {
  return esc(plainText(html)).replace(/\n/g, "<br>");
}

function coverage(e: CatalogueEntry): string {
  const c = e.coverage;
  const levels = c.levels.map((l) => LABELS[l] ?? l).join(", ");
  const years = c.years ? (c.years[0] === c.years[1] ? `Jahr ${c.years[0]}` : `Jahre ${c.years[0]}–${c.years[1]}`) : "ohne Jahresangabe";
  const breakdowns = c.breakdowns.length ? `gegliedert nach ${c.breakdowns.map((b) => BREAKDOWN_LABELS[b] ?? b).join(", ")}` : "ohne weitere Gliederung";
  return `${formatNumber(c.areas, {digits: 0})} ${c.areas === 1 ? "Gebiet" : "Gebiete"} (${levels}); ${years}; ${breakdowns}; ${formatNumber(c.rows, {digits: 0})} Werte`;
}

const TIMING_WORDS: Record<string, (reference: string) => string> = {
  stock: (r) => `Bestand am Stichtag (${r === "Jahr" ? "Stichtag in der Quelle nicht genannt" : r})`,
  flow: (r) => `Bewegung im Zeitraum (${r})`,
  survey: (r) => `Stichprobenergebnis (${r})`,
  change: (r) => `Veränderung zwischen zwei Zeitpunkten (${r})`
};

function entry(e: CatalogueEntry, opts: CatalogueOptions): string {
  const views: string[] = [];
  if (opts.compared?.has(e.id)) views.push(`<a href="/vergleich?indikator=${esc(e.id)}">Vergleich der Orte</a>`);
  if (opts.mapped?.has(e.id)) views.push(`<a href="/karten/niedersachsen?indikator=${esc(e.id)}">Karte der Kreise</a>`);
  const rows = [
    ["Kennung", `<code>${esc(e.id)}</code>`],
    ...(e.upstream_title && e.upstream_title !== e.title ? [["Titel in der Quelle", esc(e.upstream_title)]] : []),
    ...(e.timing ? [["Bestand oder Bewegung", esc(TIMING_WORDS[e.timing](e.reference))]] : []),
    ...(e.total_only.length ? [["Nur die Summe", esc(`Die Teile nach ${e.total_only.map((b) => BREAKDOWN_LABELS[b] ?? b).join(", ")} ergeben in der Quelle nicht die Summe; der Atlas bietet nur die Summe an (nicht in Vergleich und Rangfolge).`)]] : []),
    ["Definition", e.definition ? text(e.definition) : "Keine Definition in der Quelle."],
    ...(e.computation ? [["Methodik", text(e.computation)]] : []),
    ["Einheit", esc(e.units.map((u) => UNIT_LABELS[u] ?? u).join(", "))],
    ["Art", e.is_rate ? `Quote oder Anteil${e.rate_units.length < e.units.length ? " (neben Anzahlen)" : ""}: darf als Fläche eingefärbt werden` : "Anzahl: wird nicht als Fläche eingefärbt"],
    ["Quelle", esc(e.source_title)],
    ["Lizenz", esc(e.licence)],
    ["Quellenangabe", esc(e.attribution)],
    ["Abdeckung", esc(coverage(e))],
    ...(e.footnotes ? [["Fußnoten", text(e.footnotes)]] : []),
    ...(views.length ? [["Darstellungen", views.join(" · ")]] : [])
  ];
  const years = e.coverage.years ? (e.coverage.years[0] === e.coverage.years[1] ? String(e.coverage.years[0]) : `${e.coverage.years[0]}–${e.coverage.years[1]}`) : "ohne Jahr";
  // Closed by default: 170 entries stay a scannable list; the text is in the page all the same (search indexes it).
  return block([
    `<details class="atlas-indicator" id="${anchor(e.id)}" data-indicator="${esc(e.id)}">`,
    `<summary><strong>${esc(e.title)}</strong> <code>${esc(e.id)}</code> <small>${esc(e.units.map((u) => UNIT_LABELS[u] ?? u).join(", "))} · ${esc(years)} · ${formatNumber(e.coverage.areas, {digits: 0})} ${e.coverage.areas === 1 ? "Gebiet" : "Gebiete"}</small></summary>`,
    `<dl>`,
    ...rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`),
    `</dl>`,
    `</details>`
  ]);
}

export function catalogueMarkdown(entries: CatalogueEntry[], opts: CatalogueOptions = {}): string {
  const groups = new Map<string, CatalogueEntry[]>();
  for (const e of entries) (groups.get(e.source_id) ?? groups.set(e.source_id, []).get(e.source_id)!).push(e);
  const order = [...groups.keys()].sort((a, b) => (SOURCE_ORDER.indexOf(a) + 1 || 99) - (SOURCE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const parts = [
    "---",
    "title: Indikatorenkatalog",
    "---",
    "",
    "# Indikatorenkatalog",
    "",
    block([
      `<p class="atlas-lead">Alle ${entries.length} Indikatoren, die die Loader des Atlas aus ${order.length} Quellen erzeugen: mit Definition, Einheit, Quelle und Lizenz, Abdeckung (Gebiete, Jahre, Gliederungen) und den Fußnoten der Quelle.</p>`,
      `<p>Die Kennung vor dem Doppelpunkt nennt die Quelle: <code>im</code> Integrationsmonitoring Niedersachsen, <code>md</code> KISS-MD Magdeburg, <code>destatis</code> Statistisches Bundesamt, <code>goesis</code> Stadt Göttingen (SDG-Seite); die Namen der Konzepte (<code>goettingen</code>, <code>rotenburg</code> …) stehen für Zahlen, die ein Integrationskonzept selbst druckt.</p>`,
      ...(opts.missing?.length ? [`<div class="atlas-notice" role="status">Beim Bau fehlten Quellen (${esc(opts.missing.join(", "))}); ihre Indikatoren fehlen in diesem Katalog.</div>`] : [])
    ]),
    "",
    "```js",
    "// A link to #<indicator> opens its entry; the filter hides entries whose text does not contain every word typed.",
    "const openTarget = () => { const el = document.getElementById(decodeURIComponent(location.hash.slice(1))); if (el instanceof HTMLDetailsElement) { el.open = true; el.scrollIntoView(); } };",
    "openTarget();",
    "addEventListener(\"hashchange\", openTarget);",
    "const filterInput = Inputs.text({label: \"Filter\", placeholder: \"z. B. Einbürgerung, Duldung, 1-2-2\"});",
    "const filter = view(filterInput);",
    "```",
    "",
    "```js",
    "{",
    "  const words = filter.toLowerCase().split(/\\s+/).filter(Boolean);",
    "  let shown = 0;",
    "  for (const el of document.querySelectorAll(\".atlas-indicator\")) {",
    "    const hit = words.every((w) => el.textContent.toLowerCase().includes(w));",
    "    el.hidden = !hit;",
    "    if (hit) shown++;",
    "  }",
    "  display(html`<p class=\"atlas-explain\" aria-live=\"polite\">${words.length ? `${shown} von ${document.querySelectorAll(\".atlas-indicator\").length} Indikatoren` : \"\"}</p>`);",
    "}",
    "```",
    "",
    block([`<nav class="atlas-catalogue-nav" aria-label="Quellen"><ul>`, ...order.map((s) => `<li><a href="#quelle-${anchor(s)}">${esc(groups.get(s)![0].source_title)}</a> (${groups.get(s)!.length})</li>`), `</ul></nav>`]),
    ""
  ];
  for (const s of order) {
    const list = groups.get(s)!;
    parts.push(`<h2 id="quelle-${anchor(s)}">${esc(list[0].source_title)}</h2>`, "");
    parts.push(block([`<p>${list.length} Indikatoren · Lizenz: ${esc(list[0].licence)}</p>`]), "");
    for (const e of list) parts.push(entry(e, opts), "");
  }
  return parts.join("\n");
}

export function placesIndexMarkdown(profiles: Profile[]): string {
  const row = (p: Profile) => {
    const share = p.figures.find((f) => f.key === "auslaenderanteil")!;
    const rate = p.figures.find((f) => f.key === "einbuergerungsquote")!;
    const s = trend(share.series).latest;
    const r = trend(rate.series).latest;
    const cell = (pt: typeof s, digits: number) => (pt ? `${esc(formatPercent(pt.value, digits))} <small>(${pt.year})</small>` : "–");
    return `<tr><th scope="row"><a href="/orte/${esc(p.place.slug)}">${esc(p.place.name)}</a></th><td>${esc(KIND_LABELS[p.place.kind])}</td><td>${esc(p.place.area_id)}</td><td class="num">${cell(s, 1)}</td><td class="num">${cell(r, 2)}</td><td>${p.concept ? "ja" : ""}</td></tr>`;
  };
  const table = (caption: string, list: Profile[]) =>
    block([
      `<table class="atlas-table atlas-places">`,
      `<caption>${esc(caption)}</caption>`,
      `<thead><tr><th scope="col">Ort</th><th scope="col">Art</th><th scope="col">Schlüssel</th><th scope="col" class="num">Anteil ausländisch</th><th scope="col" class="num">Einbürgerungen je 100 Ausl.</th><th scope="col">Konzept</th></tr></thead>`,
      "<tbody>",
      ...list.map(row),
      "</tbody></table>"
    ]);
  const concept = profiles.filter((p) => p.concept);
  const rest = profiles.filter((p) => !p.concept).sort((a, b) => (a.place.area_id === "03" ? -1 : b.place.area_id === "03" ? 1 : a.place.name.localeCompare(b.place.name, "de")));
  return [
    "---",
    "title: Orte",
    "index: true",
    "---",
    "",
    "# Orte",
    "",
    block([`<p class="atlas-lead">Ein Profil für jeden Ort des Atlas: die fünf Orte der Integrationskonzepte, Niedersachsen, jeder Kreis Niedersachsens (die Region Hannover auch geteilt in Landeshauptstadt und Umland) und Magdeburg. Jedes Profil zeigt Kennzahlen mit Stand und Entwicklung, den Vergleich mit dem Land, was nicht vorliegt, und die Zusammenfassung des Integrationskonzepts, wo es eines gibt.</p>`]),
    "",
    "## Die Orte der Integrationskonzepte",
    "",
    table("Orte der Integrationskonzepte", concept),
    "",
    "## Niedersachsen und seine Kreise",
    "",
    table("Niedersachsen und seine Kreise", rest),
    "",
    "Werte: Anteil der ausländischen Bevölkerung am 31.12. und Einbürgerungen je 100 Ausländerinnen und Ausländer im jüngsten Jahr mit Wert. Für die Stadt Göttingen und Magdeburg stammen sie aus anderen Quellen als für Niedersachsen (siehe die Profile).",
    ""
  ].join("\n");
}
