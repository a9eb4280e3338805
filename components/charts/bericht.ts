/**
 * The printable report per place (/bericht/<ort>): which place, which key
 * figures, which charts. Key figures come from the same tables as the maps
 * (Integrationsmonitoring rates per Kreis, KISS-MD for Magdeburg, the
 * transcribed Göttingen concept), each with source, reference date and
 * licence, in a table figure with its CSV.
 */
import {figure, type Column} from "../figure.js";
import {formatPercent, formatValue} from "../format.js";
import type {FactLike} from "./facts.js";

export interface Place {
  /** The URL segment: /bericht/<slug>. */
  slug: string;
  name: string;
  /** Area id in the Integrationsmonitoring (Kreis or Land), if any. */
  im: string | null;
  /** Magdeburg: KISS-MD figures for the city. */
  kissmd?: boolean;
  /** Göttingen: the concept's figures for the city. */
  goettingenCity?: boolean;
  /** Static SVGs of the default views that show this place. */
  figures: string[];
  /** Charts drawn for this place (embed ids with parameters). */
  charts: {id: string; params: string}[];
  /** Pages with more. */
  pages: {label: string; path: string}[];
  note?: string;
}

export const PLACES: Place[] = [
  {
    slug: "niedersachsen", name: "Niedersachsen", im: "03",
    figures: ["niedersachsen-kreise", "niedersachsen-kreise-jahre"], charts: [],
    pages: [{label: "Karte der Kreise", path: "/karten/niedersachsen"}, {label: "Ausländische Bevölkerung nach Alter", path: "/altersstruktur/auslaender-niedersachsen"}]
  },
  {
    slug: "magdeburg", name: "Landeshauptstadt Magdeburg", im: null, kissmd: true,
    figures: ["magdeburg-stadtteile", "magdeburg-alterspyramide", "magdeburg-stadtteile-jahre"], charts: [],
    pages: [{label: "Karte der Stadtteile", path: "/karten/magdeburg"}, {label: "Alterspyramide", path: "/altersstruktur/magdeburg"}, {label: "Ausländische Bevölkerung nach Alter", path: "/altersstruktur/auslaender-magdeburg"}],
    note: "Magdeburg liegt in Sachsen-Anhalt: Das Integrationsmonitoring Niedersachsen enthält die Stadt nicht; die Zahlen stammen aus dem Statistikangebot der Stadt (KISS-MD)."
  },
  {
    slug: "wolfsburg", name: "Stadt Wolfsburg", im: "03103",
    // No Stadtteil map: the atlas has boundaries but no figures per Stadtteil, and a report prints only charts with data.
    figures: ["niedersachsen-kreise"],
    charts: [{id: "niedersachsen-kreis-zeitreihe", params: "gebiet=03103"}, {id: "niedersachsen-auslaender-alter", params: "gebiet=03103"}],
    pages: [{label: "Karte der Kreise", path: "/karten/niedersachsen?gebiet=03103"}, {label: "Stadtteile: nur Grenzen, keine Statistik", path: "/karten/wolfsburg"}],
    note: "Für Wolfsburgs Stadtteile enthalten die Quellen des Atlas keine Statistik (nur Grenzen); der Bericht zeigt daher nur Zahlen für die Stadt als Ganzes."
  },
  {
    slug: "region-hannover", name: "Region Hannover", im: "03241",
    figures: ["niedersachsen-kreise", "gemeinden-dichte"],
    charts: [{id: "niedersachsen-kreis-zeitreihe", params: "gebiet=03241"}, {id: "niedersachsen-auslaender-alter", params: "gebiet=03241"}],
    pages: [{label: "Karte der Kreise", path: "/karten/niedersachsen?gebiet=03241001"}, {label: "Gemeinden", path: "/karten/gemeinden?gebiet_auswahl=03241"}],
    note: "Die Karte der Kreise zeigt die Region geteilt in Landeshauptstadt Hannover und Umland; Kennzahlen und Zeitreihe gelten für die ganze Region."
  },
  {
    slug: "rotenburg", name: "Landkreis Rotenburg (Wümme)", im: "03357",
    figures: ["niedersachsen-kreise", "gemeinden-dichte"],
    charts: [{id: "niedersachsen-kreis-zeitreihe", params: "gebiet=03357"}, {id: "niedersachsen-auslaender-alter", params: "gebiet=03357"}],
    pages: [{label: "Karte der Kreise", path: "/karten/niedersachsen?gebiet=03357"}, {label: "Gemeinden", path: "/karten/gemeinden?gebiet_auswahl=03357"}]
  },
  {
    slug: "goettingen", name: "Stadt und Landkreis Göttingen", im: "03159", goettingenCity: true,
    figures: ["niedersachsen-kreise", "goettingen-landkreis-auslaender-alter", "goettingen-alter-text"],
    charts: [{id: "niedersachsen-kreis-zeitreihe", params: "gebiet=03159"}],
    pages: [{label: "Karte der Kreise", path: "/karten/niedersachsen?gebiet=03159"}, {label: "Altersstruktur", path: "/altersstruktur/goettingen"}],
    note: "Das Integrationsmonitoring führt den Landkreis Göttingen (mit der Stadt); Zahlen für die Stadt allein stammen aus ihrem Integrationskonzept 2024–2028."
  }
];

export function placeOf(slug: string): Place | undefined {
  return PLACES.find((p) => p.slug === slug);
}

/** Integrationsmonitoring rates shown as key figures: indicator and the variant's category. */
export const IM_KEY = [
  {indicator: "im:1-2-2", category: "total", label: "Anteil der Ausländerinnen und Ausländer an der Bevölkerung"},
  {indicator: "im:1-3-1", category: "Kategorie=Personen mit Migrationshintergrund im weiteren Sinne", label: "Anteil der Personen mit Migrationshintergrund (im weiteren Sinne)"},
  // The source's definition: naturalisations of the year in relation to the number of foreigners.
  {indicator: "im:2-3-3", category: "total", label: "Einbürgerungen je 100 Ausländerinnen und Ausländer"}
];

export interface KeyRow extends Record<string, unknown> {
  Kennzahl: string;
  Gebiet: string;
  Jahr: number | null;
  Wert: number | null;
  Einheit: string;
  Niedersachsen: number | null;
  Quelle: string;
}

/** The latest value of each key rate for the area, with the Land's value of the same year. */
export function imKeyRows(facts: FactLike[], area: string, titles: Map<string, string> = new Map()): KeyRow[] {
  const rows: KeyRow[] = [];
  for (const key of IM_KEY) {
    const of = (id: string) => facts.filter((f) => f.indicator === key.indicator && (f.category ?? "total") === key.category && f.sex === "total" && f.area_id === id && f.year !== null);
    const own = of(area).sort((a, b) => (b.year as number) - (a.year as number))[0];
    if (!own) continue;
    const land = of("03").find((f) => f.year === own.year);
    rows.push({
      Kennzahl: key.label,
      Gebiet: own.area_name,
      Jahr: own.year,
      Wert: own.value,
      Einheit: own.unit ?? "",
      Niedersachsen: land?.value ?? null,
      Quelle: `Integrationsmonitoring Niedersachsen, LSN, Indikator ${key.indicator.replace("im:", "").replaceAll("-", ".")}${titles.get(key.indicator) ? ` (${titles.get(key.indicator)})` : ""}`
    });
  }
  return rows;
}

/** Magdeburg's latest population, foreigners and share (KISS-MD). */
export function mdKeyRows(facts: FactLike[]): KeyRow[] {
  const city = facts.filter((f) => f.area_id === "15003000" && f.sex === "total" && f.age_group === "total" && f.year !== null);
  const year = Math.max(...city.filter((f) => f.indicator === "md:auslaender").map((f) => f.year as number));
  const pick = (indicator: string) => city.find((f) => f.indicator === indicator && f.year === year) ?? null;
  const row = (indicator: string, label: string, unit: string): KeyRow | null => {
    const f = pick(indicator);
    return f ? {Kennzahl: label, Gebiet: "Magdeburg", Jahr: year, Wert: f.value, Einheit: unit, Niedersachsen: null, Quelle: `Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD)${f.flag === "derived" ? ", Anteil vom Atlas berechnet" : ""}`} : null;
  };
  return [row("md:bevoelkerung", "Hauptwohnsitzbevölkerung am 31.12.", "persons"), row("md:auslaender", "Ausländische Hauptwohnsitzbevölkerung am 31.12.", "persons"), row("md:auslaenderanteil", "Anteil der ausländischen Bevölkerung", "percent")].filter((r): r is KeyRow => r !== null);
}

/** The Göttingen concept's city figures for 31.12.2022, with their transcription line. */
export function goettingenKeyRows(docFacts: FactLike[]): KeyRow[] {
  const wanted = [
    {indicator: "goettingen:population_residence_entitled", label: "Wohnberechtigte Bevölkerung am 31.12."},
    {indicator: "goettingen:foreigners_persons", label: "Ausländerinnen und Ausländer am 31.12."},
    {indicator: "goettingen:migration_background_persons", label: "Bevölkerung mit Migrationshintergrund am 31.12."}
  ];
  return wanted.flatMap((w) => {
    const f = docFacts.find((d) => d.indicator === w.indicator && d.age_group === "total");
    return f ? [{Kennzahl: w.label, Gebiet: "Stadt Göttingen", Jahr: f.year, Wert: f.value, Einheit: "persons", Niedersachsen: null, Quelle: `Stadt Göttingen, Kommunales Integrationskonzept 2024–2028 (Abschrift ${f.source_file}, Zeile ${f.source_row})`}] : [];
  });
}

/** The key figures as a table figure (id bericht-<slug>-kennzahlen), with source, date, licence and CSV. */
export function keyFigure(place: Place, rows: KeyRow[], {document: doc = globalThis.document, licence}: {document?: Document; licence: string}): HTMLElement {
  const fmt = (v: unknown, row: KeyRow) => (row.Einheit === "percent" ? formatPercent(v as number | null) : formatValue(v as number | null, row.Einheit));
  const columns: Column<KeyRow>[] = [
    {key: "Kennzahl", label: "Kennzahl"},
    {key: "Gebiet", label: "Gebiet"},
    {key: "Jahr", label: "Jahr", numeric: true},
    {key: "Wert", label: "Wert", numeric: true, format: (v, r) => fmt(v, r)},
    {key: "Niedersachsen", label: "Niedersachsen", numeric: true, format: (v, r) => (v === null ? "–" : fmt(v, r))},
    {key: "Quelle", label: "Quelle"}
  ];
  const table = doc.createElement("table");
  table.className = "atlas-table atlas-key-figures";
  const head = doc.createElement("tr");
  for (const c of columns.filter((c) => c.key !== "Quelle")) {
    const th = doc.createElement("th");
    th.scope = "col";
    if (c.numeric) th.className = "num";
    th.textContent = c.label;
    head.append(th);
  }
  const thead = doc.createElement("thead");
  thead.append(head);
  const tbody = doc.createElement("tbody");
  for (const row of rows) {
    const tr = doc.createElement("tr");
    for (const c of columns.filter((c) => c.key !== "Quelle")) {
      const td = doc.createElement("td");
      if (c.numeric) td.className = "num";
      const v = row[c.key];
      if (c.key === "Wert" || c.key === "Niedersachsen") td.dataset.value = v === null ? "" : String(v);
      td.textContent = c.format ? c.format(v, row) : v === null ? "–" : String(v);
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  const years = [...new Set(rows.map((r) => r.Jahr).filter((y): y is number => y !== null))].sort();
  return figure(table, {
    id: `bericht-${place.slug}-kennzahlen`,
    title: `Kennzahlen: ${place.name}`,
    source: [...new Set(rows.map((r) => r.Quelle.replace(/, Indikator .*$/, "").replace(/ \(Abschrift.*$/, "")))].join("; ") || "–",
    licence,
    date: years.length ? `Berichtsjahr ${years.join(", ")}` : "–",
    definition: "Letzter verfügbarer Wert je Kennzahl; zum Vergleich der Wert für Niedersachsen im selben Jahr. Anteile in Prozent, Anzahlen in Personen.",
    data: rows,
    columns,
    document: doc,
    notes: [`${rows.length} Kennzahlen. Werte wie veröffentlicht; fehlende Werte bleiben leer („–“).`]
  });
}
