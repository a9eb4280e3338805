/**
 * The Markdown of a Magdeburg Stadtteil's profile (/orte/magdeburg/<slug>),
 * written once per data state by the site bundle: key figures and the
 * year table as static HTML (the site search indexes them, they read
 * without JavaScript), the share against the city as a profile chart (with
 * its embed page and static SVG like every profile chart), foreigners by age
 * group against the city, and the small-base caveat where it applies.
 */
import type {ChartSpec} from "../../components/profilechart.ts";
import {profileEmbed} from "../../components/profilechart.ts";
import {formatChange, formatDate, formatNumber, formatPercent} from "../../components/format.ts";
import {SMALL_BASE_RULE} from "../../components/smallbase.ts";
import {block, esc, jsonLiteral} from "./html.ts";
import {fromPage, pinnedSources} from "./profile-page.ts";
import {firstAndLatest, type StadtteilProfile, type StadtteilYear} from "../model/stadtteile.ts";

const SOURCE = "Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD)";
const CITY_NAME = "Magdeburg insgesamt";

export function stadtteilRoute(p: Pick<StadtteilProfile, "slug">): string {
  return `/orte/magdeburg/${p.slug}`;
}

/** The chart of the share against the city, every year (id md-stadtteil-<slug>-auslaenderanteil). */
export function stadtteilChart(p: StadtteilProfile): ChartSpec | null {
  const rows = p.years.flatMap((y) => [
    {series: p.name, year: y.year, value: y.anteil, flag: y.flag},
    {series: CITY_NAME, year: y.year, value: y.stadt, flag: null}
  ]);
  const drawn = p.years.filter((y) => y.anteil !== null).map((y) => y.year);
  if (!drawn.length) return null;
  const span = `${Math.min(...drawn)}–${Math.max(...drawn)}`;
  const small = p.years.filter((y) => y.smallBase && y.anteil !== null).map((y) => y.year);
  return {
    id: `md-stadtteil-${p.slug}-auslaenderanteil`,
    title: `Anteil der ausländischen Bevölkerung, ${p.name} und Magdeburg, ${span}`,
    unit: "percent",
    rows,
    highlight: [p.name],
    reference: CITY_NAME,
    breaks: [],
    source: `${SOURCE}, Tabellen K3_T35, K3_T36, K3_T39`,
    sources: pinnedSources(p.shareFrom),
    date: `jeweils 31.12., ${span}`,
    definition: "Ausländische Hauptwohnsitzbevölkerung je 100 Einwohner mit Hauptwohnsitz (2021–2025 von KISS-MD veröffentlicht, davor vom Atlas aus den Anzahlen berechnet).",
    notes: [
      ...(small.length ? [`Kleine Basis in ${small.join(", ")}: weniger als 500 Einwohner oder weniger als 50 Ausländerinnen und Ausländer; der Anteil schwankt stark.`] : []),
      "Lücken in den Linien: kein Wert in der Quelle (nie als 0 gezeichnet)."
    ],
    page: stadtteilRoute(p)
  };
}

function rankText(y: StadtteilYear): string {
  if (y.anteil === null) return "–";
  if (y.smallBase) return "kleine Basis, ohne Rang";
  return `${y.rank} von ${y.ranked}`;
}

function count(v: number | null): string {
  return formatNumber(v, {digits: 0});
}

function keyFigures(p: StadtteilProfile): string {
  const {first, latest} = firstAndLatest(p);
  if (!latest) return "<p>Für diesen Stadtteil liegt in KISS-MD kein Anteil vor.</p>";
  const change = first && first.year !== latest.year && first.anteil !== null ? formatChange((latest.anteil as number) - first.anteil, {unit: "Pp."}) : "–";
  const countChange = (a: number | null, b: number | null) => (a === null || b === null || !first || first.year === latest.year ? "–" : formatChange(b - a, {digits: 0}));
  const since = first && first.year !== latest.year ? ` seit ${first.year}` : "";
  const row = (key: string, label: string, value: number | null, shown: string, city: string, delta: string) =>
    `<tr data-figure="${key}"><th scope="row">${esc(label)}</th><td class="num" data-value="${value ?? ""}" data-year="${latest.year}">${esc(shown)}</td><td class="num">${esc(city)}</td><td class="num">${esc(delta)}${delta !== "–" ? esc(since) : ""}</td></tr>`;
  return block([
    `<table class="atlas-table atlas-keyfigures" data-place="${esc(p.area_id)}">`,
    `<caption>Kennzahlen: ${esc(p.name)}, Stand ${esc(formatDate(`${latest.year}-12-31`))}</caption>`,
    `<thead><tr><th scope="col">Kennzahl</th><th scope="col" class="num">Wert</th><th scope="col" class="num">Magdeburg</th><th scope="col" class="num">Veränderung</th></tr></thead>`,
    "<tbody>",
    row("bevoelkerung", "Einwohner mit Hauptwohnsitz", latest.bevoelkerung, count(latest.bevoelkerung), "", countChange(first?.bevoelkerung ?? null, latest.bevoelkerung)),
    row("auslaender", "Ausländische Bevölkerung", latest.auslaender, count(latest.auslaender), "", countChange(first?.auslaender ?? null, latest.auslaender)),
    row("auslaenderanteil", "Anteil der ausländischen Bevölkerung", latest.anteil, formatPercent(latest.anteil), formatPercent(latest.stadt), change),
    `<tr data-figure="rang"><th scope="row">Rang unter den Stadtteilen (höchster Anteil = 1)</th><td class="num" data-rank="${latest.rank ?? ""}">${esc(rankText(latest))}</td><td></td><td></td></tr>`,
    "</tbody></table>"
  ]);
}

function yearTable(p: StadtteilProfile): string {
  const rows = [...p.years].reverse().map(
    (y) =>
      `<tr data-year="${y.year}"${y.smallBase ? ` data-small-base="true"` : ""}><th scope="row">${y.year}</th><td class="num">${esc(count(y.bevoelkerung))}</td><td class="num">${esc(count(y.auslaender))}</td><td class="num" data-value="${y.anteil ?? ""}">${esc(formatPercent(y.anteil))}${y.flag === "derived" ? " <small>(berechnet)</small>" : ""}</td><td class="num">${esc(formatPercent(y.stadt))}</td><td class="num">${esc(rankText(y))}</td></tr>`
  );
  return block([
    `<div class="atlas-table-scroll"><table class="atlas-table atlas-stadtteil-years">`,
    `<caption>${esc(p.name)}: Einwohner, ausländische Bevölkerung und Anteil je Jahr (31.12.)</caption>`,
    `<thead><tr><th scope="col">Jahr</th><th scope="col" class="num">Einwohner</th><th scope="col" class="num">Ausländer</th><th scope="col" class="num">Anteil</th><th scope="col" class="num">Magdeburg</th><th scope="col" class="num">Rang</th></tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody></table></div>"
  ]);
}

function ageTable(p: StadtteilProfile): string {
  if (p.ageYear === null || p.ages.every((a) => a.anzahl === null)) return "<p>KISS-MD weist für diesen Stadtteil keine ausländische Bevölkerung nach Altersgruppen aus.</p>";
  const rows = p.ages.map(
    (a) =>
      `<tr data-age="${esc(a.age)}"><th scope="row">${esc(a.age.replace("-", " bis "))}${a.age.endsWith("+") ? "" : " Jahre"}</th><td class="num">${esc(count(a.anzahl))}</td><td class="num" data-value="${a.anteil ?? ""}">${esc(formatPercent(a.anteil))}</td><td class="num">${esc(count(a.stadtAnzahl))}</td><td class="num" data-value="${a.stadtAnteil ?? ""}">${esc(formatPercent(a.stadtAnteil))}</td></tr>`
  );
  const small = p.ages.some((a) => a.smallBase);
  return block([
    `<div class="atlas-table-scroll"><table class="atlas-table atlas-stadtteil-ages">`,
    `<caption>Ausländische Bevölkerung nach Altersgruppen, ${esc(p.name)} und Magdeburg, 31.12.${p.ageYear}</caption>`,
    `<thead><tr><th scope="col">Altersgruppe</th><th scope="col" class="num">${esc(p.name)}</th><th scope="col" class="num">Anteil</th><th scope="col" class="num">Magdeburg</th><th scope="col" class="num">Anteil</th></tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody></table></div>",
    `<p class="atlas-explain">Anteil: Ausländerinnen und Ausländer der Altersgruppe je 100 ausländische Einwohner des Gebiets.${small ? " <strong>Kleine Basis:</strong> Die Anteile dieses Stadtteils beruhen auf weniger als 500 ausländischen Einwohnern oder weniger als 50 in der Altersgruppe und schwanken stark." : ""}</p>`
  ]);
}

export function stadtteilMarkdown(p: StadtteilProfile): string {
  const route = stadtteilRoute(p);
  const spec = stadtteilChart(p);
  const {latest} = firstAndLatest(p);
  const parts = [
    "---",
    `title: ${JSON.stringify(`${p.name} (Magdeburg)`)}`,
    "index: true",
    `keywords: ${JSON.stringify([p.name, "Magdeburg", "Stadtteil", p.area_id].join(", "))}`,
    "---",
    "",
    `# ${p.name.replace(/[\\`*_[\]<>$]/g, "\\$&")}`,
    "",
    `<p class="atlas-lead">Stadtteil der Landeshauptstadt Magdeburg · Kennung ${esc(p.area_id)} · Quelle: ${esc(SOURCE)}</p>`,
    "",
    latest?.smallBase
      ? `<div class="atlas-notice atlas-smallbase" role="note" data-small-base="true"><strong>Kleine Basis.</strong> <p>${esc(latest.smallBaseNote ?? "")}. ${esc(SMALL_BASE_RULE)}</p></div>`
      : "",
    "",
    "## Kennzahlen",
    "",
    keyFigures(p),
    "",
    "Rang: unter den Stadtteilen mit Anteil und ausreichender Basis; Stadtteile auf kleiner Basis stehen ohne Rang. Veränderung: gegenüber dem ersten Jahr mit Anteil.",
    "",
    "## Entwicklung",
    ""
  ];
  if (spec) {
    parts.push(
      "```js",
      `import {profileChart} from ${JSON.stringify(fromPage(route, "components/profilechart.js"))};`,
      `const chart = ${jsonLiteral(spec)};`,
      // Literal reference: Framework publishes only the files a page names.
      `const staticSvg = FileAttachment(${JSON.stringify(fromPage(route, profileEmbed(spec)!.svgPath!))});`,
      "```",
      "",
      "```js",
      "display(profileChart(chart, {width: Math.min(width, 900)}));",
      "```",
      ""
    );
  }
  parts.push(yearTable(p), "", "## Ausländische Bevölkerung nach Altersgruppen", "", ageTable(p), "", "## Hinweise", "");
  parts.push(
    block([
      `<ul>`,
      `<li>${esc(SMALL_BASE_RULE)}</li>`,
      `<li>Melderegister der Stadt (Hauptwohnsitz, 31.12.); die Zahlen sind nicht auf den Zensus 2011 oder 2022 umgestellt. Anteile bis 2020 hat der Atlas aus den veröffentlichten Anzahlen berechnet („berechnet“).</li>`,
      `<li>Fehlende Werte sind in der Quelle nicht ausgewiesen oder gesperrt; sie stehen als „–“, nie als 0.</li>`,
      "</ul>"
    ]),
    "",
    "## Karten und Daten",
    "",
    block([
      `<ul class="atlas-links">`,
      `<li><a href="/karten/magdeburg?gebiet=${esc(p.area_id)}">Karte der Magdeburger Stadtteile mit ${esc(p.name)} ausgewählt</a></li>`,
      `<li><a href="/karten/magdeburg?kennzahl=alter&gebiet=${esc(p.area_id)}">Karte: Altersgruppen der ausländischen Bevölkerung</a></li>`,
      `<li>Übergeordnet: <a href="/orte/magdeburg">Landeshauptstadt Magdeburg</a> (alle Stadtteile)</li>`,
      "</ul>"
    ]),
    ""
  );
  return parts.join("\n");
}

/** The list of all Stadtteile on the Magdeburg profile: name, latest share, small-base mark. */
export function stadtteilList(all: StadtteilProfile[]): string {
  const items = [...all]
    .sort((a, b) => a.name.localeCompare(b.name, "de"))
    .map((p) => {
      const {latest} = firstAndLatest(p);
      const value = latest ? `${formatPercent(latest.anteil)} (${latest.year})${latest.smallBase ? ", kleine Basis" : ""}` : "kein Anteil";
      return `<li data-area-id="${esc(p.area_id)}"><a href="${esc(stadtteilRoute(p))}">${esc(p.name)}</a> <small>${esc(value)}</small></li>`;
    });
  return block([`<ul class="atlas-stadtteil-list">`, ...items, "</ul>"]);
}
