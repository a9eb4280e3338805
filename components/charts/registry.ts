/**
 * Every chart with a stable embed page (/einbetten/<id>) and, where the page
 * has a default view, a static SVG drawn at build time (/abbildungen/<id>.svg).
 * figure() reads this to offer the "Einbetten" snippet; the embed pages, the
 * build's SVG loader and the tests iterate over it. No imports: figure.ts
 * loads it on every page.
 */
export interface ChartEntry {
  id: string;
  /** Short German name (lists, iframe title). */
  title: string;
  /** The full page the chart belongs to. */
  page: string;
  /** A sensible iframe height in px. */
  height: number;
  /** A static SVG of the default view exists (charts that need a selection have none). */
  static: boolean;
  /** URL parameters the embed page reads (the same as the full page's). */
  params: string[];
  /** Example parameters for the documentation. */
  example?: string;
  /** Embed page below the site root when not einbetten/<id> (charts generated per place). */
  embedPath?: string;
  /** Static SVG below the site root when not abbildungen/<id>.svg. */
  svgPath?: string;
}

/** Where a chart's embed page and static SVG are, relative to the site root (no leading slash). */
export function embedPaths(entry: ChartEntry): {embed: string; svg: string} {
  return {embed: entry.embedPath ?? `einbetten/${entry.id}`, svg: entry.svgPath ?? `abbildungen/${entry.id}.svg`};
}

export const CHARTS: ChartEntry[] = [
  {id: "niedersachsen-kreise", title: "Niedersachsen: Karte der Kreise", page: "/karten/niedersachsen", height: 900, static: true, params: ["indikator", "auspraegung", "jahr", "von", "klassen", "n", "gebiet"], example: "indikator=im:1-2-2&jahr=2020"},
  {id: "niedersachsen-kreise-jahre", title: "Niedersachsen: Kreise, alle Jahre", page: "/karten/niedersachsen", height: 1100, static: true, params: ["indikator", "auspraegung", "klassen", "n"]},
  {id: "niedersachsen-kreis-zeitreihe", title: "Niedersachsen: Zeitreihe eines Kreises", page: "/karten/niedersachsen", height: 560, static: false, params: ["indikator", "auspraegung", "gebiet"], example: "gebiet=03357"},
  {id: "magdeburg-stadtteile", title: "Magdeburg: Karte der Stadtteile", page: "/karten/magdeburg", height: 1000, static: true, params: ["kennzahl", "jahr", "von", "alter", "klassen", "n", "kreise", "gebiet"], example: "jahr=2020"},
  {id: "magdeburg-stadtteile-jahre", title: "Magdeburg: Stadtteile, alle Jahre", page: "/karten/magdeburg", height: 1200, static: true, params: ["kennzahl", "alter", "klassen", "n"]},
  {id: "magdeburg-stadtteil-zeitreihe", title: "Magdeburg: Zeitreihe eines Stadtteils", page: "/karten/magdeburg", height: 560, static: false, params: ["kennzahl", "alter", "gebiet"], example: "gebiet=15003000-st01"},
  {id: "gemeinden-dichte", title: "Gemeinden: Einwohnerdichte", page: "/karten/gemeinden", height: 1000, static: true, params: ["gebiet_auswahl", "klassen", "n", "kreise", "gebiet"], example: "gebiet_auswahl=03357"},
  {id: "wolfsburg-stadtteile", title: "Wolfsburg: Stadtteile", page: "/karten/wolfsburg", height: 900, static: true, params: []},
  {id: "magdeburg-alterspyramide", title: "Magdeburg: Alterspyramide", page: "/altersstruktur/magdeburg", height: 1000, static: true, params: ["gliederung", "jahr", "modus", "vergleich"], example: "jahr=2024&vergleich=2021"},
  {id: "magdeburg-auslaender-alter", title: "Magdeburg: ausländische Bevölkerung nach Alter", page: "/altersstruktur/auslaender-magdeburg", height: 640, static: true, params: ["gebiet", "jahr", "modus", "vergleich"]},
  {id: "niedersachsen-auslaender-alter", title: "Niedersachsen: ausländische Bevölkerung nach Alter", page: "/altersstruktur/auslaender-niedersachsen", height: 700, static: true, params: ["gebiet", "jahr", "modus", "vergleich"], example: "gebiet=03357"},
  {id: "goettingen-landkreis-auslaender-alter", title: "Landkreis Göttingen: ausländische Bevölkerung nach Alter", page: "/altersstruktur/goettingen", height: 700, static: true, params: ["jahr", "modus"]},
  {id: "goettingen-alter-text", title: "Göttingen: die eine Zahl aus dem Konzepttext", page: "/altersstruktur/goettingen", height: 480, static: true, params: []},
  {id: "vergleich-linien", title: "Orte vergleichen: Entwicklung", page: "/vergleich", height: 1100, static: true, params: ["indikator", "auspraegung", "bezug", "orte"], example: "indikator=im:2-3-1&bezug=je1000&orte=03,03103,03357"},
  {id: "vergleich-rangfolge", title: "Orte vergleichen: Rangfolge der Kreise", page: "/vergleich", height: 1500, static: true, params: ["indikator", "auspraegung", "bezug", "orte", "jahr"], example: "indikator=im:1-2-2&jahr=2020&orte=03,03103"},
  {id: "vergleich-abstand", title: "Orte vergleichen: Abstand zum Land", page: "/vergleich", height: 800, static: true, params: ["indikator", "auspraegung", "bezug", "orte", "jahr"], example: "indikator=im:1-2-2&orte=03,03159016,15003000"}
];

const byId = new Map(CHARTS.map((c) => [c.id, c]));

export function embedInfo(id: string): ChartEntry | undefined {
  return byId.get(id);
}

export const STATIC_CHARTS = CHARTS.filter((c) => c.static).map((c) => c.id);
