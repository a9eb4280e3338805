/**
 * The age charts of /altersstruktur/…: Magdeburg's pyramid, foreigners by
 * age group per Magdeburg Stadtteil and per Niedersachsen Kreis, and the
 * Landkreis Göttingen. From fact rows to figure, shared by the pages, their
 * embed pages and the build's static SVGs.
 */
import type {SourceRef} from "../exportdata.js";
import {ageFigure, type AgePopulation} from "../agefigure.js";
import {ageOf, bandRows, foldOpenClass, IM_BANDS, MD_BANDS, singleYearRows, type BandDef} from "../agebands.js";
import {ageStructure, bandShares} from "../agestructure.js";
import {figure, type Column} from "../figure.js";
import {formatNumber, formatPercent} from "../format.js";
import {pyramid, toShares, type PyramidRow} from "../pyramid.js";
import type {FactLike} from "./facts.js";

export const MD_CITY = "15003000";
export const LAND = "03";
const KISS = "data/kiss-md/json/bevoelkerung/";
/** The pinned files behind the age figures: KISS-MD K3_T1 and K3_T3 (single years), K3_T39 (foreigners' age groups); IM 1-2-6. */
export const MD_PYRAMID_SOURCES: SourceRef[] = [{id: "kiss-md", files: [`${KISS}bevoelkerung-mit-hauptwohnsitz-nach-alter-und-geschlecht.json`, `${KISS}entwicklung-der-hauptwohnsitzbevoelkerung-nach-altersjahrgaengen.json`]}];
export const MD_AGE_SOURCES: SourceRef[] = [{id: "kiss-md", files: [`${KISS}auslaendische-hauptwohnsitzbevoelkerung-nach-altersgruppen.json`]}];
export const IM_AGE_SOURCES: SourceRef[] = [{id: "im-niedersachsen", files: ["data/indicator_1-2-6.csv"]}];

// ---------------------------------------------------------------- pyramid

export interface PyramidYears {
  allYears: number[];
  sexYears: number[];
}

/** Years with single ages for Magdeburg, and those with a split by sex. */
export function pyramidYears(facts: FactLike[]): PyramidYears {
  const years = new Map<number, boolean>();
  for (const f of facts) {
    if (f.indicator !== "md:bevoelkerung" || f.area_id !== MD_CITY || f.age_group === "total" || f.year === null) continue;
    years.set(f.year, (years.get(f.year) ?? false) || f.sex === "female");
  }
  const all = [...years.keys()].sort((a, b) => a - b);
  return {allYears: all, sexYears: all.filter((y) => years.get(y))};
}

/** One year's facts (md:bevoelkerung, Magdeburg, every age) as pyramid rows: one per age, men and women. */
export function pyramidRowsOf(facts: FactLike[]): PyramidRow[] {
  const byAge = new Map<number, PyramidRow>();
  for (const r of facts.filter((r) => r.sex !== "total" && r.age_group !== "total")) {
    const age = ageOf(r.age_group);
    const row = byAge.get(age) ?? {age, ageLabel: r.age_group.endsWith("+") ? `${age} und älter` : String(age), male: null, female: null};
    row[r.sex as "male" | "female"] = r.value;
    byAge.set(age, row);
  }
  return [...byAge.values()].sort((a, b) => a.age - b.age);
}

/** Without sex: single years, the open classes folded into 90+ (K3_T3 runs to 98+). */
export function totalRowsOf(facts: FactLike[]) {
  return foldOpenClass(singleYearRows(facts.filter((r) => r.sex === "total" && r.age_group !== "total")), 90);
}

export interface PyramidParams {
  bySex: boolean;
  year: number;
  relative: boolean;
  /** Comparison years as asked for (up to MAX_COMPARE are drawn). */
  compareYears: number[];
}

export const MAX_COMPARE = 5;

export function pyramidParams(read: (name: string) => string | null, {allYears, sexYears}: PyramidYears): PyramidParams {
  const bySex = (read("gliederung") ?? "geschlecht") !== "insgesamt";
  const years = bySex ? sexYears : allYears;
  const y = Number(read("jahr") ?? years.at(-1));
  const mode = read("modus");
  return {
    bySex,
    year: years.includes(y) ? y : (years.at(-1) as number),
    relative: mode === "relativ",
    compareYears: (read("vergleich") ?? "").split(",").map(Number).filter((c) => years.includes(c))
  };
}

/** Which years to load: the shown year first, then the comparisons drawn. */
export function pyramidCompared({year, compareYears}: Pick<PyramidParams, "year" | "compareYears">): number[] {
  return compareYears.filter((y) => y !== year).slice(0, MAX_COMPARE);
}

export interface LoadedYear {
  year: number;
  rows: PyramidRow[] | import("../agestructure.js").AgeBandRow[];
  derived: boolean;
}

/** Rows of one year for the chosen view, from that year's facts. */
export function pyramidYear(facts: FactLike[], year: number, bySex: boolean): LoadedYear {
  return bySex ? {year, rows: pyramidRowsOf(facts), derived: false} : {year, ...totalRowsOf(facts)};
}

/** The pyramid (by sex) or the bars by single year (without sex), id magdeburg-alterspyramide. */
export function pyramidFigure(loaded: LoadedYear[], {bySex, relative, compareYears, sexYears, width, document}: {bySex: boolean; relative: boolean; compareYears: number[]; sexYears: number[]; width: number; document?: Document}): HTMLElement {
  const year = loaded[0].year;
  const main = loaded[0].rows;
  const others = loaded.slice(1);
  const compared = others.map((o) => o.year);
  const derivedYears = loaded.filter((d) => d.derived).map((d) => d.year);
  const fmt = (v: unknown) => (relative ? formatPercent(v as number | null, 2) : formatNumber(v as number | null, {digits: 0}));
  const unit = relative ? " (%)" : "";
  let chart: Element;
  let data: Record<string, unknown>[];
  let columns: Column<Record<string, unknown>>[];
  if (bySex) {
    chart = pyramid(main as PyramidRow[], {width, relative, compares: others.map((o) => ({rows: o.rows as PyramidRow[], label: `31.12.${o.year}`})), document}) as Element;
    const shown = relative ? toShares(main as PyramidRow[]) : (main as PyramidRow[]);
    const shownOthers = others.map((o) => ({year: o.year, byAge: new Map((relative ? toShares(o.rows as PyramidRow[]) : (o.rows as PyramidRow[])).map((r) => [r.age, r]))}));
    data = shown.map((r) => {
      const row: Record<string, unknown> = {Alter: r.ageLabel, Männer: r.male, Frauen: r.female};
      for (const o of shownOthers) {
        row[`Männer ${o.year}`] = o.byAge.get(r.age)?.male ?? null;
        row[`Frauen ${o.year}`] = o.byAge.get(r.age)?.female ?? null;
      }
      return row;
    });
    columns = [
      {key: "Alter", label: "Alter"},
      {key: "Männer", label: `Männer ${year}${unit}`, numeric: true, format: fmt},
      {key: "Frauen", label: `Frauen ${year}${unit}`, numeric: true, format: fmt},
      ...others.flatMap((o) => [
        {key: `Männer ${o.year}`, label: `Männer ${o.year}${unit}`, numeric: true, format: fmt},
        {key: `Frauen ${o.year}`, label: `Frauen ${o.year}${unit}`, numeric: true, format: fmt}
      ])
    ];
  } else {
    const rows = main as import("../agestructure.js").AgeBandRow[];
    chart = ageStructure(rows, {
      width,
      relative,
      label: `Magdeburg ${year}`,
      compares: others.map((o) => ({rows: o.rows as import("../agestructure.js").AgeBandRow[], label: `31.12.${o.year}`})),
      compareAbsolute: true,
      sexNote: year < sexYears[0] ? `Für ${year} gibt es in der Quelle (K3_T3) keine Aufteilung nach Geschlecht – daher Balken je Altersjahr statt einer Pyramide.` : "Männer und Frauen zusammen (Gliederung „insgesamt“).",
      document
    });
    const shown = relative ? bandShares(rows).rows : rows;
    const shownOthers = others.map((o) => ({year: o.year, byBand: new Map((relative ? bandShares(o.rows as import("../agestructure.js").AgeBandRow[]).rows : (o.rows as import("../agestructure.js").AgeBandRow[])).map((r) => [r.band, r.value]))}));
    data = shown.map((r) => {
      const row: Record<string, unknown> = {Alter: r.label, Wert: r.value};
      for (const o of shownOthers) row[`Wert ${o.year}`] = o.byBand.get(r.band) ?? null;
      return row;
    });
    columns = [
      {key: "Alter", label: "Alter"},
      {key: "Wert", label: `${relative ? "Anteil" : "Personen"} ${year}${unit}`, numeric: true, format: fmt},
      ...others.map((o) => ({key: `Wert ${o.year}`, label: `${relative ? "Anteil" : "Personen"} ${o.year}${unit}`, numeric: true, format: fmt}))
    ];
  }
  const notes = [
    "KISS-MD zählt Lebensjahre: Code „1“ ist das erste Lebensjahr (Alter 0); der Atlas zeigt das vollendete Alter.",
    "Ein anderes Gebiet mit Einzelaltersjahren gibt es in den Quellen des Atlas nicht; Vergleiche sind deshalb Vergleiche zwischen Jahren.",
    ...(compareYears.filter((y) => y !== year).length > MAX_COMPARE ? [`Höchstens ${MAX_COMPARE} Vergleichsjahre: gezeigt werden ${compared.join(", ")}.`] : []),
    ...(derivedYears.length ? [`${derivedYears.join(", ")}: K3_T3 führt Einzelalter bis 97 und „98 und älter“; der Atlas fasst 90–97 und 98+ zu „90 und älter“ zusammen (Summe), damit alle Jahre dieselbe offene Altersklasse haben wie K3_T1.`] : [])
  ];
  return figure(chart, {
    id: "magdeburg-alterspyramide",
    title: `Bevölkerung Magdeburgs nach Alter${bySex ? " und Geschlecht" : ""}, 31.12.${year}${relative ? " (Anteile in %)" : ""}${compared.length ? `, Vergleich ${compared.join(", ")}` : ""}`,
    source: `Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD), Tabelle ${bySex ? "K3_T1" : [year, ...compared].some((y) => y < sexYears[0]) ? "K3_T1 (ab 2021) und K3_T3 (bis 2020)" : "K3_T1"}`,
    sources: MD_PYRAMID_SOURCES,
    date: compared.length ? [year, ...compared].sort().map((y) => `31.12.${y}`).join(", ") : `${year}-12-31`,
    definition: `Einwohnerinnen und Einwohner mit Hauptwohnsitz nach vollendetem Lebensalter; „90 und älter“ als offene Klasse. Relativ: Anteil an der gesamten Bevölkerung des jeweiligen Jahres (${bySex ? "Männer und Frauen zusammen" : "alle Altersjahre"} = 100 %).`,
    data,
    columns,
    notes,
    document
  });
}

// ---------------------------------------------------------------- age bands

export interface AgeArea {
  id: string;
  name: string;
  level: string;
}

/** One area's bands of one year and the published total. */
export function ageBandsOf(facts: FactLike[], bands: BandDef[]): {rows: ReturnType<typeof bandRows>; total: number | null} {
  const total = facts.find((r) => r.age_group === "total");
  return {rows: bandRows(facts.filter((r) => r.age_group !== "total"), bands), total: total?.value ?? null};
}

export interface AgeParams {
  area: string | null;
  year: number | null;
  relative: boolean;
  compare: string | null;
}

export function ageParams(read: (name: string) => string | null): AgeParams {
  const year = read("jahr");
  return {area: read("gebiet"), year: year === null ? null : Number(year), relative: (read("modus") ?? "relativ") !== "absolut", compare: read("vergleich")};
}

/** Areas with foreigners by age group (md:auslaender) or by AZR band (im:1-2-6), by area id. */
export function ageAreas(facts: FactLike[], indicator: string, levels: string[]): AgeArea[] {
  const seen = new Map<string, AgeArea>();
  for (const f of facts) if (f.indicator === indicator && levels.includes(f.area_level) && !seen.has(f.area_id)) seen.set(f.area_id, {id: f.area_id, name: f.area_name, level: f.area_level});
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function ageYears(facts: FactLike[], indicator: string, areaId?: string): number[] {
  return [...new Set(facts.filter((f) => f.indicator === indicator && f.age_group !== "total" && f.year !== null && (!areaId || f.area_id === areaId)).map((f) => f.year as number))].sort((a, b) => a - b);
}

/** Facts of one area and year for the bands (sex total, category total). */
export function ageFacts(facts: FactLike[], indicator: string, areaId: string, year: number): FactLike[] {
  return facts.filter((f) => f.indicator === indicator && f.sex === "total" && (f.category ?? "total") === "total" && f.area_id === areaId && f.year === year);
}

export {MD_BANDS, IM_BANDS};

/** Magdeburg, one Stadtteil's foreigners by age group (id magdeburg-auslaender-alter). */
export function mdAgeFigure(own: AgePopulation, other: AgePopulation | null, {year, relative, width, document}: {year: number; relative: boolean; width: number; document?: Document}): HTMLElement {
  const showCompare = relative && other !== null;
  return ageFigure(own, other, {
    width,
    relative,
    document,
    id: "magdeburg-auslaender-alter",
    title: `Ausländische Bevölkerung nach Altersgruppen, ${own.name}, 31.12.${year}${relative ? " (Anteile in %)" : ""}${showCompare ? `, Vergleich: ${other.name}` : ""}`,
    source: "Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD), Tabelle K3_T39",
    sources: MD_AGE_SOURCES,
    date: `${year}-12-31`,
    definition: "Einwohnerinnen und Einwohner mit Hauptwohnsitz ohne deutsche Staatsangehörigkeit (Melderegister), Altersgruppen wie in der Quelle beschriftet. Relativ: Anteil an allen ausländischen Einwohnern des Gebiets.",
    notes: ["Zellen ohne Wert in der Quelle (kleine Stadtteile) bleiben „keine Angabe“ – nie 0."]
  });
}

export const AZR_NOTES = [
  "Seit 2016 rundet das Ausländerzentralregister jede Zahl auf ein Vielfaches von 5; die Altersgruppen ergeben deshalb nicht immer genau die Gesamtzahl.",
  "Die Quelle schreibt die Altersgruppen „0 - 6“, „6 - 15“ …; da sich die Grenzen überschneiden, sind es Gruppen „von … bis unter … Jahre“."
];

/** One Kreis's foreigners by AZR age band (id niedersachsen-auslaender-alter). */
export function niAgeFigure(own: AgePopulation, other: AgePopulation | null, {year, relative, warnings = 0, width, document}: {year: number; relative: boolean; warnings?: number; width: number; document?: Document}): HTMLElement {
  const showCompare = relative && other !== null;
  return ageFigure(own, other, {
    width,
    relative,
    document,
    id: "niedersachsen-auslaender-alter",
    title: `Ausländerinnen und Ausländer nach Altersgruppen, ${own.name}, 31.12.${year}${relative ? " (Anteile in %)" : ""}${showCompare ? `, Vergleich: ${other.name}` : ""}`,
    source: "Integrationsmonitoring Niedersachsen (LSN), Indikator 1.2.6; Ausländerzentralregister (BAMF)",
    sources: IM_AGE_SOURCES,
    date: `${year}-12-31`,
    definition: "Personen ohne deutsche Staatsangehörigkeit, die sich nicht nur vorübergehend in Deutschland aufhalten (Ausländerzentralregister), am Ende des Berichtsjahres. Relativ: Anteil an allen Ausländerinnen und Ausländern des Gebiets.",
    notes: [
      ...AZR_NOTES,
      ...(warnings ? [`Datenqualität: Für ${year} ergeben Landeshauptstadt Hannover und Umland zusammen nicht die Region Hannover (${warnings} Befunde, einzeln über dem Diagramm und unter „Quellen und Datenqualität“); die Werte sind wie veröffentlicht gezeigt.`] : [])
    ]
  });
}

export const GOETTINGEN = "03159";

/** The Landkreis Göttingen against the Land (id goettingen-landkreis-auslaender-alter). */
export function goettingenAgeFigure(kreis: AgePopulation, land: AgePopulation | null, {year, relative, foreignersCity, width, document}: {year: number; relative: boolean; foreignersCity: {value: number | null; source_row?: number | null} | null; width: number; document?: Document}): HTMLElement {
  return ageFigure(kreis, land, {
    width,
    relative,
    document,
    id: "goettingen-landkreis-auslaender-alter",
    title: `Ausländerinnen und Ausländer nach Altersgruppen, Landkreis Göttingen, 31.12.${year}${relative ? " (Anteile in %), Vergleich: Niedersachsen" : ""}`,
    source: "Integrationsmonitoring Niedersachsen (LSN), Indikator 1.2.6; Ausländerzentralregister (BAMF)",
    sources: IM_AGE_SOURCES,
    date: `${year}-12-31`,
    definition: "Personen ohne deutsche Staatsangehörigkeit im Landkreis Göttingen (einschließlich der Stadt Göttingen), die sich nicht nur vorübergehend in Deutschland aufhalten, am Ende des Berichtsjahres. Relativ: Anteil an allen Ausländerinnen und Ausländern des Gebiets.",
    notes: [
      "Landkreis, nicht Stadt; ausländische Bevölkerung, nicht Bevölkerung mit Migrationshintergrund: nicht vergleichbar mit Abbildung 7 des Göttinger Konzepts.",
      ...(year === 2022 && foreignersCity ? [`Zum Größenvergleich, aus verschiedenen Registern: Die Stadt Göttingen zählte am 31.12.2022 ${formatNumber(foreignersCity.value, {digits: 0})} Ausländerinnen und Ausländer (Melderegister, Konzept, Abschrift Zeile ${foreignersCity.source_row}), der Landkreis laut Ausländerzentralregister ${formatNumber(kreis.total, {digits: 0})}.`] : []),
      ...AZR_NOTES
    ]
  });
}

export interface DocFact {
  indicator: string;
  age_group: string;
  value: number | null;
  source_file?: string;
  source_row?: number | null;
}

/** The Göttingen concept's facts the page cites, by indicator and age group. */
export function goettingenDocFacts(docFacts: DocFact[]) {
  const pick = (indicator: string, age = "total") => docFacts.find((r) => r.indicator === indicator && r.age_group === age) ?? null;
  return {
    strongest: pick("goettingen:migration_background_persons", "25-29"),
    withBackground: pick("goettingen:migration_background_persons"),
    entitled: pick("goettingen:population_residence_entitled"),
    foreignersCity: pick("goettingen:foreigners_persons")
  };
}

/** The one number the Göttingen concept prints for its age figure, as a table (id goettingen-alter-text). */
export function goettingenTextFigure({strongest, withBackground, entitled}: ReturnType<typeof goettingenDocFacts>, {document: doc = globalThis.document}: {document?: Document} = {}): HTMLElement | null {
  if (!strongest) return null;
  const table = doc.createElement("table");
  table.className = "atlas-table atlas-fact-table";
  const heads = ["Gebiet", "Stichtag", "Altersgruppe", "Personengruppe", "Personen"];
  const thead = doc.createElement("thead");
  const hr = doc.createElement("tr");
  for (const h of heads) {
    const th = doc.createElement("th");
    th.scope = "col";
    if (h === "Personen") th.className = "num";
    th.textContent = h;
    hr.append(th);
  }
  thead.append(hr);
  const tbody = doc.createElement("tbody");
  const tr = doc.createElement("tr");
  for (const text of ["Stadt Göttingen", "31.12.2022", "25 bis 29 Jahre", "Bevölkerung mit Migrationshintergrund"]) {
    const td = doc.createElement("td");
    td.textContent = text;
    tr.append(td);
  }
  const td = doc.createElement("td");
  td.className = "num";
  td.dataset.value = String(strongest.value);
  td.textContent = formatNumber(strongest.value, {digits: 0});
  tr.append(td);
  tbody.append(tr);
  table.append(thead, tbody);
  return figure(table, {
    id: "goettingen-alter-text",
    title: "Am stärksten vertretene Altersgruppe der Bevölkerung mit Migrationshintergrund, Stadt Göttingen, 31.12.2022",
    source: `Stadt Göttingen, Kommunales Integrationskonzept 2024–2028, Abschnitt 5.1, Text zu Abbildung 7 (Abschrift ${strongest.source_file}, Zeile ${strongest.source_row}); dort: Referat Statistik und Wahlen, Melderegister der Stadt Göttingen`,
    licence: "Zitat aus einem amtlichen Dokument",
    date: "2022-12-31",
    definition: "Bevölkerung mit Migrationshintergrund nach dem Melderegister der Stadt Göttingen (Ausländerinnen und Ausländer, Aussiedlerinnen und Aussiedler, Eingebürgerte und ihre im Melderegister „verzeigerten“ Nachkommen), Altersgruppe 25 bis 29 Jahre. Nur diese eine Altersgruppe ist mit einer Zahl belegt.",
    data: [{Gebiet: "Stadt Göttingen", Stichtag: "31.12.2022", Altersgruppe: "25 bis 29 Jahre", Personengruppe: "Bevölkerung mit Migrationshintergrund", Personen: strongest.value}],
    columns: [
      {key: "Gebiet", label: "Gebiet"},
      {key: "Stichtag", label: "Stichtag"},
      {key: "Altersgruppe", label: "Altersgruppe"},
      {key: "Personengruppe", label: "Personengruppe"},
      {key: "Personen", label: "Personen", numeric: true, format: (v) => formatNumber(v as number | null, {digits: 0})}
    ],
    document: doc,
    notes:
      withBackground && entitled && strongest.value !== null && withBackground.value && entitled.value
        ? [
            `Einordnung (nicht korrigiert): Gemessen an ${formatNumber(withBackground.value, {digits: 0})} Personen mit Migrationshintergrund insgesamt (Konzept, Abschrift Zeile ${withBackground.source_row}) wären das ${formatPercent((100 * strongest.value) / withBackground.value)} in einer einzigen Fünfjahresgruppe; gemessen an der gesamten wohnberechtigten Bevölkerung (${formatNumber(entitled.value, {digits: 0})}, Zeile ${entitled.source_row}) ${formatPercent((100 * strongest.value) / entitled.value)}. Auf welche Grundgesamtheit sich die Zahl bezieht, lässt sich ohne die Tabelle GÖSIS 028.27 nicht prüfen.`
          ]
        : []
  });
}
