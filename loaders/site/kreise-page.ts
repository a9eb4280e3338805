/**
 * The Kreise of Germany on one definition: the series that exist for all
 * Kreise (12411-0018, INKAR, Destatis 2018), each Kreis's rank on them
 * (computed once for the Kreis pages, the profiles and /kreise), and /kreise,
 * the index of the Kreis pages (/kreise/<AGS>, kreis-page.ts): one generated
 * page in one process, not 400 page loaders.
 */
import {formatNumber, formatValue} from "../../components/format.ts";
import {LAENDER} from "../parse/vg5000.ts";
import type {Fact} from "../model/model.ts";
import {kreisIdOf, places} from "../model/places.ts";
import {block, esc} from "./html.ts";

interface Series {
  indicator: string;
  label: string;
  unit: string;
  source: string;
}

export const SERIES: Series[] = [
  {indicator: "destatis:anteil_unter_18", label: "unter 18", unit: "percent", source: "Destatis 12411-0018, Berechnung des Atlas"},
  {indicator: "destatis:anteil_65_plus", label: "65 und älter", unit: "percent", source: "Destatis 12411-0018, Berechnung des Atlas"},
  {indicator: "destatis:altenquotient", label: "Altenquotient", unit: "ratio", source: "Destatis 12411-0018, Berechnung des Atlas: 65-Jährige und Ältere je 100 Personen von 20 bis unter 65"},
  {indicator: "inkar:q_asyl_bev", label: "AsylbLG-Empfänger", unit: "per_1000", source: "INKAR (BBSR): Empfänger von Regelleistungen nach dem Asylbewerberleistungsgesetz je 1.000 Einwohner"},
  {indicator: "destatis:schutzsuchende_je_1000", label: "Schutzsuchende", unit: "per_1000", source: "Destatis 12531 (Schutzsuchende) je 1.000 Einwohner nach 12411-0018, Berechnung des Atlas"}
];

/** Rank 1 = highest value, among the Kreise with a value. */
function ranks(facts: Fact[]): Map<string, {value: number | null; rank: number | null; of: number}> {
  const valued = facts.filter((f) => f.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  const out = new Map<string, {value: number | null; rank: number | null; of: number}>();
  valued.forEach((f, i) => out.set(f.area_id, {value: f.value, rank: i + 1, of: valued.length}));
  for (const f of facts) if (!out.has(f.area_id)) out.set(f.area_id, {value: null, rank: null, of: valued.length});
  return out;
}

/** A Kreis of 12411-0018 or INKAR (5-digit AGS), not a Land, Germany or a Gemeinde. */
export const isKreis = (f: Fact) => f.area_level === "kreis" && /^\d{5}$/.test(f.area_id);

/** The latest year with Kreis values of an indicator (0 without any): each series is ranked on its own latest year. */
export function latestYear(facts: readonly Fact[], indicator: string): number {
  let latest = 0;
  for (const f of facts) if (f.indicator === indicator && isKreis(f) && f.year !== null && f.year > latest) latest = f.year;
  return latest;
}

/** One Kreis's place among all Kreise of Germany, series by series (as /kreise shows it). */
export interface KreisRank {
  indicator: string;
  label: string;
  year: number;
  unit: string;
  source: string;
  value: number | null;
  rank: number | null;
  of: number;
}

/** Every Kreis's ranks on the series of SERIES: computed once, read by /kreise and by the profiles. */
export function kreisRanks(facts: Fact[]): Map<string, KreisRank[]> {
  const out = new Map<string, KreisRank[]>();
  for (const s of SERIES) {
    const year = latestYear(facts, s.indicator);
    for (const [id, r] of ranks(facts.filter((f) => f.indicator === s.indicator && isKreis(f) && f.year === year && f.sex === "total" && f.age_group === "total"))) {
      (out.get(id) ?? out.set(id, []).get(id)!).push({indicator: s.indicator, label: s.label, year, unit: s.unit, source: s.source, ...r});
    }
  }
  return out;
}

/** A Kreis's rank on one series of SERIES (none: the sources have no value for it). */
const rankOn = (ranked: ReadonlyMap<string, KreisRank[]>, kreisId: string, series: Series) => ranked.get(kreisId)?.find((r) => r.indicator === series.indicator);

/**
 * A profile's section "Unter allen Kreisen Deutschlands": the place's Kreis
 * (a Kreis or kreisfreie Stadt; not the Land, not a part of a Kreis) with its
 * rank on each series that exists for all Kreise on one definition.
 */
export function kreisRankSection(kreisId: string, ranked: ReadonlyMap<string, KreisRank[]>): string | null {
  if (!ranked.get(kreisId)?.length) return null;
  const items = SERIES.map((s) => {
    const r = rankOn(ranked, kreisId, s);
    return `<li>${esc(s.label)}${r ? ` ${r.year}` : ""}: <strong>${esc(formatValue(r?.value ?? null, s.unit))}</strong>${r?.rank ? ` · Rang ${r.rank} von ${r.of}` : " · kein Wert in der Quelle, kein Rang"} <small>(${esc(s.source)}${r ? `; Stichtag 31.12.${r.year}` : ""})</small></li>`;
  });
  return [
    `<div class="atlas-kreis-ranks" data-area-id="${kreisId}">`,
    `<p>Rang unter allen Kreisen und kreisfreien Städten Deutschlands mit Wert (Rang 1 = höchster Wert), auf einer Definition für alle Kreise. Diese Reihen sind andere als die Kennzahlen oben (andere Quellen und Stichtage), deshalb stehen sie getrennt.</p>`,
    `<ul>${items.join("")}</ul>`,
    `<p><a href="${"../kreise/" + kreisId}">Kurzprofil dieses Kreises</a> · <a href="${"../kreise#k" + kreisId}">alle Kreise</a> · <a href="../karten/deutschland?gebiet=${kreisId}">Deutschlandkarte</a> · <a href="../altersstruktur/kreise?gebiet=${kreisId}">Alterspyramide</a></p>`,
    `</div>`
  ].join("\n");
}

/**
 * /kreise: the index of the Kreis pages, per Land a table of its Kreise with
 * population and the asylum-benefit rate and rank (the rest is on each
 * Kreis's page). Anchors #k<AGS> stay for older links.
 */
export function kreiseMarkdown(facts: Fact[]): string {
  const year = latestYear(facts, "destatis:bevoelkerung");
  const population = facts.filter((f) => f.indicator === "destatis:bevoelkerung" && isKreis(f) && f.year === year && f.sex === "total" && f.age_group === "total");
  const ranked = kreisRanks(facts);
  const asylum = SERIES.find((s) => s.indicator === "inkar:q_asyl_bev")!;
  const asylumYear = latestYear(facts, asylum.indicator);
  const profiles = new Map(places().flatMap((p) => (kreisIdOf(p) ? [[kreisIdOf(p)!, p.slug] as const] : [])));
  const byLand = new Map<string, Fact[]>();
  for (const f of population) (byLand.get(f.area_id.slice(0, 2)) ?? byLand.set(f.area_id.slice(0, 2), []).get(f.area_id.slice(0, 2))!).push(f);
  const out: string[] = [
    "---",
    "title: Alle Kreise Deutschlands – Kurzprofile",
    "toc: false",
    "---",
    "",
    "# Alle Kreise Deutschlands",
    "",
    `<p class="atlas-explain">Jeder der ${population.length} Kreise und kreisfreien Städte (Gebietsstand 31.12.${year}) hat eine eigene Seite mit den Reihen, die für alle Kreise auf einer Definition vorliegen, ihren Zeitreihen und dem Rang unter allen Kreisen. Bevölkerung: Fortschreibung des Bevölkerungsstandes am 31.12.${year} (© Statistisches Bundesamt (Destatis), GENESIS 12411-0018, dl-de/by-2-0); Asylbewerberleistungen: INKAR, © BBSR Bonn 2021, dl-de/by-2-0. Definitionen: <a href="./indikatoren">Indikatorenkatalog</a>. Karte: <a href="./karten/deutschland">Deutschland: alle Kreise</a>.</p>`,
    `<p class="atlas-explain">„–“: kein Wert in der Quelle (nie 0). Rang x/n: Platz unter den n Kreisen mit Wert, Rang 1 = höchster Wert.</p>`,
    ""
  ];
  for (const land of [...byLand.keys()].sort()) {
    out.push(`## ${esc(LAENDER[land])}`, "");
    const rows = byLand.get(land)!.sort((a, b) => a.area_name.localeCompare(b.area_name, "de")).map((p) => {
      const id = p.area_id;
      const r = rankOn(ranked, id, asylum);
      const profile = profiles.get(id);
      return `<tr class="atlas-kreis" id="k${id}" data-area-id="${id}"><th scope="row"><a href="./kreise/${id}">${esc(p.area_name)}</a> <small>${id}${profile ? ` · <a href="./orte/${profile}">Profil</a>` : ""}</small></th><td class="num">${esc(formatNumber(p.value, {digits: 0}))}</td><td class="num">${esc(formatNumber(r?.value ?? null, {digits: 1}))}</td><td class="num">${r?.rank ? `${r.rank}/${r.of}` : "–"}</td></tr>`;
    });
    out.push(
      block([
        `<div class="atlas-table-scroll"><table class="atlas-table atlas-kreise">`,
        `<caption>${esc(LAENDER[land])}: ${rows.length} ${rows.length === 1 ? "Kreis" : "Kreise und kreisfreie Städte"}</caption>`,
        `<thead><tr><th scope="col">Kreis (AGS)</th><th scope="col" class="num">Bevölkerung ${year}</th><th scope="col" class="num">AsylbLG je 1.000 ${asylumYear}</th><th scope="col" class="num">Rang</th></tr></thead>`,
        "<tbody>",
        ...rows,
        "</tbody></table></div>"
      ]),
      ""
    );
  }
  return out.join("\n");
}
