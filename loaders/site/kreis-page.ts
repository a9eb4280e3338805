/**
 * /kreise/<AGS>: the compact profile of one Kreis of Germany, for every Kreis
 * of 12411-0018's latest year. Its key figures come from the series that exist
 * for all Kreise on one definition (12411-0018, INKAR, Destatis 2018), each
 * with the Land, Germany and the Kreis's rank among all Kreise; its charts are
 * the same profile charts as on the full profiles (components/profilechart.ts),
 * drawn in the browser. Written into the site bundle at build time, so the 401
 * pages cost no page-loader process each.
 */
import {breaksOf, warningsFor, type ComparabilityRule} from "../../components/comparability.ts";
import type {ChartSpec} from "../../components/profilechart.ts";
import {placeColor} from "../../components/charts/vergleich.ts";
import {formatChange, formatNumber, formatValue} from "../../components/format.ts";
import type {TimeRow} from "../../components/timeseries.ts";
import type {CatalogueEntry} from "../model/catalogue.ts";
import type {Fact} from "../model/model.ts";
import {LAENDER} from "../parse/vg5000.ts";
import {block, esc} from "./html.ts";
import {SERIES, isKreis, latestYear, type KreisRank} from "./kreise-page.ts";
import {comparabilityList, fromPage, profileChartCells} from "./profile-page.ts";

export const kreisRoute = (ags: string) => `/kreise/${ags}`;

/** "Harz, Landkreis" → "Landkreis Harz"; "Flensburg, kreisfreie Stadt" → "Flensburg (kreisfreie Stadt)": as readers write them. */
export function kreisDisplayName(destatisName: string): string {
  const [bare, kind] = destatisName.split(/,\s*/);
  if (!kind) return destatisName;
  return /^(Landkreis|Kreis)$/.test(kind) ? `${kind} ${bare}` : `${bare} (${kind})`;
}

const total = (f: Fact) => f.sex === "total" && f.age_group === "total";

/** The charts of a Kreis page: Kreis, its Land and Germany over the years of each all-Kreise series. */
const CHARTED: {indicator: string; key: string; title: string}[] = [
  {indicator: "inkar:q_asyl_bev", key: "asylbewerberleistungen", title: "Empfänger von Regelleistungen nach dem Asylbewerberleistungsgesetz je 1.000 Einwohner"},
  {indicator: "destatis:anteil_unter_18", key: "unter-18", title: "Anteil der unter 18-Jährigen an der Bevölkerung"},
  {indicator: "destatis:anteil_65_plus", key: "65-plus", title: "Anteil der 65-Jährigen und Älteren an der Bevölkerung"}
];

export interface KreisPageContext {
  /** All facts of the build; the Kreis pages read the Germany-wide series. */
  facts: Fact[];
  ranked: ReadonlyMap<string, KreisRank[]>;
  rules: readonly ComparabilityRule[];
  catalogue: readonly CatalogueEntry[];
  /** Kreise with a full profile of their own (/orte/<slug>). */
  profiles: ReadonlyMap<string, string>;
}

/** Facts by indicator and area, total sex and age: the series a Kreis page reads. */
function seriesIndex(facts: Fact[]): Map<string, Fact[]> {
  const wanted = new Set([...SERIES.map((s) => s.indicator), "destatis:bevoelkerung"]);
  const out = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!wanted.has(f.indicator) || !total(f) || f.year === null || !["kreis", "land", "bund"].includes(f.area_level)) continue;
    const key = `${f.indicator}|${f.area_id}`;
    (out.get(key) ?? out.set(key, []).get(key)!).push(f);
  }
  for (const list of out.values()) list.sort((a, b) => (a.year as number) - (b.year as number));
  return out;
}

/** Every Kreis page of the build, by route; none without the Germany sources. */
export function kreisPages(ctx: KreisPageContext): Record<string, string> {
  const index = seriesIndex(ctx.facts);
  const year = latestYear(ctx.facts, "destatis:bevoelkerung");
  const pages: Record<string, string> = {};
  for (const f of ctx.facts) {
    if (f.indicator === "destatis:bevoelkerung" && isKreis(f) && f.year === year && total(f)) pages[kreisRoute(f.area_id)] = kreisMarkdown(f, index, ctx);
  }
  return pages;
}

function kreisMarkdown(population: Fact, index: Map<string, Fact[]>, ctx: KreisPageContext): string {
  const ags = population.area_id;
  const land = ags.slice(0, 2);
  const name = kreisDisplayName(population.area_name);
  const route = kreisRoute(ags);
  const at = (indicator: string, area: string) => index.get(`${indicator}|${area}`) ?? [];
  const valueIn = (indicator: string, area: string, year: number) => at(indicator, area).find((f) => f.year === year)?.value ?? null;
  const entry = (indicator: string) => ctx.catalogue.find((e) => e.id === indicator);
  const profile = ctx.profiles.get(ags);
  const ranks = ctx.ranked.get(ags) ?? [];

  const pop = at("destatis:bevoelkerung", ags).filter((f) => f.value !== null);
  const first = pop[0];
  const change = first && first.year !== population.year && first.value ? `${formatChange((((population.value as number) - first.value) / first.value) * 100, {digits: 1, unit: "%"})} seit ${first.year}` : "";
  const rows = [
    `<tr data-figure="bevoelkerung"><th scope="row">Bevölkerung</th><td class="num" data-value="${population.value}" data-label="Wert">${esc(formatNumber(population.value, {digits: 0}))}</td><td data-label="Stand">31.12.${population.year}</td><td data-label="Veränderung">${esc(change)}</td><td class="num" data-label="${esc(LAENDER[land])}">${esc(formatNumber(valueIn("destatis:bevoelkerung", land, population.year as number), {digits: 0}))}</td><td class="num" data-label="Deutschland">${esc(formatNumber(valueIn("destatis:bevoelkerung", "DE", population.year as number), {digits: 0}))}</td><td data-label="Quelle">Destatis 12411-0018</td></tr>`,
    ...SERIES.map((s) => {
      const r = ranks.find((k) => k.indicator === s.indicator);
      const y = r?.year ?? latestYear(ctx.facts, s.indicator);
      const value = r?.value ?? null;
      return `<tr data-figure="${esc(s.indicator)}"><th scope="row">${esc(s.label)}</th><td class="num" data-value="${value ?? ""}" data-label="Wert">${esc(formatValue(value, s.unit))}</td><td data-label="Stand">31.12.${y}</td><td data-label="Rang">${r?.rank ? `Rang ${r.rank} von ${r.of}` : "kein Wert in der Quelle, kein Rang"}</td><td class="num" data-label="${esc(LAENDER[land])}">${esc(formatValue(valueIn(s.indicator, land, y), s.unit))}</td><td class="num" data-label="Deutschland">${esc(formatValue(valueIn(s.indicator, "DE", y), s.unit))}</td><td data-label="Quelle">${esc(s.source)}</td></tr>`;
    })
  ];

  const specs: ChartSpec[] = [];
  // The comparability notes of every chart, once each.
  const rules = new Map<string, ComparabilityRule>();
  for (const c of CHARTED) {
    const lines: [string, Fact[]][] = [[name, at(c.indicator, ags)], [LAENDER[land], at(c.indicator, land)], ["Deutschland", at(c.indicator, "DE")]];
    const timeRows: TimeRow[] = lines.flatMap(([series, facts]) => facts.map((f) => ({series, year: f.year as number, value: f.value, flag: f.flag})));
    if (!timeRows.some((r) => r.series === name && r.value !== null)) continue;
    const years = timeRows.filter((r) => r.value !== null).map((r) => r.year);
    const span = `${Math.min(...years)}–${Math.max(...years)}`;
    const e = entry(c.indicator);
    const s = SERIES.find((x) => x.indicator === c.indicator)!;
    // No "measure": every charted series is a rate or share as its source gives it (INKAR) or from one table's own counts (12411-0018), as /vergleich treats them.
    const applying = warningsFor(ctx.rules, {indicator: c.indicator, areas: [ags, land, "DE"], origins: [c.indicator], years});
    for (const r of applying) rules.set(r.id, r);
    specs.push({
      id: `kreis-${ags}-${c.key}`,
      title: `${c.title}, ${name}, ${LAENDER[land]} und Deutschland, ${span}`,
      unit: s.unit,
      rows: timeRows,
      highlight: [name, LAENDER[land]],
      reference: "Deutschland",
      breaks: breaksOf(applying),
      source: [s.source, e?.attribution].filter(Boolean).join("; "),
      date: `jeweils 31.12., ${span}`,
      definition: [e?.definition, e?.computation].filter(Boolean).join(" "),
      notes: ["Land und Deutschland: vom Atlas aus den Kreiswerten der Quelle berechnet, wo die Quelle sie nicht selbst ausweist (in der Datentabelle als berechnet gekennzeichnet).", "Lücken in den Linien: kein Wert in der Quelle (nie als 0 gezeichnet)."],
      colors: {[name]: placeColor(ags)}
    });
  }

  const licences = [...new Set([...SERIES.map((s) => entry(s.indicator)), entry("destatis:bevoelkerung")].filter(Boolean).map((e) => `${e!.source_title}: ${e!.licence}${e!.attribution ? ` (${e!.attribution})` : ""}`))];
  const parts = [
    "---",
    `title: ${JSON.stringify(`${name} – Kurzprofil`)}`,
    // A Kreis with a full profile is found there by the site search, not twice.
    `index: ${profile ? "false" : "true"}`,
    `keywords: ${JSON.stringify([ags, population.area_name, name, LAENDER[land]].join(", "))}`,
    "toc: false",
    "---",
    "",
    `# ${name.replace(/[\\`*_[\]<>$]/g, "\\$&")}`,
    "",
    block([
      `<p class="atlas-lead">Kreis in ${esc(LAENDER[land])} · Amtlicher Schlüssel ${esc(ags)} · Gebietsstand 31.12.${population.year}</p>`,
      profile
        ? `<p class="atlas-notice" role="note">Für diesen Kreis hat der Atlas ein ausführliches Profil mit Integrationsmonitoring und Zeitreihen: <a href="${fromPage(route, `orte/${profile}`)}">${esc(name)}: Profil</a>. Diese Seite zeigt nur die Reihen, die für alle Kreise Deutschlands vorliegen.</p>`
        : `<p>Kurzprofil mit den Reihen, die für alle Kreise Deutschlands auf einer Definition vorliegen; für diesen Kreis hat der Atlas kein Integrationskonzept und keine Reihen des Integrationsmonitorings.</p>`
    ]),
    "",
    "## Kennzahlen",
    "",
    block([
      `<table class="atlas-table atlas-keyfigures" data-place="${esc(ags)}">`,
      `<caption>Kennzahlen: ${esc(name)}, mit ${esc(LAENDER[land])}, Deutschland und dem Rang unter allen Kreisen (Rang 1 = höchster Wert)</caption>`,
      `<thead><tr><th scope="col">Kennzahl</th><th scope="col" class="num">Wert</th><th scope="col">Stand</th><th scope="col">Rang / Veränderung</th><th scope="col" class="num">${esc(LAENDER[land])}</th><th scope="col" class="num">Deutschland</th><th scope="col">Quelle</th></tr></thead>`,
      "<tbody>",
      ...rows,
      "</tbody></table>"
    ]),
    "",
    "„–“: kein Wert in der Quelle (nie 0). Land und Deutschland sind, wo die Quelle sie nicht selbst ausweist, vom Atlas aus den Kreiswerten summiert. Die Anteile und der Altenquotient sind vom Atlas aus den Altersgruppen von 12411-0018 berechnet; Schutzsuchende je 1.000 Einwohner aus Destatis 12531 und 12411-0018.",
    "",
    "## Entwicklung",
    ""
  ];
  if (specs.length) {
    parts.push(...profileChartCells(route, specs));
  } else {
    parts.push("<p>Für diesen Kreis gibt es in den Quellen des Atlas keine Zeitreihe.</p>", "");
  }
  parts.push("## Hinweise zur Vergleichbarkeit", "");
  parts.push(
    comparabilityList([...rules.values()], "<p>Für diese Reihen sind keine Besonderheiten vermerkt, außer denen in den Definitionen.</p>"),
    ""
  );
  const orte = ags === "15003" ? "15003000" : ags;
  parts.push(
    "## Karten, Vergleiche und Quellen",
    "",
    block([
      `<ul class="atlas-links">`,
      `<li><a href="${fromPage(route, `karten/deutschland?gebiet=${ags}`)}">Deutschlandkarte mit diesem Kreis</a></li>`,
      `<li><a href="${fromPage(route, `altersstruktur/kreise?gebiet=${ags}`)}">Alterspyramide dieses Kreises</a></li>`,
      `<li><a href="${fromPage(route, `vergleich?indikator=inkar:q_asyl_bev&orte=${orte}`)}">Vergleich mit anderen Orten: Asylbewerberleistungen je 1.000 Einwohner</a></li>`,
      `<li><a href="${fromPage(route, `kreise#k${ags}`)}">Alle Kreise Deutschlands</a> · <a href="${fromPage(route, "indikatoren")}">Indikatorenkatalog</a> · <a href="${fromPage(route, "quellen")}">Quellen und Datenqualität</a></li>`,
      "</ul>",
      `<p class="atlas-explain">Lizenzen: ${licences.map(esc).join("; ")}.</p>`
    ]),
    ""
  );
  return parts.join("\n");
}
