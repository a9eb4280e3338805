/**
 * The comparability rules (data/comparability.csv; semantics in
 * components/comparability.ts) and the series-break registry
 * (data/series-breaks.csv): a break is a rule with a first year of the new
 * basis, so charts draw it, notes cite it and changes across it are marked.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {ComparabilityRule} from "../../components/comparability.ts";
import {parseCsv} from "../parse/csv.ts";
import {FormatError} from "../source/errors.ts";
import {projectRoot} from "../source/paths.ts";

export const RULE_COLUMNS = ["id", "indicators", "areas", "origins", "break_year", "measure", "label", "title", "text", "source"];

/** What kind of break: a new census basis, a survey redesign, a method or definition change, a territorial reform. */
export const BREAK_KINDS = ["zensus", "erhebung", "methode", "definition", "gebiet"] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export interface SeriesBreak extends ComparabilityRule {
  kind: BreakKind;
}

export function readSeriesBreaks(): SeriesBreak[] {
  const file = "data/series-breaks.csv";
  const {rows} = parseCsv(readFileSync(join(projectRoot, file), "utf8"), {sourceId: "data/series-breaks", file, required: ["kind", ...RULE_COLUMNS]});
  return rows.map(({line, values}) => {
    if (!(BREAK_KINDS as readonly string[]).includes(values.kind)) throw new FormatError("data/series-breaks", file, `line ${line}: unknown kind ${values.kind}`);
    if (!/^\d{4}$/.test(values.break_year)) throw new FormatError("data/series-breaks", file, `line ${line}: break_year must be a year`);
    return values as unknown as SeriesBreak;
  });
}

/** Every rule: the comparability notes and the series breaks (which the notes cite by their id). */
export function readComparability(): ComparabilityRule[] {
  const file = "data/comparability.csv";
  const {rows} = parseCsv(readFileSync(join(projectRoot, file), "utf8"), {sourceId: "data/comparability", file, required: RULE_COLUMNS});
  const breaks = readSeriesBreaks().map(({kind: _kind, ...rule}) => Object.fromEntries(RULE_COLUMNS.map((c) => [c, (rule as Record<string, string>)[c] ?? ""])) as unknown as ComparabilityRule);
  return [...rows.map(({values}) => values as unknown as ComparabilityRule), ...breaks];
}
