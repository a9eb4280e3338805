/**
 * loaders/csv.ts under hostile input. The reader is checked against a
 * character-by-character reference (the reader as it was before it learned
 * to slice), on random text and on real IM files cut, reordered and
 * duplicated; parseCsv must account for every record: row or skipped.
 */
import fc from "fast-check";
import {describe, expect, test} from "vitest";
import {parseCsv, parseCsvRecords, parseCsvRows} from "../../../loaders/parse/csv.ts";
import {FormatError} from "../../../loaders/source/errors.ts";
import {IM_SOURCE} from "../../../loaders/parse/im.ts";
import {available, cleanError, csvLines, csvRowsIn, ERROR_PAGES, realText, resultOrCleanError, runs} from "./hostile.ts";

/** The obviously right reader: one character at a time (loaders/csv.ts before commit f2f4cac). */
function referenceRecords(text: string, delimiter = ","): {line: number; fields: string[]}[] {
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
      } else field += c;
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
  if (quoted) throw new Error("unterminated");
  if (field !== "" || row.length) {
    row.push(field);
    records.push({line: start, fields: row});
  }
  return records;
}

const ctx = {sourceId: "test-source", file: "data/test.csv"};
/** Text made of the characters that matter to a CSV reader. */
const csvish = fc.string({unit: fc.constantFrom("a", "1", " ", ",", ";", '"', "\n", "\r", "\ufeff", "ö", "\t"), maxLength: 80});

describe("the reader equals the character-by-character reference", () => {
  test("on random CSV-like text, with both delimiters: the same records and lines, or both refuse", () => {
    fc.assert(
      fc.property(csvish, fc.constantFrom(",", ";"), (text, delimiter) => {
        let expected: ReturnType<typeof referenceRecords> | "error";
        try {
          expected = referenceRecords(text, delimiter);
        } catch {
          expected = "error";
        }
        if (expected === "error") expect(() => parseCsvRecords(text, delimiter)).toThrow(/unterminated quoted field/);
        else expect(parseCsvRecords(text, delimiter)).toEqual(expected);
      }),
      runs(1500)
    );
  });

  test("round trip: any table written with RFC 4180 quoting reads back field for field", () => {
    const field = fc.string({unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r\n", "ä", "€", "🙂"), maxLength: 12});
    fc.assert(
      fc.property(fc.array(fc.array(field, {minLength: 2, maxLength: 5}), {minLength: 1, maxLength: 8}), fc.boolean(), (table, crlf) => {
        const quote = (f: string) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f);
        const text = table.map((r) => r.map(quote).join(",")).join(crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n");
        expect(parseCsvRows(text)).toEqual(table);
      }),
      runs(500)
    );
  });
});

describe("parseCsv: every record is a row or reported, or the file is refused", () => {
  test("on random text: a FormatError naming source and file, or records after the header = rows + skipped", () => {
    fc.assert(
      fc.property(csvish, (body) => {
        const text = `Year,Value\n${body}`;
        const table = resultOrCleanError(() => parseCsv(text, ctx), ctx.sourceId, ctx.file);
        if (!table) return;
        expect(table.rows.length + table.skipped.length).toBe(parseCsvRecords(text).length - 1);
        expect(table.rows.length).toBe(csvRowsIn(text));
        for (const row of table.rows) expect(Object.keys(row.values)).toEqual(["Year", "Value"]);
      }),
      runs(1000)
    );
  });

  test("empty, header-only, HTML, XML and binary input", () => {
    expect(cleanError(() => parseCsv("", ctx), ctx.sourceId, ctx.file).message).toBe("test-source: data/test.csv: empty file");
    expect(cleanError(() => parseCsv("\ufeff\r\n\r\n", ctx), ctx.sourceId, ctx.file).message).toBe("test-source: data/test.csv: empty file");
    const headerOnly = parseCsv("Year,Value\n", ctx);
    expect(headerOnly).toEqual({header: ["Year", "Value"], rows: [], skipped: []});
    for (const page of ERROR_PAGES) expect(cleanError(() => parseCsv(page, ctx), ctx.sourceId, ctx.file).message).toMatch(/an HTML\/XML page where a CSV table was expected/);
    expect(cleanError(() => parseCsv("Year,Value\n2024,\u0000\u0001\n", ctx), ctx.sourceId, ctx.file).message).toMatch(/binary content/);
  });

  test("blank lines between rows are reported with their line, not lost", () => {
    const table = parseCsv("Year,Value\n2023,5\n\n   \n2024,7\n\n", ctx);
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(table.skipped).toEqual([
      {line: 3, reason: "blank line"},
      {line: 4, reason: "blank line"},
      {line: 6, reason: "blank line"}
    ]);
  });

  // Found by the fuzzing (fixed in loaders/csv.ts): a 50 MB value was copied
  // whole into the error message („Value "999…" is not a number“), and a
  // changed header listed every column in full.
  test("messages quote at most 60 characters of a value", () => {
    const error = cleanError(() => parseCsv(`Jahr,${"x".repeat(5000)}\n1,2\n`, {...ctx, required: ["Year"]}), ctx.sourceId, ctx.file);
    expect(error.message).toBe(`test-source: data/test.csv: header changed: expected column(s) "Year", found "Jahr", "${"x".repeat(60)}…" (5,000 characters)`);
  });
});

describe.runIf(available(IM_SOURCE, "data/indicator_1-3-1.csv"))("real IM files (mirror), cut, reordered and duplicated", () => {
  // 1-3-1: CRLF line ends, quoted fields („Anzahl in 1000“), 4 062 data rows.
  const file = "data/indicator_1-3-1.csv";
  let text: string;
  test("the file as it is: 4 062 rows, no blank line", async () => {
    text = await realText(IM_SOURCE, file);
    const table = parseCsv(text, {sourceId: IM_SOURCE, file, required: ["Year", "Value"]});
    expect(table.rows).toHaveLength(4062);
    expect(table.skipped).toEqual([]);
    // data/indicator_1-3-1.csv:2
    expect(table.rows[0]).toEqual({line: 2, values: {Year: "2024", Gebietseinheit: "Braunschweig, Stadt", Kategorie: "Personen ohne Migrationshintergrund", Units: "Anzahl in 1000", GeoCode: "MZ03101", Value: "176.5"}});
  });

  test("cut at any character: refused with a FormatError, or every complete record is a row", () => {
    fc.assert(
      fc.property(fc.nat({max: text.length}), (cut) => {
        const part = text.slice(0, cut);
        const table = resultOrCleanError(() => parseCsv(part, {sourceId: IM_SOURCE, file, required: ["Year", "Value"]}), IM_SOURCE, file);
        if (table) expect(table.rows.length).toBe(csvRowsIn(part));
      }),
      runs(60)
    );
  });

  test("reordered and duplicated lines: every line is a row, with its own line number", () => {
    const {header, lines, eol} = csvLines(text);
    fc.assert(
      fc.property(fc.shuffledSubarray(lines, {minLength: 1}), fc.array(fc.nat({max: lines.length - 1}), {maxLength: 20}), (picked, dups) => {
        const body = [...picked, ...dups.map((i) => lines[i])];
        const table = parseCsv([header, ...body].join(eol) + eol, {sourceId: IM_SOURCE, file, required: ["Year", "Value"]});
        expect(table.rows).toHaveLength(body.length);
        expect(table.rows.map((r) => r.line)).toEqual(body.map((_, i) => i + 2));
        expect(table.rows.at(-1)!.values.Value).toBe(body.at(-1)!.split(",").at(-1));
      }),
      runs(40)
    );
  });

  test("a quote that does not close: the record it swallows is refused with its line", () => {
    const {header, lines, eol} = csvLines(text);
    // Line 11 loses a closing quote: the quoted field runs into line 12 and the record has 8 fields.
    const middle = [header, ...lines.slice(0, 9), lines[9].replace('"Anzahl in 1000"', '"Anzahl in 1000'), ...lines.slice(10, 20)].join(eol);
    expect(cleanError(() => parseCsv(middle, {sourceId: IM_SOURCE, file}), IM_SOURCE, file).message).toBe(
      `${IM_SOURCE}: ${file}: line 11 has 8 fields, the header has 6 (truncated or misquoted file?)`
    );
    // On the last line no later quote closes it: the message says where it opened.
    const last = [header, ...lines.slice(0, 19), lines[19].replace('"Anzahl in 1000"', '"Anzahl in 1000')].join(eol);
    expect(cleanError(() => parseCsv(last, {sourceId: IM_SOURCE, file}), IM_SOURCE, file).message).toBe(
      `${IM_SOURCE}: ${file}: unterminated quoted field (opened on line 21) at end of file (truncated?)`
    );
  });
});
