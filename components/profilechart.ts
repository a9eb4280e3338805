/**
 * A profile page's line chart from the specification its page loader wrote
 * at build time: the series, the reference (the Land), the series breaks and
 * the caption (source, reference dates, definition), framed by figure().
 */
import type {ChartEntry} from "./charts/registry.js";
import {figure} from "./figure.js";
import {breaksBefore, type BreakEntry} from "./comparability.js";
import type {SourceRef} from "./provenance.js";
import {formatValue, label} from "./format.js";
import {timeseries, type SeriesBreak, type TimeRow} from "./timeseries.js";

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  yLabel?: string;
  rows: TimeRow[];
  highlight: string[];
  reference: string | null;
  breaks: SeriesBreak[];
  /** The same breaks as the registry states them (year, title, text, source), for caption, image and downloads. */
  breakEntries?: BreakEntry[];
  /** The series the breaks belong to (the place's and the Land's line); a cross-check from another source has none. */
  breakSeries?: string[];
  source: string;
  /** The sources and pinned files of the plotted facts (with SHA-256, written at build time from the register). */
  sources?: SourceRef[];
  date: string;
  definition: string;
  notes: string[];
  /** The profile page the chart belongs to (/orte/<slug>): with it the chart has an embed page and a static SVG. */
  page?: string;
  /** Fixed colours of series (the place's own colour, as on /vergleich and its embeds); others take the palette's. */
  colors?: Record<string, string>;
}

/** A sensible iframe height for one profile chart (title, 300 px chart, caption, buttons). */
export const PROFILE_EMBED_HEIGHT = 760;

/**
 * Embed page and static SVG of a profile chart, as figure() offers them:
 * /einbetten/orte/<id> and /abbildungen/orte/<id>.svg, one fixed view (no
 * URL parameters). The page loaders, the build's SVGs and the tests take
 * the addresses from here.
 */
export function profileEmbed(spec: Pick<ChartSpec, "id" | "title" | "page">): ChartEntry | undefined {
  if (!spec.page) return undefined;
  return {id: spec.id, title: spec.title, page: spec.page, height: PROFILE_EMBED_HEIGHT, static: true, params: [], embedPath: `einbetten/orte/${spec.id}`, svgPath: `abbildungen/orte/${spec.id}.svg`};
}

export function profileChart(spec: ChartSpec, {width, document: doc}: {width: number; document?: Document}): HTMLElement {
  const chart = timeseries(spec.rows, {width, height: 300, highlight: spec.highlight, reference: spec.reference, unit: spec.unit, yLabel: spec.yLabel, breaks: spec.breaks, colorOf: spec.colors ? (name) => spec.colors?.[name] : undefined, document: doc});
  const data = spec.rows.map((r) => ({Reihe: r.series, Jahr: r.year, Wert: r.value, Kennzeichen: r.flag ? label(r.flag) : ""}));
  return figure(chart, {
    id: spec.id,
    title: spec.title,
    source: spec.source,
    sources: spec.sources,
    date: spec.date,
    definition: spec.definition,
    notes: spec.notes,
    breaks: spec.breakEntries,
    breaksOfRow: (row, year) => (spec.breakSeries?.includes(row.Reihe) ? breaksBefore(spec.breakEntries ?? [], year) : []),
    data,
    columns: [
      {key: "Reihe", label: "Reihe"},
      {key: "Jahr", label: "Jahr", numeric: true},
      {key: "Wert", label: "Wert", numeric: true, format: (v) => formatValue(v as number | null, spec.unit)},
      {key: "Kennzeichen", label: "Kennzeichen"}
    ],
    embed: profileEmbed(spec),
    document: doc
  });
}
