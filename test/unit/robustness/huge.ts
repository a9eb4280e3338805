/**
 * The huge inputs, run in a child process with a capped heap (see
 * huge.robustness.test.ts): a parser whose memory is not proportionate to
 * its input dies there with "heap out of memory" instead of passing.
 *
 * Prints one JSON line per case: {name, inMB, rowsIn, rowsOut, error, messageLength, ms}.
 * Usage: tsx huge.ts  (reads the real files through the fetch layer, never the network)
 */
import {parseCsv, parseCsvRecords} from "../../../loaders/parse/csv.ts";
import {DESTATIS_SOURCE, DESTATIS_TABLES, parseDestatisTable} from "../../../loaders/parse/destatis.ts";
import {parseDocumentStatistics} from "../../../loaders/parse/documents.ts";
import {SourceError} from "../../../loaders/source/errors.ts";
import {decodeText, readSource} from "../../../loaders/source/fetch.ts";
import {parseGoettingenSdg} from "../../../loaders/parse/goettingen-sdg.ts";
import {IM_SOURCE, parseImCsv} from "../../../loaders/parse/im.ts";
import {KISSMD_SOURCE, KISSMD_TABLES, parseKissMdTable} from "../../../loaders/parse/kissmd.ts";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {projectRoot} from "../../../loaders/source/paths.ts";

const MB = 1 << 20;
const only = process.argv[2];

function run(name: string, make: () => string, parse: (text: string) => {rowsOut: number}, rowsIn: (text: string) => number) {
  if (only && only !== name) return;
  let text: string | undefined = make();
  const inMB = Math.round(text.length / MB);
  const expected = rowsIn(text);
  const t0 = performance.now();
  let line: Record<string, unknown>;
  try {
    const {rowsOut} = parse(text);
    line = {name, inMB, rowsIn: expected, rowsOut};
  } catch (error) {
    line = {name, inMB, rowsIn: expected, error: error instanceof SourceError ? error.name : `${(error as Error).name} (not a SourceError)`, messageLength: (error as Error).message.length, message: (error as Error).message.slice(0, 200)};
  }
  line.ms = Math.round(performance.now() - t0);
  text = undefined;
  console.log(JSON.stringify(line));
}

/** `header` and `lines` repeated until the text has about `mb` megabytes. */
function repeated(header: string, lines: string[], mb: number): string {
  const body = lines.join("\n") + "\n";
  return header + "\n" + body.repeat(Math.ceil((mb * MB) / body.length));
}
const dataLines = (text: string) => text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== "");
const countRows = (text: string, delimiter = ",") => parseCsvRecords(text, delimiter).length - 1;

const im = decodeText(await readSource(IM_SOURCE, "data/indicator_1-2-2.csv", {network: false}), "utf-8", IM_SOURCE, "data/indicator_1-2-2.csv");
const imHeader = im.split("\n")[0];
const schutz = DESTATIS_TABLES[0];
const destatis = decodeText(await readSource(DESTATIS_SOURCE, schutz.path, {network: false}), "latin1", DESTATIS_SOURCE, schutz.path);
const t41 = KISSMD_TABLES.find((t) => t.tableId === "K3_T41")!;
const t3 = KISSMD_TABLES.find((t) => t.tableId === "K3_T3")!;
const kiss = JSON.parse(decodeText(await readSource(KISSMD_SOURCE, `data/kiss-md/json/bevoelkerung/${t41.file}`, {network: false}), "utf-8", KISSMD_SOURCE, t41.file));
const stats = readFileSync(join(projectRoot, "data/documents/goettingen/statistics.csv"), "utf8");
const long = (n: number) => "9".repeat(n * MB);

// 10 MB of repeated rows through the CSV reader (every record counted).
run("csv-records-10MB", () => repeated(imHeader, dataLines(im), 10), (t) => ({rowsOut: parseCsvRecords(t).length - 1}), (t) => dataLines(t).length);
// 1 MB of repeated rows through each parser: one fact per row (× columns).
run("im-rows-1MB", () => repeated(imHeader, dataLines(im), 1), (t) => ({rowsOut: parseImCsv(t, "1-2-2").facts.length}), countRows);
run("destatis-rows-1MB", () => repeated(destatis.split("\n")[0], dataLines(destatis), 1), (t) => ({rowsOut: parseDestatisTable(t, schutz).length}), (t) => countRows(t, ";"));
run("documents-rows-1MB", () => repeated(stats.split("\n")[0], dataLines(stats), 1), (t) => ({rowsOut: parseDocumentStatistics(t, "data/documents/goettingen/statistics.csv").length}), countRows);
run("kissmd-rows-1MB", () => JSON.stringify({...kiss, rows: Array.from({length: Math.ceil((1 * MB) / 40)}, (_, i) => kiss.rows[i % kiss.rows.length])}), (t) => ({rowsOut: parseKissMdTable(t, t41).length}), (t) => JSON.parse(t).rows.length);
// 160 000 single ages: Math.max(...rows) overflowed the stack here (RangeError) before the fix.
run("kissmd-ages-160k", () => JSON.stringify({tableId: "K3_T3", title: "t", columns: ["var1", "var2", "var3"].map((key) => ({key, label: null})), rows: Array.from({length: 160_000}, (_, i) => ({var1: 1900 + (i % 200), var2: String(1 + (i % 98)), var3: i}))}), (t) => ({rowsOut: parseKissMdTable(t, t3).length}), (t) => JSON.parse(t).rows.length);
// One absurd 50 MB field in each format.
run("csv-field-50MB", () => `Year,Value\n2024,${long(50)}\n`, (t) => ({rowsOut: parseCsv(t, {sourceId: "s", file: "f.csv"}).rows.length}), () => 1);
run("im-value-50MB", () => `${imHeader}\n2024,"Braunschweig, Stadt",%,K03101,${long(50)}\n`, (t) => ({rowsOut: parseImCsv(t, "1-2-2").facts.length}), () => 1);
run("im-unterminated-50MB", () => `${imHeader}\n2024,"${"x".repeat(50 * MB)}`, (t) => ({rowsOut: parseImCsv(t, "1-2-2").facts.length}), () => 1);
run("sdg-value-50MB", () => `Year,Value\n2014,\t${long(50)}\n`, (t) => ({rowsOut: parseGoettingenSdg(t).length}), () => 1);
run("kissmd-cell-50MB", () => JSON.stringify({...kiss, rows: [{var1: 2024, var2: 1, var3: long(50)}]}), (t) => ({rowsOut: parseKissMdTable(t, t41).length}), () => 1);
console.log(JSON.stringify({name: "process", maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024)}));
