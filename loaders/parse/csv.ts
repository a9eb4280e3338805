/**
 * CSV reading shared by every parser: RFC 4180 quoting, any delimiter, BOM,
 * and the checks that turn a wrong file into a clear error instead of rows.
 */
import {FormatError} from "../source/errors.ts";

/** Splits CSV text into rows of fields. Quoted fields may hold delimiters, quotes and newlines. */
export function parseCsvRows(text: string, delimiter = ","): string[][] {
  return parseCsvRecords(text, delimiter).map((r) => r.fields);
}

/**
 * Like parseCsvRows, with the 1-based file line on which each record starts.
 * Fields are cut out of the text with slice(), never built character by
 * character: a 50 MB file or a single 50 MB field costs about its own size.
 */
export function parseCsvRecords(text: string, delimiter = ","): {line: number; fields: string[]}[] {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const records: {line: number; fields: string[]}[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = "";
      if (text.charCodeAt(i) === 34 /* " */) {
        const opened = line;
        let from = i + 1;
        for (;;) {
          let j = from;
          while (j < n && text.charCodeAt(j) !== 34) {
            const c = text.charCodeAt(j);
            if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) line++;
            j++;
          }
          if (j >= n) throw new Error(`unterminated quoted field (opened on line ${opened}) at end of file (truncated?)`);
          field += text.slice(from, j);
          if (text.charCodeAt(j + 1) === 34) {
            field += '"';
            from = j + 2;
            continue;
          }
          i = j + 1;
          break;
        }
      }
      // Unquoted text, or what follows a closing quote, up to the next delimiter or line end.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
      const c = text.charCodeAt(i);
      if (c === d && i < n) {
        fields.push(field);
        i++;
        continue;
      }
      if (i >= n && !fields.length && field === "") return records; // nothing after the last line break
      fields.push(field);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (i < n) {
        line++;
        i++;
      }
      break;
    }
    records.push({line: start, fields});
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
  /**
   * Records after the header that are no rows (blank lines), with their line:
   * every record is either in `rows` or here, so nothing goes missing unseen.
   */
  skipped: {line: number; reason: string}[];
}

/** A value quoted in a message: long values are cut, so an absurd field cannot flood a log. */
export function excerpt(value: string, max = 60): string {
  return value.length <= max ? `"${value}"` : `"${value.slice(0, max)}…" (${value.length.toLocaleString("en")} characters)`;
}

/** Any JSON value for a message: text quoted and cut like excerpt(), anything else as JSON, cut. */
export function excerptValue(value: unknown, max = 60): string {
  if (typeof value === "string") return excerpt(value, max);
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= max ? json : `${json.slice(0, max)}…`;
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
    throw new FormatError(sourceId, file, `header changed: expected column(s) ${missing.map((m) => `"${m}"`).join(", ")}, found ${header.slice(0, 30).map((h) => excerpt(h)).join(", ")}${header.length > 30 ? ` … (${header.length} columns)` : ""}`);
  }
  const duplicate = header.find((h, i) => h !== "" && header.indexOf(h) !== i);
  if (duplicate) throw new FormatError(sourceId, file, `header has column ${excerpt(duplicate)} twice`);
  // One unnamed column is a column like any other (GENESIS puts the date
  // there, keyed ""). Several cannot be told apart (IM 4-3-2 ends its header
  // with „Value,,,“): they may only be empty.
  const unnamedAll = header.flatMap((h, i) => (h === "" ? [i] : []));
  const unnamed = unnamedAll.length > 1 ? unnamedAll : [];
  const out: CsvTable["rows"] = [];
  const skipped: CsvTable["skipped"] = [];
  for (let r = 1; r < records.length; r++) {
    const {line, fields} = records[r];
    if (fields.length === 1 && fields[0].trim() === "") {
      skipped.push({line, reason: "blank line"});
      continue;
    }
    if (fields.length !== header.length) {
      throw new FormatError(sourceId, file, `line ${line} has ${fields.length} fields, the header has ${header.length} (truncated or misquoted file?)`);
    }
    const filled = unnamed.find((i) => fields[i].trim() !== "");
    if (filled !== undefined) throw new FormatError(sourceId, file, `line ${line}: value ${excerpt(fields[filled])} in column ${filled + 1}, which has no name in the header`);
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) if (!unnamed.includes(i)) values[header[i]] = fields[i];
    out.push({line, values});
  }
  return {header, rows: out, skipped};
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
  // "1e999" has the shape of a number but is Infinity: no statistic.
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s) || !Number.isFinite(Number(s))) return {value: null, flag: "missing"};
  return {value: Number(s), flag: null};
}

/** Like parseNumber, but text that is no number at all is an error. */
export function requireNumber(raw: string, context: {sourceId: string; file: string; where: string}, options?: {german?: boolean}): ParsedNumber {
  const parsed = parseNumber(raw, options);
  if (parsed.value === null && parsed.flag === "missing" && raw.trim() !== "") {
    throw new FormatError(context.sourceId, context.file, `${context.where}: ${excerpt(raw)} is not a number`);
  }
  return parsed;
}
