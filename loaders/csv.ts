/**
 * CSV reading shared by every parser: RFC 4180 quoting, any delimiter, BOM,
 * and the checks that turn a wrong file into a clear error instead of rows.
 */
import {FormatError} from "./errors.ts";

/** Splits CSV text into rows of fields. Quoted fields may hold delimiters, quotes and newlines. */
export function parseCsvRows(text: string, delimiter = ","): string[][] {
  return parseCsvRecords(text, delimiter).map((r) => r.fields);
}

/** Like parseCsvRows, with the 1-based file line on which each record starts. */
export function parseCsvRecords(text: string, delimiter = ","): {line: number; fields: string[]}[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: {line: number; fields: string[]}[] = [];
  let line = 1;
  let start = 1;
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      records.push({line: start, fields: row});
      row = [];
      field = "";
      if (c === "\r" && text[i + 1] === "\n") {
        i++;
        line++;
      }
      start = line;
    } else field += c;
    i++;
  }
  if (quoted) throw new Error("unterminated quoted field at end of file (truncated?)");
  if (field !== "" || row.length) {
    row.push(field);
    records.push({line: start, fields: row});
  }
  return records;
}

/** Refuses content that is plainly not the expected text table. */
export function assertTextTable(text: string, sourceId: string, file: string): void {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (!head) throw new FormatError(sourceId, file, "empty file");
  if (head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<?xml") || /<(head|body)[\s>]/.test(head)) {
    throw new FormatError(sourceId, file, "an HTML/XML page where a CSV table was expected (an error page from the server?)");
  }
  if (text.includes("\u0000")) throw new FormatError(sourceId, file, "binary content where a CSV table was expected");
}

export interface CsvTable {
  header: string[];
  /** Data rows as objects keyed by header; `line` is the 1-based line of the row in the file. */
  rows: {line: number; values: Record<string, string>}[];
}

/**
 * Parses a CSV with a header row and checks the header: `required` columns
 * must be present (a changed header is an error, not silently empty values);
 * every row must have as many fields as the header.
 */
export function parseCsv(text: string, {sourceId, file, delimiter = ",", required = []}: {sourceId: string; file: string; delimiter?: string; required?: string[]}): CsvTable {
  assertTextTable(text, sourceId, file);
  let records: {line: number; fields: string[]}[];
  try {
    records = parseCsvRecords(text, delimiter);
  } catch (error) {
    throw new FormatError(sourceId, file, (error as Error).message);
  }
  const header = records[0].fields.map((h) => h.trim());
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length) {
    throw new FormatError(sourceId, file, `header changed: expected column(s) ${missing.map((m) => `"${m}"`).join(", ")}, found ${header.map((h) => `"${h}"`).join(", ")}`);
  }
  const duplicate = header.find((h, i) => h !== "" && header.indexOf(h) !== i);
  if (duplicate) throw new FormatError(sourceId, file, `header has column "${duplicate}" twice`);
  // One unnamed column is a column like any other (GENESIS puts the date
  // there, keyed ""). Several cannot be told apart (IM 4-3-2 ends its header
  // with „Value,,,“): they may only be empty.
  const unnamedAll = header.flatMap((h, i) => (h === "" ? [i] : []));
  const unnamed = unnamedAll.length > 1 ? unnamedAll : [];
  const out: CsvTable["rows"] = [];
  for (const {line, fields} of records.slice(1)) {
    if (fields.length === 1 && fields[0].trim() === "") continue; // blank line
    if (fields.length !== header.length) {
      throw new FormatError(sourceId, file, `line ${line} has ${fields.length} fields, the header has ${header.length} (truncated or misquoted file?)`);
    }
    const filled = unnamed.find((i) => fields[i].trim() !== "");
    if (filled !== undefined) throw new FormatError(sourceId, file, `line ${line}: value "${fields[filled]}" in column ${filled + 1}, which has no name in the header`);
    out.push({line, values: Object.fromEntries(header.map((h, i) => [h, fields[i]]).filter((_, i) => !unnamed.includes(i)))});
  }
  return {header, rows: out};
}

/** Signs statistics offices print instead of a number. */
const SUPPRESSED = new Set([".", "x", "X", "…", "...", "/"]);
const NOTHING = new Set(["-", "–", "—", "−"]);

export type ParsedNumber = {value: number; flag: null} | {value: null; flag: "suppressed" | "missing" | "zero_sign"};

/**
 * Reads a number as printed in German (1.234,5 · 27,30% · − 198) or plain
 * (1234.5). Suppression signs become null with a flag, never 0.
 * `thousands`: whether a lone "." followed by three digits is a thousands
 * separator (German tables) or a decimal point (machine CSV).
 */
export function parseNumber(raw: string, {german = true}: {german?: boolean} = {}): ParsedNumber {
  const text = raw.trim().replace(/\u00a0/g, " ").replace(/%$/, "").trim();
  if (text === "") return {value: null, flag: "missing"};
  if (SUPPRESSED.has(text)) return {value: null, flag: "suppressed"};
  if (NOTHING.has(text)) return {value: null, flag: "zero_sign"};
  let s = text.replace(/^[−–]\s*/, "-").replace(/^\+\s*/, "").replace(/\s/g, "");
  if (german) s = s.replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return {value: null, flag: "missing"};
  return {value: Number(s), flag: null};
}

/** Like parseNumber, but text that is no number at all is an error. */
export function requireNumber(raw: string, context: {sourceId: string; file: string; where: string}, options?: {german?: boolean}): ParsedNumber {
  const parsed = parseNumber(raw, options);
  if (parsed.value === null && parsed.flag === "missing" && raw.trim() !== "") {
    throw new FormatError(context.sourceId, context.file, `${context.where}: "${raw}" is not a number`);
  }
  return parsed;
}
