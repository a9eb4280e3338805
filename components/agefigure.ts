/**
 * An age-structure chart in its figure frame: the chart of one population by
 * age band, optionally against a comparison population, with a table and a
 * CSV of exactly the numbers drawn (counts and, in relative mode, the shares
 * of both populations) and a note on what the shares are shares of.
 */
import type {SourceRef} from "./exportdata.js";
import {ageStructure, bandShares, shareBasisText, type AgeBandRow} from "./agestructure.js";
import {figure} from "./figure.js";
import {formatNumber, formatPercent} from "./format.js";

export interface AgePopulation {
  name: string;
  rows: AgeBandRow[];
  /** Published total (the share basis when bands are missing). */
  total: number | null;
}

export interface AgeFigureOptions {
  width: number;
  relative: boolean;
  id: string;
  title: string;
  source: string;
  licence?: string;
  sources?: SourceRef[];
  date: string | number;
  definition: string;
  /** Notes of the source (rounding, labels, quality findings). */
  notes?: string[];
  document?: Document;
}

export interface AgeTableRow {
  Altersgruppe: string;
  Personen: number | null;
  Anteil: number | null;
  "Personen Vergleich"?: number | null;
  "Anteil Vergleich"?: number | null;
}

/** The rows of the table and CSV: what the chart draws. */
export function ageTable(own: AgePopulation, other: AgePopulation | null, relative: boolean): AgeTableRow[] {
  const ownShares = bandShares(own.rows, {total: own.total}).rows;
  const otherRows = relative && other ? new Map(other.rows.map((r) => [r.band, r])) : null;
  const otherShares = relative && other ? new Map(bandShares(other.rows, {total: other.total}).rows.map((r) => [r.band, r.value])) : null;
  return own.rows.map((r, i) => ({
    Altersgruppe: r.label,
    Personen: r.value,
    Anteil: ownShares[i].value,
    ...(otherRows && otherShares ? {"Personen Vergleich": otherRows.get(r.band)?.value ?? null, "Anteil Vergleich": otherShares.get(r.band) ?? null} : {})
  }));
}

export function ageFigure(own: AgePopulation, other: AgePopulation | null, options: AgeFigureOptions): HTMLElement {
  const {width, relative, document: doc} = options;
  const n = (v: unknown) => formatNumber(v as number | null, {digits: 0});
  const p = (v: unknown) => formatPercent(v as number | null, 1);
  const ownBasis = bandShares(own.rows, {total: own.total}).basis;
  const otherBasis = other ? bandShares(other.rows, {total: other.total}).basis : null;
  const compare = relative && other !== null;
  const columns = relative
    ? [
        {key: "Altersgruppe" as const, label: "Altersgruppe"},
        {key: "Anteil" as const, label: `${own.name}: Anteil (%)`, numeric: true, format: p},
        {key: "Personen" as const, label: `${own.name}: Personen`, numeric: true, format: n},
        ...(compare ? [{key: "Anteil Vergleich" as const, label: `${other.name}: Anteil (%)`, numeric: true, format: p}, {key: "Personen Vergleich" as const, label: `${other.name}: Personen`, numeric: true, format: n}] : [])
      ]
    : [{key: "Altersgruppe" as const, label: "Altersgruppe"}, {key: "Personen" as const, label: `${own.name}: Personen`, numeric: true, format: n}];
  const data = ageTable(own, other, relative).map((r) => (relative ? r : {Altersgruppe: r.Altersgruppe, Personen: r.Personen}));
  const chart = ageStructure(own.rows, {width, relative, label: own.name, total: own.total, document: doc, ...(other ? {compare: other.rows, compareLabel: other.name, compareTotal: other.total} : {})});
  return figure(chart, {
    id: options.id,
    title: options.title,
    source: options.source,
    licence: options.licence,
    sources: options.sources,
    date: options.date,
    definition: options.definition,
    data: data as AgeTableRow[],
    columns,
    document: doc,
    notes: [
      `${own.name}: ${relative ? shareBasisText(ownBasis, {total: own.total}) : `zusammen ${n(ownBasis.bandSum)} Personen in den ausgewiesenen Altersgruppen, Gesamtzahl laut Quelle ${n(own.total)}.`}`,
      ...(compare && otherBasis ? [`${other.name}: ${shareBasisText(otherBasis, {total: other.total})}`] : []),
      ...(!relative && other ? ["Vergleichsstriche nur in der Darstellung „relativ“: Anzahlen verschieden großer Gebiete sind nicht vergleichbar."] : []),
      ...(options.notes ?? [])
    ]
  });
}
