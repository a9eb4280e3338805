/**
 * Age pyramids of every Kreis of Germany (12411-0018, 17 groups by sex):
 * groups of unequal width are drawn per year of age (a group's count spread
 * evenly over its years), so a 10-year group is not ten times as wide as a
 * one-year one; the open group „75 und mehr“ is drawn over 75–89. Up to five
 * other areas as outlines; Magdeburg's register in the same groups beside.
 */
import * as Plot from "@observablehq/plot";
import {figure, type Column} from "../figure.js";
import {formatNumber, formatPercent} from "../format.js";
import {pyramid, toShares, type PyramidRow} from "../pyramid.js";

export const MAX_OVERLAYS = 5;
/** The open group's drawn width: 75 to under 90. */
export const OPEN_UNTIL = 90;

export const GROUPS: {code: string; label: string; from: number; to: number | null}[] = [
  [0, 3], [3, 6], [6, 10], [10, 15], [15, 18], [18, 20], [20, 25], [25, 30], [30, 35], [35, 40], [40, 45], [45, 50], [50, 55], [55, 60], [60, 65], [65, 75], [75, null]
].map(([from, to]) => ({code: to === null ? `${from}+` : `${from}-${to}`, label: to === null ? `${from} Jahre und mehr` : from === 0 ? `unter ${to} Jahre` : `${from} bis unter ${to} Jahre`, from: from as number, to: to as number | null}));

/** The concept places, one click away. */
export const CONCEPT_KREISE = [
  {id: "15003", label: "Magdeburg"},
  {id: "03103", label: "Wolfsburg"},
  {id: "03159", label: "LK Göttingen"},
  {id: "03241", label: "Region Hannover"},
  {id: "03357", label: "LK Rotenburg (Wümme)"}
];

export interface GroupFact {
  area_id: string;
  area_name: string;
  area_level: string;
  sex: string;
  age_group: string;
  value: number | null;
  flag?: string | null;
  source_row?: number | null;
}

export interface GroupRow {
  code: string;
  label: string;
  male: number | null;
  female: number | null;
}

/** The 17 groups in order; a group the data lack stays null. */
export function groupRows(facts: GroupFact[]): GroupRow[] {
  const cell = (sex: string, code: string) => {
    const f = facts.find((x) => x.sex === sex && x.age_group === code);
    return f && f.value !== null ? Number(f.value) : null;
  };
  return GROUPS.map((g) => ({code: g.code, label: g.label, male: cell("male", g.code), female: cell("female", g.code)}));
}

/** Per year of age: each group's count divided by its width (the open group over 75–89). Sums are kept. */
export function perYearOfAge(rows: GroupRow[]): PyramidRow[] {
  return rows.flatMap((r) => {
    const g = GROUPS.find((x) => x.code === r.code)!;
    const to = g.to ?? OPEN_UNTIL;
    const width = to - g.from;
    return Array.from({length: width}, (_, k) => ({
      age: g.from + k,
      ageLabel: `${g.label} (je Altersjahr)`,
      male: r.male === null ? null : r.male / width,
      female: r.female === null ? null : r.female / width
    }));
  });
}

export interface Area {
  id: string;
  label: string;
  /** Land and Germany are sums of the Kreise, made by the atlas. */
  derived: boolean;
  rows: GroupRow[];
}

/** Shares of the whole in per cent, by group. */
function groupShares(rows: GroupRow[]): GroupRow[] {
  const total = rows.reduce((s, r) => s + (r.male ?? 0) + (r.female ?? 0), 0);
  return rows.map((r) => ({...r, male: r.male === null ? null : (100 * r.male) / total, female: r.female === null ? null : (100 * r.female) / total}));
}

export function kreisPyramidFigure(main: Area, overlays: Area[], {year, relative, width, document}: {year: number; relative: boolean; width: number; document?: Document}): HTMLElement {
  const shown = overlays.slice(0, MAX_OVERLAYS);
  // Outlines of other areas only in relative mode: absolute counts of a city and a Land share no scale.
  const chart = pyramid(perYearOfAge(main.rows), {width, height: Math.min(560, Math.max(380, width * 0.9)), relative, compares: relative ? shown.map((o) => ({rows: perYearOfAge(o.rows), label: o.label})) : [], document}) as Element;
  const fmt = (v: unknown) => (relative ? formatPercent(v as number | null, 2) : formatNumber(v as number | null, {digits: 0}));
  const unit = relative ? " (%)" : "";
  const table = relative ? groupShares(main.rows) : main.rows;
  const others = relative ? shown.map((o) => ({...o, rows: groupShares(o.rows)})) : [];
  const data = table.map((r, i) => {
    const row: Record<string, unknown> = {Altersgruppe: r.label, Männer: r.male, Frauen: r.female};
    for (const o of others) {
      row[`Männer ${o.id}`] = o.rows[i].male;
      row[`Frauen ${o.id}`] = o.rows[i].female;
    }
    return row;
  });
  const columns: Column<Record<string, unknown>>[] = [
    {key: "Altersgruppe", label: "Altersgruppe"},
    {key: "Männer", label: `Männer, ${main.label}${unit}`, numeric: true, format: fmt},
    {key: "Frauen", label: `Frauen, ${main.label}${unit}`, numeric: true, format: fmt},
    ...others.flatMap((o) => [
      {key: `Männer ${o.id}`, label: `Männer, ${o.label}${unit}`, numeric: true, format: fmt},
      {key: `Frauen ${o.id}`, label: `Frauen, ${o.label}${unit}`, numeric: true, format: fmt}
    ])
  ];
  const derived = [main, ...others].filter((a) => a.derived).map((a) => a.label);
  return figure(chart, {
    id: "kreis-pyramide",
    title: `Bevölkerung nach Alter und Geschlecht: ${main.label}, 31.12.${year}${relative ? " (Anteile)" : ""}`,
    source: "© Statistisches Bundesamt (Destatis), GENESIS 12411-0018, Fortschreibung des Bevölkerungsstandes",
    licence: "dl-de/by-2-0",
    date: `31.12.${year}`,
    definition: "Bevölkerung am 31.12. nach der Fortschreibung des Bevölkerungsstandes (Grundlage Zensus 2011), Männer und Frauen in 17 Altersgruppen.",
    data,
    columns,
    document,
    notes: [
      "Die Altersgruppen sind verschieden breit (2 bis 10 Jahre): jede Gruppe ist je Altersjahr gezeichnet (Anzahl geteilt durch die Zahl ihrer Jahre), damit breite Gruppen nicht größer wirken. Die offene Gruppe „75 Jahre und mehr“ ist über 75 bis unter 90 verteilt gezeichnet; die Tabelle nennt die Werte der Gruppen.",
      ...(relative ? [] : overlays.length ? ["Vergleichsgebiete erscheinen als Linien nur in der relativen Darstellung (Anteile), weil Gebiete verschiedener Größe keine gemeinsame Skala haben."] : []),
      ...(overlays.length > MAX_OVERLAYS ? [`Höchstens ${MAX_OVERLAYS} Vergleichsgebiete: gezeigt werden die ersten fünf.`] : []),
      ...(derived.length ? [`${derived.join(", ")}: vom Atlas aus den Kreiswerten summiert (abgeleitet, keine Veröffentlichung der Quelle).`] : [])
    ]
  });
}

/** The pyramid's URL state (page, embed page and static figure read the same names and defaults). */
export interface PyramidParams {
  area: string;
  relative: boolean;
  year: number;
  overlays: string[];
}

export const DEFAULT_KREIS = "15003";

export function kreisPyramidParams(read: (name: string) => string | null): PyramidParams {
  const year = Number(read("jahr") ?? "2020") || 2020;
  return {area: read("gebiet") ?? DEFAULT_KREIS, relative: read("modus") === "relativ", year: Math.min(2020, Math.max(2015, year)), overlays: (read("vergleich") ?? "").split(",").filter(Boolean)};
}

/** An area of the pyramid data in one year: its 17 groups, named as the page names it. */
export function pyramidArea(facts: (GroupFact & {year: number | null; indicator: string})[], id: string, year: number): Area & {empty: boolean} {
  const rows = facts.filter((f) => f.indicator === "destatis:bevoelkerung" && f.area_id === id && f.year === year);
  const level = rows[0]?.area_level ?? "kreis";
  return {id, label: rows[0]?.area_name ?? id, derived: level !== "kreis", rows: groupRows(rows), empty: rows.length === 0};
}

/** The pyramid in the URL's view from the pyramid data (embed page and static figure; the page builds the same from its controls). */
export function kreisPyramidFor(facts: (GroupFact & {year: number | null; indicator: string})[], params: PyramidParams, {width, document}: {width: number; document?: Document}): HTMLElement | null {
  const main = pyramidArea(facts, params.area, params.year);
  if (main.empty) return null;
  const overlays = params.overlays.filter((id) => id !== params.area).slice(0, MAX_OVERLAYS).map((id) => pyramidArea(facts, id, params.year)).filter((a) => !a.empty);
  return kreisPyramidFigure(main, overlays, {year: params.year, relative: params.relative, width: Math.min(width, 760), document});
}

export interface RegisterRow {
  code: string;
  register: number | null;
  official: number | null;
}

/** Magdeburg: city register (KISS-MD) against the official update (12411-0018), men and women together, per year of age (id magdeburg-register-fortschreibung). */
export function registerFigure(rows: RegisterRow[], {year, width, document}: {year: number; width: number; document?: Document}): HTMLElement {
  const long = rows.flatMap((r) => {
    const g = GROUPS.find((x) => x.code === r.code)!;
    const w = (g.to ?? OPEN_UNTIL) - g.from;
    return [
      {label: g.label, from: g.from, to: g.to ?? OPEN_UNTIL, series: "Melderegister (KISS-MD)", value: r.register === null ? null : r.register / w, raw: r.register},
      {label: g.label, from: g.from, to: g.to ?? OPEN_UNTIL, series: "Fortschreibung (12411-0018)", value: r.official === null ? null : r.official / w, raw: r.official}
    ];
  });
  const sum = (k: "register" | "official") => rows.reduce<number | null>((s, r) => (s === null || r[k] === null ? null : s + (r[k] as number)), 0);
  const chart = Plot.plot({
    document,
    width: Math.max(width, 300),
    height: 300,
    marginLeft: 48,
    x: {label: "Alter (Jahre)"},
    y: {label: "Personen je Altersjahr", grid: true, tickFormat: (d: number) => formatNumber(d, {digits: 0})},
    color: {legend: true, domain: ["Melderegister (KISS-MD)", "Fortschreibung (12411-0018)"], range: ["#c2410c", "#1f5f99"]},
    marks: [
      Plot.rectY(long.filter((d) => d.series.startsWith("Fort") && d.value !== null), {x1: "from", x2: "to", y: "value", fill: "series", fillOpacity: 0.35}),
      Plot.lineY(long.filter((d) => d.series.startsWith("Melde")).flatMap((d) => [{x: d.from, y: d.value}, {x: d.to, y: d.value}]), {x: "x", y: "y", stroke: "#c2410c", strokeWidth: 2}),
      Plot.tip(long.filter((d) => d.value !== null), Plot.pointerX({x: (d: {from: number; to: number}) => (d.from + d.to) / 2, y: "value", title: (d: {series: string; label: string; raw: number}) => `${d.series}\n${d.label}: ${formatNumber(d.raw, {digits: 0})}`}))
    ]
  });
  return figure(chart, {
    id: "magdeburg-register-fortschreibung",
    title: `Magdeburg, 31.12.${year}: Melderegister der Stadt und amtliche Fortschreibung in denselben 17 Altersgruppen`,
    source: "Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD K3_T3, Einzelalter, vom Atlas zu Gruppen summiert); © Statistisches Bundesamt (Destatis), GENESIS 12411-0018",
    licence: "KISS-MD; dl-de/by-2-0",
    date: `31.12.${year}`,
    definition: "Hauptwohnsitzbevölkerung nach dem Melderegister der Stadt gegen die Bevölkerung nach der Fortschreibung des Bevölkerungsstandes (Zensus 2011 fortgeschrieben mit Geburten, Sterbefällen und Wanderungen); Männer und Frauen zusammen, denn das Register hat für diese Jahre keine Aufteilung nach Geschlecht und Einzelalter.",
    data: rows.map((r) => ({Altersgruppe: GROUPS.find((g) => g.code === r.code)!.label, Melderegister: r.register, Fortschreibung: r.official, Differenz: r.register === null || r.official === null ? null : r.register - r.official})),
    columns: [
      {key: "Altersgruppe", label: "Altersgruppe"},
      {key: "Melderegister", label: "Melderegister", numeric: true, format: (v) => formatNumber(v as number | null, {digits: 0})},
      {key: "Fortschreibung", label: "Fortschreibung", numeric: true, format: (v) => formatNumber(v as number | null, {digits: 0})},
      {key: "Differenz", label: "Register minus Fortschreibung", numeric: true, format: (v) => formatNumber(v as number | null, {digits: 0})}
    ],
    document,
    notes: [
      `Insgesamt: Melderegister ${formatNumber(sum("register"), {digits: 0})}, Fortschreibung ${formatNumber(sum("official"), {digits: 0})}. Das Register zählt, wer in Magdeburg gemeldet ist; die Fortschreibung schreibt den Zensus 2011 mit den gemeldeten Geburten, Sterbefällen und Umzügen fort und weicht deshalb ab (unterlassene Abmeldungen, Zensuskorrektur).`,
      "Die Fläche (Fortschreibung) und die Linie (Register) sind je Altersjahr gezeichnet; „75 und mehr“ über 75 bis unter 90."
    ]
  });
}
