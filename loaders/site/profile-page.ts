/**
 * The Markdown of a profile page (/orte/<slug>), written at build time by the
 * page loader src/orte/[ort].md.ts: key figures as a static table (search
 * indexes them, and they read without JavaScript), the charts as
 * specifications for components/profilechart.ts, the concept summary, links
 * into maps, pyramids and the comparison, and the comparability notes that
 * apply to the place.
 */
import {breaksCrossed, breaksOf, crossingText, seriesBreaks, warningsFor, type ComparabilityRule} from "../../components/comparability.ts";
import {sourcesOfFacts, type SourceRef} from "../../components/provenance.ts";
import {registry} from "../source/sources.ts";
import {profileEmbed, type ChartSpec} from "../../components/profilechart.ts";
import {placeColor} from "../../components/charts/vergleich.ts";
import {formatChange, formatDate, formatNumber, formatPercent, formatValue} from "../../components/format.ts";
import type {TimeRow} from "../../components/timeseries.ts";
import {LINKS} from "../model/comparison.ts";
import {anchor, block, esc, jsonLiteral} from "./html.ts";
import {KIND_LABELS, type Place} from "../model/places.ts";
import {trend, type KeyFigure, type Point, type Profile} from "../model/profiles.ts";

export interface PageContext {
  rules: ComparabilityRule[];
  missing: string[];
  /** Routes that exist in this build (links to others are left out). */
  routes?: ReadonlySet<string>;
  /** Magdeburg: the list of its Stadtteil profiles (HTML). */
  stadtteile?: string;
  /** The place's Kreis among all Kreise of Germany (HTML), where the place is a Kreis. */
  kreisRanks?: string | null;
}

const FLAG_WORDS: Record<string, string> = {
  derived: "vom Atlas berechnet",
  suppressed: "gesperrt/geheim",
  missing: "keine Angabe",
  zero_sign: "„-“ in der Quelle",
  approx: "ungefähr",
  estimate: "Schätzung",
  uncertain: "statistisch unsicher",
  provisional: "vorläufig",
  conflict: "widersprüchlich in der Quelle",
  contradicted: "widerspricht den eigenen Anzahlen (nicht gezeigt)",
  no_base: "0 von 0: kein Anteil"
};

/** The reference date as a reader expects it: a stock on 31.12., a flow over the year. */
export function stand(figure: KeyFigure, year: number): string {
  if (figure.timing === "stock") return formatDate(`${year}-12-31`);
  if (figure.timing === "flow") return `Jahr ${year}`;
  return `${year} (Mikrozensus)`;
}

/** A figure's value in its unit, with its own decimals where it has them. */
export function show(figure: KeyFigure, value: number | null): string {
  return figure.digits !== undefined && figure.unit === "percent" ? formatPercent(value, figure.digits) : formatValue(value, figure.unit);
}

export function changeText(figure: KeyFigure, latest: Point, earlier: Point | null): string {
  if (!earlier || latest.value === null || earlier.value === null) return "–";
  const d = latest.value - earlier.value;
  if (figure.unit === "percent") return `${formatChange(d, {unit: "Pp.", digits: figure.digits ?? 1})} seit ${earlier.year}`;
  return `${formatChange(d, {digits: 0})} seit ${earlier.year}`;
}

/** The series breaks between the two years of a figure's change (the Zensus 2022 in every change since 2019 of the population). */
export function changeBreaks(figure: KeyFigure, place: string, earlier: Point | null, latest: Point, rules: readonly ComparabilityRule[]): ComparabilityRule[] {
  if (!earlier || !figure.indicator) return [];
  return breaksCrossed(rules, {indicator: comparedAs(figure), areas: [place, "03"], origins: [origin(figure)]}, earlier.year, latest.year);
}

function landPoint(figure: KeyFigure, year: number): Point | null {
  return figure.land.find((p) => p.year === year) ?? null;
}

/** The comparison indicator of a figure: its own, or the IM indicator a linked series stands for. */
function comparedAs(figure: KeyFigure): string {
  if (figure.indicator.startsWith("im:") || figure.indicator.startsWith("destatis:")) return figure.indicator;
  if (figure.indicator.includes("/")) return "im:2-3-3";
  return LINKS.find((l) => l.from === figure.indicator)?.to ?? figure.indicator;
}

function origin(figure: KeyFigure): string {
  return figure.indicator === "goettingen:naturalisations / goettingen:foreigners_persons" ? "goettingen:naturalisations/foreigners_persons" : figure.indicator;
}

export function placeRules(profile: Profile, rules: ComparabilityRule[]): ComparabilityRule[] {
  const areas = [profile.place.area_id, profile.parent?.area_id, ...profile.children.map((c) => c.area_id), "03"].filter((a): a is string => !!a);
  // A Kreis the Mikrozensus reports in a group: the group's id counts as selected.
  const groups = profile.figures.some((f) => f.area_note.startsWith("Der Mikrozensus")) ? [profile.place.area_id] : [];
  const found = new Map<string, ComparabilityRule>();
  for (const f of profile.figures) {
    if (!f.indicator || f.unavailable) continue;
    const years = f.series.filter((p) => p.value !== null).map((p) => p.year);
    for (const measure of [undefined, f.per1000.some((p) => p.value !== null) ? "per_1000" : undefined]) {
      for (const r of warningsFor(rules, {indicator: comparedAs(f), areas: [...areas, ...groups], origins: [origin(f)], years, measure})) {
        // Rules about two places apply on a profile only where the page shows both (the Land is always shown).
        found.set(r.id, r);
      }
    }
  }
  return [...found.values()];
}

function keyFigureTable(profile: Profile, rules: readonly ComparabilityRule[]): string {
  const isLand = profile.place.area_id === "03";
  const rows = profile.figures.map((f) => {
    const {latest, earlier} = trend(f.series);
    const cat = f.indicator && !f.indicator.includes("/") ? ` (<a href="/indikatoren#${anchor(f.indicator)}">${esc(f.indicator)}</a>)` : "";
    if (!latest) {
      const flagged = f.series.find((p) => p.flag);
      const why = f.unavailable + (flagged ? ` Kennzeichen der Quelle für ${flagged.year}: ${FLAG_WORDS[flagged.flag!] ?? flagged.flag}.` : "");
      return `<tr data-figure="${f.key}"><th scope="row">${esc(f.label)}</th><td class="num" data-value="" data-label="Wert">–</td><td colspan="${isLand ? 2 : 3}" class="atlas-unavailable">nicht verfügbar: ${esc(why)}</td><td data-label="Quelle">${esc(f.source)}${cat}</td></tr>`;
    }
    const per = f.per1000.find((p) => p.year === latest.year);
    const perText = per && per.value !== null ? `<br><small>${esc(formatNumber(per.value, {digits: 1}))} je 1.000 Einw.</small>` : "";
    const flag = latest.flag ? ` <small>(${esc(FLAG_WORDS[latest.flag] ?? latest.flag)})</small>` : "";
    const land = landPoint(f, latest.year);
    const landCell = isLand ? "" : `<td class="num" data-label="Niedersachsen">${land ? esc(show(f, land.value)) : "–"}</td>`;
    const note = f.area_note ? `<br><small>${esc(f.area_note)}</small>` : "";
    const crossed = latest.value !== null && earlier?.value != null ? changeBreaks(f, profile.place.area_id, earlier, latest, rules) : [];
    const breakNote = crossed.length ? `<br><small class="atlas-break" data-breaks="${esc(crossed.map((r) => r.id).join(" "))}">${esc(crossingText(crossed))}</small>` : "";
    return `<tr data-figure="${f.key}"><th scope="row">${esc(f.label)}${note}</th><td class="num" data-value="${latest.value}" data-year="${latest.year}" data-label="Wert">${esc(show(f, latest.value))}${flag}${perText}</td><td data-label="Stand">${esc(stand(f, latest.year))}</td><td class="num" data-label="Veränderung">${esc(changeText(f, latest, earlier))}${breakNote}</td>${landCell}<td data-label="Quelle">${esc(f.source)}${cat}</td></tr>`;
  });
  return block([
    `<table class="atlas-table atlas-keyfigures" data-place="${esc(profile.place.area_id)}">`,
    `<caption>Kennzahlen: ${esc(profile.place.name)}</caption>`,
    `<thead><tr><th scope="col">Kennzahl</th><th scope="col" class="num">Wert</th><th scope="col">Stand</th><th scope="col" class="num">Veränderung</th>${isLand ? "" : `<th scope="col" class="num">Niedersachsen</th>`}<th scope="col">Quelle (Indikator)</th></tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody></table>"
  ]);
}

function definitions(profile: Profile): string {
  const items = profile.figures.filter((f) => f.definition).map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.definition)}</dd>`);
  return block([`<dl class="atlas-definitions">`, ...items, "</dl>"]);
}

function rowsOf(series: Point[], name: string): TimeRow[] {
  return series.map((p) => ({series: name, year: p.year, value: p.value, flag: p.flag}));
}

function yearSpan(rows: TimeRow[]): string {
  const years = rows.filter((r) => r.value !== null).map((r) => r.year);
  return years.length ? (Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}–${Math.max(...years)}`) : "";
}

/** The sources and files behind facts, each file with its SHA-256 from the register (the build reads it; the page cannot). */
export function pinnedSources(facts: {source_id: string; source_file: string}[]): SourceRef[] {
  const sources = registry().sources;
  return sourcesOfFacts(facts).map((ref) => {
    const pins = new Map(sources.find((s) => s.id === ref.id)?.files.map((f) => [f.path, f.sha256]) ?? []);
    return {...ref, sha256: Object.fromEntries((ref.files ?? []).filter((path) => pins.has(path)).map((path) => [path, pins.get(path)!]))};
  });
}

/** The chart specifications of a profile page, as the page inlines them (and its embed pages and static SVGs use them). */
export function profileCharts(profile: Profile, rules: ComparabilityRule[]): ChartSpec[] {
  const place = profile.place;
  const isLand = place.area_id === "03";
  const landName = place.area_id === "03159016" ? "Niedersachsen (laut Konzept)" : "Niedersachsen";
  const get = (key: string) => profile.figures.find((f) => f.key === key);
  const specs: ChartSpec[] = [];
  const add = (id: string, figures: KeyFigure[], {withLand = true, title, unit, names}: {withLand?: boolean; title: string; unit?: string; names?: string[]}) => {
    const present = figures.filter((f) => f.series.some((p) => p.value !== null));
    if (!present.length) return;
    const f0 = present[0];
    const rows = present.flatMap((f, i) => [...rowsOf(f.series, names?.[i] ?? place.name), ...f.compare.flatMap((c) => rowsOf(c.series, c.label))]);
    const reference = withLand && !isLand && f0.land.some((p) => p.value !== null) ? landName : null;
    if (reference) rows.push(...rowsOf(f0.land, reference));
    const highlight = [...new Set(rows.map((r) => r.series))].filter((s) => s !== reference);
    const warnings = warningsFor(rules, {indicator: comparedAs(f0), areas: [place.area_id, "03"], origins: [origin(f0)], years: rows.filter((r) => r.value !== null).map((r) => r.year)});
    const breaks = breaksOf(warnings);
    const sources = [...new Set(present.flatMap((f) => [f.source, ...f.compare.map((c) => c.source)]))];
    // The files of exactly the points drawn, from each fact's provenance.
    const drawn = [...present.flatMap((f) => [...f.series, ...f.compare.flatMap((c) => c.series)]), ...(reference ? f0.land : [])];
    specs.push({
      id: `${place.slug}-${id}`,
      title: `${title}, ${place.name}${reference ? " und Niedersachsen" : ""}, ${yearSpan(rows)}`,
      unit: unit ?? f0.unit,
      rows,
      highlight,
      reference,
      breaks,
      breakEntries: seriesBreaks(warnings).map(({id, break_year, label, title, text, source}) => ({id, break_year, label, title, text, source})),
      breakSeries: [...present.map((f, i) => names?.[i] ?? place.name), ...(reference ? [reference] : [])],
      source: sources.join("; "),
      sources: pinnedSources(drawn.flatMap((p) => p.from ?? [])),
      date: f0.timing === "stock" ? `jeweils 31.12., ${yearSpan(rows)}` : f0.timing === "flow" ? `Kalenderjahre ${yearSpan(rows)}` : `Jahre ${yearSpan(rows)} (Mikrozensus)`,
      definition: present.map((f) => f.definition).join(" "),
      notes: [...present.map((f) => f.area_note).filter(Boolean), "Lücken in den Linien: kein Wert in der Quelle (nie als 0 gezeichnet)."],
      page: `/orte/${place.slug}`,
      // The place's line in its fixed colour, the one it has on /vergleich and in every embed.
      ...(highlight.includes(place.name) ? {colors: {[place.name]: placeColor(place.area_id)}} : {})
    });
  };
  add("auslaenderanteil", [get("auslaenderanteil")!], {title: "Anteil der ausländischen Bevölkerung"});
  add("einbuergerungsquote", [get("einbuergerungsquote")!], {title: "Einbürgerungen je 100 Ausländerinnen und Ausländer"});
  if (get("einbuergerungen")!.compare.length) add("einbuergerungen", [get("einbuergerungen")!], {withLand: false, title: "Einbürgerungen", names: ["Integrationskonzept"]});
  add("aufenthaltsstatus", [get("duldung")!, get("gestattung")!], {withLand: false, title: "Personen mit Duldung und mit Aufenthaltsgestattung", names: ["Duldung", "Aufenthaltsgestattung"]});
  const asylum = get("asylbewerber_konzept");
  if (asylum) add("asylbewerber", [asylum], {withLand: false, title: "Asylbewerberinnen und Asylbewerber (Integrationskonzept)"});
  add("migrationshintergrund", [get("migrationshintergrund")!], {title: "Anteil der Bevölkerung mit Migrationshintergrund"});
  if (place.kind === "kreisfreie_stadt_st") add("auslaender", [get("auslaender")!], {withLand: false, title: "Ausländische Bevölkerung"});
  return specs;
}

function conceptSection(profile: Profile, routes?: ReadonlySet<string>): string {
  const c = profile.concept;
  const out: string[] = [];
  if (c) {
    out.push(block([
      `<p>${esc(c.publisher)}: ${esc(c.title)} (${c.year}). Der Atlas hat die Gliederung des Konzepts abgeschrieben; jedes Element verweist auf seine Zeile im Dokument.</p>`,
      `<ul class="atlas-concept-counts">`,
      ...c.counts.map((k) => `<li>${esc(k.label)}: ${k.n}</li>`),
      "</ul>"
    ]));
    if (c.fields.length) {
      out.push(block([`<p><strong>Handlungsfelder</strong></p>`, `<ol class="atlas-concept-fields">`, ...c.fields.map((f) => `<li>${esc(f.title)}${f.number ? ` <small>(${esc(f.number)}, Zeile ${f.line})</small>` : ` <small>(Zeile ${f.line})</small>`}</li>`), "</ol>"]));
    }
    if (routes?.has("/konzepte/katalog")) out.push(`<p><a href="/konzepte/katalog?dok=${esc(c.slug)}">Das ganze Konzept: Ziele, Maßnahmen und Indikatoren</a> · <a href="/konzepte/indikatoren">Welche seiner Indikatoren der Atlas messen kann</a></p>`);
  } else {
    out.push(`<p>Für diesen Ort enthält der Atlas kein Integrationskonzept.${profile.related_concepts.length ? "" : " Der Atlas hat die Konzepte von Stadt Göttingen, Stadt Wolfsburg, Region Hannover, Landkreis Rotenburg (Wümme) und Landeshauptstadt Magdeburg abgeschrieben."}</p>`);
  }
  for (const r of profile.related_concepts) out.push(`<p>Siehe auch das Integrationskonzept von <a href="/orte/${esc(r.slug)}">${esc(r.place)}</a>.</p>`);
  return out.join("\n\n");
}

function links(profile: Profile, routes?: ReadonlySet<string>): string {
  const p = profile.place;
  const items: string[] = [];
  const latestYear = trend(profile.figures.find((f) => f.key === "auslaenderanteil")?.series ?? []).latest?.year;
  const has = (route: string) => !routes || routes.has(route);
  const isIm = p.kind !== "kreisfreie_stadt_st" && p.area_id !== "03159016";
  if (isIm && has("/karten/niedersachsen")) {
    // The Kreis map draws the Kreise with Hannover city and Umland apart; the Region as a whole is not an area on it.
    const gebiet = p.area_id !== "03" && p.area_id !== "03241" ? `&gebiet=${p.area_id}` : "";
    items.push(`<li><a href="/karten/niedersachsen?indikator=im:1-2-2${latestYear ? `&jahr=${latestYear}` : ""}${gebiet}">Karte der Kreise Niedersachsens: Anteil der ausländischen Bevölkerung${gebiet ? ", mit diesem Gebiet ausgewählt" : ""}</a></li>`);
    items.push(`<li><a href="/karten/niedersachsen?indikator=im:2-3-3${gebiet}">Karte der Kreise: Einbürgerungen je 100 Ausländerinnen und Ausländer</a></li>`);
  }
  if (p.area_id === "03159016" && has("/karten/niedersachsen")) items.push(`<li><a href="/karten/niedersachsen?indikator=im:1-2-2&gebiet=03159">Karte der Kreise Niedersachsens mit dem Landkreis Göttingen</a></li>`);
  if (p.area_id === "15003000") {
    if (has("/karten/magdeburg")) items.push(`<li><a href="/karten/magdeburg">Karte der Magdeburger Stadtteile: ausländische Bevölkerung</a></li>`);
    if (has("/altersstruktur/magdeburg")) items.push(`<li><a href="/altersstruktur/magdeburg">Alterspyramide Magdeburg</a></li>`);
    if (routes?.has("/altersstruktur/auslaender-magdeburg")) items.push(`<li><a href="/altersstruktur/auslaender-magdeburg">Altersstruktur der ausländischen Bevölkerung Magdeburgs</a></li>`);
  }
  if (isIm && p.area_id !== "03" && routes?.has("/altersstruktur/auslaender-niedersachsen")) items.push(`<li><a href="/altersstruktur/auslaender-niedersachsen?gebiet=${p.area_id}">Altersstruktur der ausländischen Bevölkerung</a></li>`);
  if ((p.area_id === "03241" || p.area_id === "03357") && routes?.has("/karten/gemeinden")) items.push(`<li><a href="/karten/gemeinden?gebiet_auswahl=${p.area_id}">Karte der Gemeinden: Einwohnerdichte (VG250-EW)</a></li>`);
  if (p.area_id === "03103" && routes?.has("/karten/wolfsburg")) items.push(`<li><a href="/karten/wolfsburg">Karte der Wolfsburger Stadtteile (ohne Statistik: die Seite sagt, warum)</a></li>`);
  const orte = p.area_id === "03" ? "03" : `03,${p.area_id}`;
  items.push(`<li><a href="/vergleich?indikator=im:1-2-2&orte=${orte}">Vergleich mit anderen Orten: Anteil der ausländischen Bevölkerung</a></li>`);
  items.push(`<li><a href="/vergleich?indikator=im:2-3-3&orte=${orte}">Vergleich: Einbürgerungen je 100 Ausländerinnen und Ausländer</a></li>`);
  if (profile.parent) items.push(`<li>Übergeordnet: <a href="/orte/${esc(profile.parent.slug)}">${esc(profile.parent.name)}</a></li>`);
  for (const c of profile.children) items.push(`<li>Teil dieses Gebiets: <a href="/orte/${esc(c.slug)}">${esc(c.name)}</a></li>`);
  items.push(`<li><a href="/orte/">Alle Orte</a> · <a href="/indikatoren">Indikatorenkatalog</a></li>`);
  return block([`<ul class="atlas-links">`, ...items, "</ul>"]);
}

function lead(place: Place): string {
  const ags = /^\d+$/.test(place.area_id) ? `Amtlicher Schlüssel ${place.area_id}` : "";
  return block([`<p class="atlas-lead">${esc([KIND_LABELS[place.kind], ags].filter(Boolean).join(" · "))}</p>`, place.note ? `<p>${esc(place.note)}</p>` : ""]);
}

const SOURCE_NAMES: Record<string, string> = {
  "im-niedersachsen": "Integrationsmonitoring Niedersachsen",
  "kiss-md": "KISS-MD Magdeburg",
  "destatis-kreise": "Destatis-Kreistabellen",
  "goettingen-sdg": "SDG-Indikatoren der Stadt Göttingen"
};

/** A path below the site root as a page at `route` refers to it (/orte/wolfsburg → ../abbildungen/…). */
export function fromPage(route: string, path: string): string {
  const depth = route.split("/").length - 2;
  return `${depth ? "../".repeat(depth) : "./"}${path}`;
}

/** The Markdown cells that draw a page's profile charts (components/profilechart.ts) from their specifications; `extra` lines join the first cell. */
export function profileChartCells(route: string, specs: readonly ChartSpec[], extra: string[] = []): string[] {
  return [
    "```js",
    `import {profileChart} from ${JSON.stringify(fromPage(route, "components/profilechart.js"))};`,
    `const charts = ${jsonLiteral(specs)};`,
    ...extra,
    "```",
    "",
    "```js",
    "for (const spec of charts) display(profileChart(spec, {width: Math.min(width, 900)}));",
    "```",
    ""
  ];
}

/** The comparability notes of a page as a list, each with its source; `none` where no rule applies. */
export function comparabilityList(rules: readonly ComparabilityRule[], none: string): string {
  return rules.length
    ? block([`<ul class="atlas-comparability-list">`, ...rules.map((r) => `<li data-rule="${esc(r.id)}"><strong>${esc(r.title)}:</strong> ${esc(r.text)} <small>(Quelle: ${esc(r.source)})</small></li>`), "</ul>"])
    : none;
}

export function profileMarkdown(profile: Profile, ctx: PageContext): string {
  const place = profile.place;
  const rules = placeRules(profile, ctx.rules);
  const specs = profileCharts(profile, ctx.rules);
  const keywords = [place.area_id, place.name, place.slug, place.destatis_id].filter(Boolean).join(", ");
  const missing = ctx.missing.map((id) => `<div class="atlas-notice" role="status" data-missing-source="${esc(id)}"><strong>Quelle nicht verfügbar: ${esc(SOURCE_NAMES[id] ?? id)}</strong><p>Beim Bau dieser Seite konnte die Quelle nicht gelesen werden; ihre Kennzahlen fehlen unten und sind als nicht verfügbar markiert.</p></div>`);
  const parts = [
    "---",
    `title: ${JSON.stringify(place.name)}`,
    "index: true",
    `keywords: ${JSON.stringify(keywords)}`,
    "---",
    "",
    `# ${place.name.replace(/[\\`*_[\]<>$]/g, "\\$&")}`,
    "",
    lead(place),
    "",
    ...missing,
    "",
    "## Kennzahlen",
    "",
    keyFigureTable(profile, ctx.rules),
    "",
    "Veränderung: gegenüber dem frühesten Jahr der letzten fünf Jahre mit Wert; liegt ein Reihenbruch dazwischen (etwa die Umstellung auf den Zensus 2022), steht er unter der Zahl, denn dann ist die Veränderung keine reine Entwicklung. „Je 1.000 Einw.“: vom Atlas berechnet, Anzahl geteilt durch die Bevölkerung desselben Jahres. Die Indikator-Kennungen führen in den Indikatorenkatalog.",
    "",
    "<details><summary>Definitionen der Kennzahlen</summary>",
    "",
    definitions(profile),
    "",
    "</details>",
    "",
    "## Entwicklung",
    ""
  ];
  if (specs.length) {
    parts.push(
      ...profileChartCells(`/orte/${profile.place.slug}`, specs, [
        // Literal references: Framework publishes only the files a page names (src/abbildungen.tar.ts holds them).
        "// The static SVG of each chart, drawn at build time (scripts/profile-figures.ts); its stable address is in the figure's „Einbetten“.",
        `const staticSvgs = [${specs.map((s) => `FileAttachment(${JSON.stringify(fromPage(s.page!, profileEmbed(s)!.svgPath!))})`).join(", ")}];`
      ])
    );
  } else {
    parts.push("<p>Für diesen Ort gibt es in den Quellen des Atlas keine Zeitreihe.</p>", "");
  }
  if (ctx.kreisRanks) parts.push("## Unter allen Kreisen Deutschlands", "", ctx.kreisRanks, "");
  if (ctx.stadtteile) {
    parts.push("## Stadtteile", "", "<p>Jeder der Stadtteile hat ein eigenes Profil: Einwohner, ausländische Bevölkerung und Anteil mit Entwicklung und Rang, Altersgruppen im Vergleich zur Stadt. Anteil zum letzten Stand; „kleine Basis“: weniger als 500 Einwohner oder weniger als 50 Ausländerinnen und Ausländer.</p>", "", ctx.stadtteile, "");
  }
  parts.push("## Hinweise zur Vergleichbarkeit", "");
  parts.push(
    comparabilityList(rules, "<p>Für die Kennzahlen dieses Ortes sind keine Besonderheiten vermerkt, außer denen in den Definitionen.</p>")
  );
  parts.push("", "## Integrationskonzept", "", conceptSection(profile, ctx.routes), "", "## Karten, Vergleiche und Daten", "", links(profile, ctx.routes), "");
  return parts.join("\n");
}
