/**
 * The fact rows the chart modules take: the tidy schema of the fact tables,
 * as DuckDB returns them on the pages, as the embed pages read them from the
 * Arrow files, and as the build's loaders produce them in Node.
 */
export interface FactLike {
  source_id?: string;
  area_id: string;
  area_name: string;
  area_level: string;
  year: number | null;
  indicator: string;
  sex: string;
  age_group: string;
  category?: string;
  value: number | null;
  unit?: string;
  flag?: string | null;
  source_file?: string;
  source_row?: number | null;
}

const COLUMNS = ["source_id", "area_id", "area_name", "area_level", "year", "indicator", "sex", "age_group", "category", "value", "unit", "flag", "source_file", "source_row"] as const;

/** Numbers as numbers (DuckDB and Arrow may hand out bigint or Number objects). */
export function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** Plain rows with numeric value and year, from any iterable of row objects. */
export function factRows(rows: Iterable<Record<string, unknown>>): FactLike[] {
  return Array.from(rows, (row) => {
    // Arrow rows (DuckDB results) are proxies: their plain object first.
    const r = typeof (row as {toJSON?: unknown}).toJSON === "function" ? ((row as {toJSON(): Record<string, unknown>}).toJSON()) : row;
    const o = {} as Record<string, unknown>;
    for (const c of COLUMNS) if (c in r) o[c] = r[c];
    o.value = num(r.value);
    o.year = num(r.year);
    if ("source_row" in r) o.source_row = num(r.source_row);
    return o as unknown as FactLike;
  });
}

interface ArrowLike {
  numRows: number;
  getChild(name: string): {get(i: number): unknown} | null;
}

/**
 * Rows of an Arrow table (a fact table file) that pass `keep`, column by
 * column (the Kreis rates hold 100,000 rows; objects only for the kept ones).
 */
export function arrowFacts(table: ArrowLike, keep: (get: (column: string) => unknown) => boolean = () => true): FactLike[] {
  const columns = new Map(COLUMNS.map((c) => [c, table.getChild(c)]));
  const out: FactLike[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const get = (column: string) => columns.get(column as (typeof COLUMNS)[number])?.get(i) ?? null;
    if (!keep(get)) continue;
    const o = {} as Record<string, unknown>;
    for (const [c, vector] of columns) if (vector) o[c] = vector.get(i);
    out.push(factRows([o])[0]);
  }
  return out;
}
