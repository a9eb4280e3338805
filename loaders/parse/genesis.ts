/**
 * The layout of a GENESIS-Online table export (Destatis and the Länder
 * offices): a line „GENESIS-Tabelle: <id>“, title lines, column header lines
 * (their first cells empty, one label per data column and level), data
 * lines, then a footer after a line of underscores whose statements (census
 * basis, copyright, export time) are the table's footnotes. Only the layout:
 * what the columns mean is for the caller.
 */
import {assertTextTable, excerpt, parseCsvRecords} from "./csv.ts";
import {FormatError} from "../source/errors.ts";

export interface GenesisTable {
  tableId: string;
  /** Title lines (first cell only), in order. */
  title: string[];
  /** Column header lines: per level, one label per column (the leading key columns are ""). */
  columnHeaders: string[][];
  /** Number of leading key columns (their header cells are empty). */
  keyColumns: number;
  rows: {line: number; fields: string[]}[];
  /** The footer's statements, in order, without the separator line. */
  footnotes: string[];
  /** Every other line, with why: nothing goes missing unseen. */
  skipped: {line: number; reason: string}[];
  /** Lines read in all: rows + header lines + footer lines + skipped. */
  lines: number;
}

const FOOTER_RULE = /^_{3,}\s*$/;

export function parseGenesisTable(text: string, {sourceId, file}: {sourceId: string; file: string}): GenesisTable {
  assertTextTable(text, sourceId, file);
  let records: {line: number; fields: string[]}[];
  try {
    records = parseCsvRecords(text, ";");
  } catch (error) {
    throw new FormatError(sourceId, file, (error as Error).message);
  }
  const first = records[0]?.fields[0]?.trim() ?? "";
  const id = /^GENESIS-Tabelle:\s*(\S+)$/.exec(first);
  if (!id) throw new FormatError(sourceId, file, `line 1 should read „GENESIS-Tabelle: <Nummer>“, found ${excerpt(first)}`);
  const isBlank = (fields: string[]) => fields.every((f) => f.trim() === "");
  const title: string[] = [];
  const columnHeaders: string[][] = [];
  const rows: GenesisTable["rows"] = [];
  const footnotes: string[] = [];
  const skipped: GenesisTable["skipped"] = [];
  let section: "head" | "data" | "footer" = "head";
  let width = 0;
  for (const record of records.slice(1)) {
    const {line, fields} = record;
    if (section !== "footer" && FOOTER_RULE.test(fields[0] ?? "") && fields.slice(1).every((f) => f.trim() === "")) {
      section = "footer";
      continue;
    }
    if (section === "footer") {
      if (isBlank(fields)) skipped.push({line, reason: "blank line in the footer"});
      else footnotes.push(fields.filter((f) => f.trim() !== "").join(" ").trim());
      continue;
    }
    if (isBlank(fields)) {
      skipped.push({line, reason: "blank line"});
      continue;
    }
    if (section === "head") {
      if (fields[0].trim() !== "" && fields.slice(1).every((f) => f.trim() === "")) {
        if (columnHeaders.length) throw new FormatError(sourceId, file, `line ${line}: a title line ${excerpt(fields[0])} after the column headers`);
        title.push(fields[0].trim());
        continue;
      }
      if (fields[0].trim() === "") {
        columnHeaders.push(fields.map((f) => f.trim()));
        continue;
      }
      section = "data";
      if (!columnHeaders.length) throw new FormatError(sourceId, file, `line ${line}: data before any column header line`);
      width = columnHeaders[0].length;
      if (columnHeaders.some((h) => h.length !== width)) throw new FormatError(sourceId, file, `column header lines differ in length (${columnHeaders.map((h) => h.length).join(", ")} fields)`);
    }
    if (fields.length !== width) throw new FormatError(sourceId, file, `line ${line} has ${fields.length} fields, the column headers have ${width} (truncated or misquoted file?)`);
    rows.push({line, fields});
  }
  if (!rows.length) throw new FormatError(sourceId, file, "no data lines (truncated file?)");
  if (section !== "footer") throw new FormatError(sourceId, file, "no footer (a line of underscores and the source statements): the file is cut short");
  const keyColumns = columnHeaders[0].findIndex((h) => h !== "");
  return {tableId: id[1], title, columnHeaders, keyColumns: keyColumns < 0 ? width : keyColumns, rows, footnotes, skipped, lines: records.length};
}
