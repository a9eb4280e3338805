/**
 * The home page (/): the atlas's front door, written at build time from the
 * same profiles as /orte/<ort> (no number is typed into the page). Static
 * HTML, so the cards and the search field are on screen with the page's
 * first bytes; the only script is the search (components/placesearch.ts over
 * /data/orte-suche.json). No DuckDB.
 */
import type {KeyFigure, Point, Profile} from "../model/profiles.ts";
import {trend} from "../model/profiles.ts";
import {block, esc} from "./html.ts";
import {crossingText, type ComparabilityRule} from "../../components/comparability.ts";
import {changeBreaks, changeText, show, stand} from "./profile-page.ts";

/** The card's three figures, in this order of preference: a figure the source lacks for a place gives way to the next. */
export const HOME_FIGURES = ["bevoelkerung", "auslaenderanteil", "einbuergerungen", "schutzsuchende"] as const;

/** The map that shows a concept place best. */
const MAP_LINKS: Record<string, {href: string; label: string}> = {
  "03103": {href: "/karten/niedersachsen?indikator=im:1-2-2&gebiet=03103", label: "Karte der Kreise"},
  "03241": {href: "/karten/niedersachsen?indikator=im:1-2-2&gebiet=03241", label: "Karte der Kreise"},
  "03357": {href: "/karten/niedersachsen?indikator=im:1-2-2&gebiet=03357", label: "Karte der Kreise"},
  "03159016": {href: "/karten/niedersachsen?indikator=im:1-2-2&gebiet=03159", label: "Karte der Kreise"},
  "15003000": {href: "/karten/magdeburg", label: "Karte der Stadtteile"}
};

export interface HomeFigure {
  key: string;
  label: string;
  value: number;
  year: number;
  text: string;
  stand: string;
  change: string;
  /** The series breaks the change runs across (the Zensus 2022 rebasing, …), as the profile marks them. */
  breaks: {ids: string[]; text: string};
  source: string;
  series: Point[];
}

/** The three figures of a place's card: latest value, reference date, change, series. */
export function homeFigures(profile: Profile, rules: readonly ComparabilityRule[] = []): HomeFigure[] {
  const out: HomeFigure[] = [];
  for (const key of HOME_FIGURES) {
    const f = profile.figures.find((x) => x.key === key);
    if (!f || out.length === 3) continue;
    const {latest, earlier} = trend(f.series);
    if (!latest || latest.value === null) continue;
    const crossed = earlier?.value != null ? changeBreaks(f, profile.place.area_id, earlier, latest, rules) : [];
    const breaks = {ids: crossed.map((r) => r.id), text: crossingText(crossed)};
    out.push({key, label: f.label, value: latest.value, year: latest.year, text: show(f, latest.value), stand: stand(f, latest.year), change: changeText(f, latest, earlier), breaks, source: f.source, series: f.series});
  }
  return out;
}

/**
 * A sparkline as SVG markup: the series as a line, gaps where a year has no
 * value (never drawn as zero), the latest point marked. Built here, not with
 * Plot, so that the home page loads no chart library.
 */
export function sparkline(series: Point[], {width = 120, height = 32, label}: {width?: number; height?: number; label: string}): string {
  const points = series.filter((p) => p.value !== null) as {year: number; value: number}[];
  if (points.length < 2) return `<span class="atlas-spark-none">keine Zeitreihe</span>`;
  const years = series.map((p) => p.year);
  const x0 = Math.min(...years), x1 = Math.max(...years);
  const values = points.map((p) => p.value);
  const y0 = Math.min(...values), y1 = Math.max(...values);
  const pad = 3;
  const x = (year: number) => pad + ((year - x0) / Math.max(1, x1 - x0)) * (width - 2 * pad);
  const y = (value: number) => height - pad - ((value - y0) / (y1 - y0 || 1)) * (height - 2 * pad);
  const segments: string[] = [];
  let current: string[] = [];
  for (const p of [...series].sort((a, b) => a.year - b.year)) {
    if (p.value === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
    } else current.push(`${current.length ? "L" : "M"}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`);
  }
  if (current.length) segments.push(current.join(" "));
  const last = points.at(-1)!;
  const first = points[0];
  return `<svg class="atlas-spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`${label}: Verlauf ${first.year}–${last.year}`)}"><path d="${segments.join(" ")}" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="${x(last.year).toFixed(1)}" cy="${y(last.value).toFixed(1)}" r="2.5" fill="currentColor" data-value="${last.value}" data-year="${last.year}"/></svg>`;
}

function card(profile: Profile, routes: ReadonlySet<string>, rules: readonly ComparabilityRule[]): string {
  const p = profile.place;
  const figures = homeFigures(profile, rules);
  const map = MAP_LINKS[p.area_id];
  const mapRoute = map?.href.split("?")[0];
  const links = [
    `<a href="/orte/${esc(p.slug)}">Profil</a>`,
    map && mapRoute && routes.has(mapRoute) ? `<a href="${esc(map.href)}">${esc(map.label)}</a>` : "",
    p.concept && routes.has("/konzepte/katalog") ? `<a href="/konzepte/katalog?dok=${esc(p.concept)}">Integrationskonzept</a>` : ""
  ].filter(Boolean);
  return block([
    `<article class="atlas-home-card" data-place="${esc(p.area_id)}" data-slug="${esc(p.slug)}">`,
    `<h3><a href="/orte/${esc(p.slug)}">${esc(p.name)}</a></h3>`,
    `<dl class="atlas-home-figures">`,
    ...figures.map(
      (f) =>
        `<div data-figure="${esc(f.key)}"><dt>${esc(f.label)}</dt><dd><span class="atlas-home-value" data-value="${f.value}" data-year="${f.year}">${esc(f.text)}</span> <span class="atlas-home-stand">Stand ${esc(f.stand)}</span>${sparkline(f.series, {label: f.label})}<span class="atlas-home-change">${esc(f.change)}</span>${f.breaks.ids.length ? `<small class="atlas-break" data-breaks="${esc(f.breaks.ids.join(" "))}">${esc(f.breaks.text)}</small>` : ""}</dd></div>`
    ),
    `</dl>`,
    `<p class="atlas-home-source">Quelle: ${esc([...new Set(figures.map((f) => f.source))].join("; "))}</p>`,
    `<p class="atlas-home-links">${links.join(" · ")}</p>`,
    `</article>`
  ]);
}

/** The newest reference date of each source the profiles draw on. */
export function referenceDates(profiles: Profile[]): {source: string; stand: string; year: number}[] {
  const newest = new Map<string, {figure: KeyFigure; year: number}>();
  for (const profile of profiles) {
    for (const f of profile.figures) {
      if (!f.source) continue;
      const latest = trend(f.series).latest;
      if (!latest) continue;
      const known = newest.get(f.source);
      if (!known || latest.year > known.year) newest.set(f.source, {figure: f, year: latest.year});
    }
  }
  return [...newest.entries()].map(([source, {figure, year}]) => ({source, stand: stand(figure, year), year})).sort((a, b) => b.year - a.year || a.source.localeCompare(b.source, "de"));
}

interface Task {
  title: string;
  who: string;
  text: string;
  links: [string, string][];
}

const TASKS: Task[] = [
  {title: "Gebiete erkunden", who: "für Planung und Verwaltung", text: "Karten der Kreise, Gemeinden und Stadtteile mit Zeitreihe und Rangfolge; Altersaufbau.", links: [["/karten/niedersachsen", "Kreise Niedersachsens"], ["/karten/magdeburg", "Stadtteile Magdeburgs"], ["/karten/gemeinden", "Gemeinden"], ["/altersstruktur/magdeburg", "Alterspyramide"]]},
  {title: "Orte vergleichen", who: "für Planung und Berichte", text: "Zwei oder mehr Orte nebeneinander, mit Hinweisen, wo Quellen nicht vergleichbar sind.", links: [["/vergleich", "Orte vergleichen"], ["/orte/", "Alle Orte"]]},
  {title: "Abbildung einbetten", who: "für Berichte und Webseiten", text: "Jede Abbildung mit Titel, Quelle und Lizenz als Link, SVG, PNG und CSV.", links: [["/einbetten/", "Abbildungen einbetten"]]},
  {title: "Veröffentlichte Zahl prüfen", who: "für Forschung und Redaktion", text: "Jede Zahl der fünf Konzepte nachgerechnet; jede Quelle mit Prüfsumme.", links: [["/reproduktion/", "Reproduktion"], ["/quellen", "Quellen und Datenqualität"], ["/indikatoren", "Indikatorenkatalog"]]}
];

function tasks(routes: ReadonlySet<string>): string {
  const items = TASKS.map((t) => {
    const links = t.links.filter(([href]) => routes.has(href));
    if (!links.length) return "";
    return `<section class="atlas-home-task"><h3>${esc(t.title)}</h3><p class="atlas-home-who">${esc(t.who)}</p><p>${esc(t.text)}</p><ul>${links.map(([href, label]) => `<li><a href="${esc(href)}">${esc(label)}</a></li>`).join("")}</ul></section>`;
  });
  return block([`<div class="atlas-home-tasks">`, ...items.filter(Boolean), `</div>`]);
}

export function homeMarkdown(profiles: Profile[], {routes, rules = []}: {routes: ReadonlySet<string>; rules?: readonly ComparabilityRule[]}): string {
  const concept = profiles.filter((p) => p.place.concept);
  const dates = referenceDates(profiles);
  return [
    "---",
    "title: Integrationsatlas",
    "toc: false",
    "---",
    "",
    `<div class="atlas-home">`,
    "",
    "# Integrationsatlas",
    "",
    `<p class="atlas-home-lead">Statistik zu Bevölkerung, Einbürgerungen und Geflüchteten für die Orte von fünf kommunalen Integrationskonzepten – Karten, Zeitreihen, Altersaufbau und Vergleiche, jede Zahl mit Quelle, Stichtag und Definition.</p>`,
    "",
    block([
      `<form class="atlas-home-search" role="search" action="/orte/">`,
      `<label for="ortssuche">Ort suchen</label>`,
      `<input id="ortssuche" type="search" name="ort" autocomplete="off" spellcheck="false" placeholder="Name oder Gemeindeschlüssel, z. B. Göttingen oder 03357">`,
      `<ul id="ortssuche-liste" class="atlas-search-results" hidden></ul>`,
      `<p id="ortssuche-status" class="atlas-explain" role="status" aria-live="polite"></p>`,
      `</form>`
    ]),
    "",
    "```js",
    `import {attachPlaceSearch} from "./components/placesearch.js";`,
    `const placeIndex = await FileAttachment("./data/orte-suche.json").json();`,
    `attachPlaceSearch(document.getElementById("ortssuche"), document.getElementById("ortssuche-liste"), document.getElementById("ortssuche-status"), placeIndex);`,
    "```",
    "",
    "## Die fünf Konzeptorte",
    "",
    `<p class="atlas-explain">Je drei Kennzahlen mit Stichtag und Verlauf, aus denselben Daten wie die Ortsprofile.</p>`,
    "",
    block([`<div class="atlas-home-cards">`, ...concept.map((p) => card(p, routes, rules)), `</div>`]),
    "",
    "## Was möchten Sie tun?",
    "",
    tasks(routes),
    "",
    "## Datenstand",
    "",
    block([
      `<ul class="atlas-home-dates">`,
      ...dates.map((d) => `<li data-source="${esc(d.source)}"><strong>${esc(d.stand)}</strong> · ${esc(d.source)}</li>`),
      `</ul>`,
      `<p class="atlas-explain">Neueste Stichtage je Quelle. Alle Quellen, Prüfsummen und Befunde der Datenprüfung: <a href="/quellen">Quellen und Datenqualität</a>.</p>`
    ]),
    "",
    `</div>`,
    ""
  ].join("\n");
}
