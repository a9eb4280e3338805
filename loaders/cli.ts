/**
 * The researchers' command line:
 *
 *   npm run data -- list                          sources (ok, FEHLT, BESCHÄDIGT), tables, row counts; exit 1 unless all ok
 *   npm run data -- verify                        hashes of every pinned file, parsers, checks
 *   npm run data -- export <table> [--format csv|arrow] [--out FILE|FOLDER/]   (csv by default)
 *
 * Tables: facts (all sources), facts-im, facts-magdeburg, facts-destatis,
 * facts-goettingen-sdg, facts-documents, areas, indicators, quality.
 */
import {existsSync, statSync} from "node:fs";
import {join} from "node:path";
import {areas, catalogue} from "./model/catalogue.ts";
import {writeAtomic} from "./source/fetch.ts";
import {AREA_COLUMNS, areasTable, factsTable, FACT_COLUMNS, toFactRow, toIPC, type Fact} from "./model/model.ts";
import {allSourceStatus} from "./source/status.ts";
import {allFacts, buildAll, FACT_TABLE_NAMES, FACT_TABLES, type FactTableName} from "./model/tables.ts";

const EXPORTABLE = ["facts", ...FACT_TABLE_NAMES, "areas", "indicators", "quality"] as const;
type Exportable = (typeof EXPORTABLE)[number];

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join("; ") : typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly object[], columns: readonly string[]): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField((row as Record<string, unknown>)[c])).join(","));
  return `${lines.join("\n")}\n`;
}

/** One table needs only its own sources: a fault in another source does not block it. */
async function factsOf(table: "facts" | FactTableName): Promise<Fact[]> {
  return table === "facts" ? allFacts(await buildAll()) : (await FACT_TABLES[table]()).facts;
}

export async function exportTable(table: Exportable, format: "csv" | "arrow"): Promise<Uint8Array | string> {
  if (table === "facts" || (FACT_TABLE_NAMES as readonly string[]).includes(table)) {
    const facts = await factsOf(table as "facts" | FactTableName);
    return format === "arrow" ? toIPC(factsTable(facts)) : toCsv(facts.map(toFactRow), FACT_COLUMNS);
  }
  const built = await buildAll();
  const facts = allFacts(built);
  if (table === "areas") {
    const rows = areas(facts);
    return format === "arrow" ? toIPC(areasTable(rows)) : toCsv(rows, AREA_COLUMNS);
  }
  if (format === "arrow") throw new Error(`${table} is a metadata table: export it as csv`);
  if (table === "indicators") {
    const rows = catalogue(facts, built.indicators).map(({coverage, ...entry}) => ({...entry, areas: coverage.areas, levels: coverage.levels, years: coverage.years?.join("–") ?? "", breakdowns: coverage.breakdowns, rows: coverage.rows}));
    return toCsv(rows, ["id", "title", "definition", "computation", "units", "is_rate", "source_id", "source_title", "licence", "attribution", "areas", "levels", "years", "breakdowns", "rows", "footnotes"]);
  }
  const rows = FACT_TABLE_NAMES.flatMap((name) => built[name].findings.map((f) => ({table: name, ...f})));
  return toCsv(rows, ["table", "check", "severity", "source_id", "indicator", "area_id", "year", "message", "ref"]);
}

/** Exit code 0 only if every source is present and verified: missing and corrupt are told apart. */
async function list(): Promise<number> {
  const status = await allSourceStatus({network: false});
  console.log("Quellen:");
  for (const s of status) {
    const missing = s.problems.filter((p) => p.kind === "missing").length;
    const corrupt = s.problems.filter((p) => p.kind === "corrupt").length;
    const state = s.available ? "ok" : [corrupt && `BESCHÄDIGT (${corrupt} Dateien)`, missing && `FEHLT (${missing} Dateien)`].filter(Boolean).join(", ");
    console.log(`  ${s.id.padEnd(22)} ${state.padEnd(12)}  ${s.files} Dateien, ${(s.bytes / 1e6).toFixed(1)} MB  ${s.title}`);
    for (const p of s.problems.filter((p) => p.kind === "corrupt")) console.log(`      beschädigt: ${p.path}`);
  }
  if (status.some((s) => !s.available)) {
    console.log("\nFehlende Quelle: DATA_MIRROR=<Ordner> setzen oder mit Netz bauen; beschädigte Datei: durch die festgelegte Fassung ersetzen (npm run data -- verify nennt die Prüfsummen). Ohne Quelle bleiben ihre Tabellen leer.");
    return 1;
  }
  const built = await buildAll();
  console.log("\nTabellen (Zeilen · Befunde):");
  for (const name of FACT_TABLE_NAMES) console.log(`  ${name.padEnd(22)} ${String(built[name].facts.length).padStart(8)} · ${built[name].findings.length}`);
  const facts = allFacts(built);
  console.log(`  ${"facts".padEnd(22)} ${String(facts.length).padStart(8)}`);
  console.log(`  ${"areas".padEnd(22)} ${String(areas(facts).length).padStart(8)}`);
  console.log(`  ${"indicators".padEnd(22)} ${String(catalogue(facts, built.indicators).length).padStart(8)}`);
  return 0;
}

/** Exit code 0 only if every pinned file is present and verified and every parser ran. */
async function verify(): Promise<number> {
  const status = await allSourceStatus();
  let bad = 0;
  for (const s of status) {
    console.log(`${s.available ? "ok  " : "FAIL"} ${s.id}: ${s.files - s.problems.length}/${s.files} Dateien verifiziert (SHA-256)`);
    for (const p of s.problems) console.log(`     ${p.error}`);
    bad += s.problems.length;
  }
  if (bad) return 1;
  const built = await buildAll();
  for (const name of FACT_TABLE_NAMES) {
    const counts: Record<string, number> = {};
    for (const f of built[name].findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    console.log(`ok   ${name}: ${built[name].facts.length} Zeilen; Befunde: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ") || "keine"}`);
  }
  return 0;
}

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(`usage: npm run data -- list | verify | export <${EXPORTABLE.join("|")}> [--format csv|arrow] [--out FILE|FOLDER/]`);
  process.exit(2);
}

/** Where --out writes: a folder (existing, or named with a trailing slash) gets <table>.<format>. */
export function outPath(out: string, table: string, format: "csv" | "arrow"): string {
  const folder = /[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory());
  return folder ? join(out, `${table}.${format}`) : out;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === "list") process.exit(await list());
  if (command === "verify") process.exit(await verify());
  if (command !== "export") usage(command ? `unknown command "${command}"` : undefined);
  const valueOf = (flag: string) => (rest.includes(flag) ? rest[rest.indexOf(flag) + 1] : undefined);
  const table = rest.find((a, i) => !a.startsWith("--") && !["--format", "--out"].includes(rest[i - 1] ?? ""));
  // csv unless told otherwise.
  const format = rest.includes("--format") ? valueOf("--format") : "csv";
  const out = valueOf("--out");
  if (!table || !(EXPORTABLE as readonly string[]).includes(table)) usage(`unknown table "${table ?? ""}"`);
  if (format !== "csv" && format !== "arrow") usage(`unknown format "${format ?? ""}" (csv or arrow)`);
  if (rest.includes("--out") && (!out || out.startsWith("--"))) usage("--out needs a file or folder name");
  const data = await exportTable(table as Exportable, format);
  if (out) {
    const file = outPath(out, table, format);
    try {
      writeAtomic(file, data);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(`cannot write ${file}: ${code === "ENOTDIR" || code === "EEXIST" ? "a part of the path is a file, not a folder" : code === "EACCES" ? "no permission" : error instanceof Error ? error.message : String(error)}`);
    }
    console.error(`${table}: ${file}`);
  } else {
    await new Promise<void>((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())));
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
