/** The comparability rules (data/comparability.csv; semantics in components/comparability.ts). */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {ComparabilityRule} from "../../components/comparability.ts";
import {parseCsv} from "../parse/csv.ts";
import {projectRoot} from "../source/paths.ts";

export const RULE_COLUMNS = ["id", "indicators", "areas", "origins", "break_year", "measure", "label", "title", "text", "source"];

export function readComparability(): ComparabilityRule[] {
  const file = "data/comparability.csv";
  const {rows} = parseCsv(readFileSync(join(projectRoot, file), "utf8"), {sourceId: "data/comparability", file, required: RULE_COLUMNS});
  return rows.map(({values}) => values as unknown as ComparabilityRule);
}
