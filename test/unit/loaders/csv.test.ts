/**
 * loaders/csv.ts: the CSV reader every parser shares. Small inline fixtures
 * for each way a file can be wrong: the reader either returns exactly the
 * rows in the file or throws an error that names source and file.
 */
import {describe, expect, test} from "vitest";
import {assertTextTable, parseCsv, parseCsvRows, parseNumber, requireNumber} from "../../../loaders/parse/csv.ts";
import {FormatError} from "../../../loaders/source/errors.ts";
import {thrown} from "../../support/thrown.ts";

const ctx = {sourceId: "test-source", file: "data/test.csv"};



describe("parseCsvRows", () => {
  test("splits plain rows; a final newline adds no empty row", () => {
    expect(parseCsvRows("a,b\n1,2\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsvRows("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  test("drops a UTF-8 byte order mark so that the first column keeps its name", () => {
    const rows = parseCsvRows("\ufeffYear,Value\n2024,1\n");
    expect(rows[0][0]).toBe("Year");
    expect(rows[0][0]).toHaveLength(4);
  });

  test("CRLF and LF line ends give the same rows", () => {
    expect(parseCsvRows("a,b\r\n1,2\r\n3,4\r\n")).toEqual(parseCsvRows("a,b\n1,2\n3,4\n"));
    expect(parseCsvRows("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
  });

  test("quoted fields hold delimiters, doubled quotes and newlines", () => {
    const text = 'name,note,value\n"Braunschweig, Stadt","sagt ""hallo""",1\n"zwei\nZeilen","a\r\nb",2\n';
    expect(parseCsvRows(text)).toEqual([
      ["name", "note", "value"],
      ["Braunschweig, Stadt", 'sagt "hallo"', "1"],
      ["zwei\nZeilen", "a\r\nb", "2"]
    ]);
  });

  test("empty fields are kept, also the last one of a row", () => {
    expect(parseCsvRows("a,,c,\n")).toEqual([["a", "", "c", ""]]);
    expect(parseCsvRows('"",x\n')).toEqual([["", "x"]]);
  });

  test("another delimiter: semicolon (GENESIS export)", () => {
    expect(parseCsvRows(";Kreis;Stadt\n31.12.2018;DG;Deutschland\n", ";")).toEqual([
      ["", "Kreis", "Stadt"],
      ["31.12.2018", "DG", "Deutschland"]
    ]);
  });

  test("an unterminated quote (truncated file) is an error, not a silently shortened row", () => {
    expect(() => parseCsvRows('a,b\n1,"abgeschnit')).toThrow(/unterminated quoted field/);
  });
});

describe("assertTextTable", () => {
  test("accepts a CSV", () => {
    expect(() => assertTextTable("Year,Value\n2024,1\n", ctx.sourceId, ctx.file)).not.toThrow();
  });

  test.each([
    ["doctype", "<!DOCTYPE html>\n<html><head><title>Error</title></head><body>rate limited</body></html>"],
    ["html tag after white space", "\n  <html lang=de><body>500 Internal Server Error</body></html>"],
    ["body tag only", "Error <body>Bad gateway</body>"],
    ["xml", '<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>'],
    ["html after a BOM", "\ufeff<!doctype html><p>Not Found</p>"]
  ])("refuses an HTML/XML error page (%s) and says so", (_name, page) => {
    const error = thrown(() => assertTextTable(page, ctx.sourceId, ctx.file));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/HTML/);
    expect(error.message).toContain("test-source: data/test.csv:");
  });

  test.each([
    ["nothing", ""],
    ["only white space", " \n\r\n\t"],
    ["only a BOM", "\ufeff"]
  ])("refuses an empty file (%s)", (_name, text) => {
    const error = thrown(() => assertTextTable(text, ctx.sourceId, ctx.file));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe("test-source: data/test.csv: empty file");
  });

  test("refuses binary content (a zip file decoded as text)", () => {
    const zip = "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000indicator.csv";
    const error = thrown(() => assertTextTable(zip, ctx.sourceId, ctx.file));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/binary content/);
  });
});

describe("parseCsv", () => {
  test("rows keyed by the (trimmed) header, with their line in the file", () => {
    const table = parseCsv("\ufeff Year , Value\r\n2023,5\r\n\r\n2024,7\r\n", {...ctx, required: ["Year", "Value"]});
    expect(table.header).toEqual(["Year", "Value"]);
    expect(table.rows).toEqual([
      {line: 2, values: {Year: "2023", Value: "5"}},
      // line 3 is blank and skipped; the row keeps its own line number
      {line: 4, values: {Year: "2024", Value: "7"}}
    ]);
  });

  test("trailing blank lines (Göttingen SDG ends with two) are no rows", () => {
    expect(parseCsv("Year,Value\n2014,\t203\n\n\n", ctx).rows).toHaveLength(1);
  });

  test("an unterminated quote becomes a FormatError naming the file", () => {
    const error = thrown(() => parseCsv('Year,Gebietseinheit,Value\n2024,"Braunschweig, St', {...ctx, required: ["Year"]}));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/^test-source: data\/test\.csv: unterminated quoted field/);
    expect((error as FormatError).sourceId).toBe("test-source");
    expect((error as FormatError).file).toBe("data/test.csv");
  });

  test("an HTML page is refused before it is read as a table", () => {
    const error = thrown(() => parseCsv("<!DOCTYPE html><html><body>Too many requests</body></html>", {...ctx, required: ["Year"]}));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/HTML\/XML page where a CSV table was expected/);
  });

  test("a changed header names the expected and the found columns", () => {
    const error = thrown(() => parseCsv("Jahr,Gebiet,Wert\n2024,NI,1\n", {...ctx, required: ["Year", "Value"]}));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe('test-source: data/test.csv: header changed: expected column(s) "Year", "Value", found "Jahr", "Gebiet", "Wert"');
  });

  test("GitHub's plain-text 404 body is caught by the header check", () => {
    const error = thrown(() => parseCsv("404: Not Found", {...ctx, required: ["Year", "Value"]}));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toContain('found "404: Not Found"');
  });

  test("a row with too few or too many fields is an error naming the row", () => {
    const short = thrown(() => parseCsv("Year,Value\n2023,5\n2024\n", ctx));
    expect(short).toBeInstanceOf(FormatError);
    expect(short.message).toBe("test-source: data/test.csv: line 3 has 1 fields, the header has 2 (truncated or misquoted file?)");
    const long = thrown(() => parseCsv("Year,Value\n2023,5,6\n", ctx));
    expect(long.message).toMatch(/line 2 has 3 fields, the header has 2/);
  });

  test("a column named twice is an error", () => {
    const error = thrown(() => parseCsv("Year,Value,Value\n2024,1,2\n", ctx));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/header has column "Value" twice/);
  });

  test("several unnamed empty columns (IM 4-3-2 ends its header with „Value,,,“) are accepted", () => {
    const table = parseCsv("Year,Units,Value,,,\n2013,Anzahl,3820,,,\n", {...ctx, required: ["Year", "Value"]});
    expect(table.rows[0].values).toMatchObject({Year: "2013", Units: "Anzahl", Value: "3820"});
  });

  // Regression (fixed bug, loaders/csv.ts parseCsv): the duplicate-column check is
  // `if (duplicate)`, and "" is falsy, so a header with several unnamed
  // columns passes and Object.fromEntries keeps only the last of them: the
  // cells "a" and "b" below vanish without an error ("nothing lost" broken).
  // Expected: an error (or the values kept); actual: values {"": ""} only.
  test("values in unnamed duplicate columns are not dropped silently", () => {
    let result: ReturnType<typeof parseCsv> | undefined;
    try {
      result = parseCsv("Year,Value,,,\n2013,3820,a,b,\n", ctx);
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      return;
    }
    expect(Object.values(result.rows[0].values)).toEqual(expect.arrayContaining(["a", "b"]));
  });

  // Regression (fixed bug, loaders/csv.ts parseCsv): `line` is documented as "the 1-based line
  // of the row in the file", but it is the record number: after a quoted
  // field with a newline every later row (and every error) cites a line one
  // too early. Input below: the row "2024,7" stands on line 4, parseCsv says 3.
  test("line numbers stay right after a quoted field that spans two lines", () => {
    const table = parseCsv('Year,Value,Note\n2023,5,"zwei\nZeilen"\n2024,7,x\n', ctx);
    expect(table.rows[1].values.Year).toBe("2024");
    expect(table.rows[1].line).toBe(4);
  });
});

describe("parseNumber", () => {
  test.each([
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["27,30%", 27.3],
    ["27,30 %", 27.3],
    ["− 198", -198], // U+2212 minus sign and a space (Göttingen concept, Abb. 5)
    ["– 12", -12], // en dash
    ["+ 622", 622],
    ["+ 1.015", 1015],
    ["0,5", 0.5],
    ["-0,25", -0.25],
    ["135.299", 135299],
    ["1\u00a0234", 1234],
    [" 42 ", 42]
  ])("German %j → %d", (raw, value) => {
    expect(parseNumber(raw)).toEqual({value, flag: null});
  });

  test.each([
    ["1234.5", 1234.5],
    ["6.42144433101722E-02", 0.0642144433101722], // IM 1-1-2 scientific notation
    ["+12.6", 12.6], // IM 5-3-3
    ["-54.2683", -54.2683]
  ])("machine format %j → %d (german: false)", (raw, value) => {
    expect(parseNumber(raw, {german: false})).toEqual({value, flag: null});
  });

  test("German mode reads a lone point before three digits as a thousands separator", () => {
    // the same text means different numbers in the two modes
    expect(parseNumber("1.234").value).toBe(1234);
    expect(parseNumber("1.234", {german: false}).value).toBe(1.234);
  });

  test.each([".", "x", "X", "…", "...", "/", " . "])("suppression sign %j → null, flag suppressed, never 0", (raw) => {
    const parsed = parseNumber(raw);
    expect(parsed).toEqual({value: null, flag: "suppressed"});
    expect(parsed.value).not.toBe(0);
  });

  test.each(["-", "–", "—"])("„nothing“ sign %j → null with flag zero_sign (not 0)", (raw) => {
    expect(parseNumber(raw)).toEqual({value: null, flag: "zero_sign"});
  });

  test("empty cell → null, missing", () => {
    expect(parseNumber("")).toEqual({value: null, flag: "missing"});
    expect(parseNumber("   ")).toEqual({value: null, flag: "missing"});
  });

  test("text that is no number is no number", () => {
    expect(parseNumber("k.A.")).toEqual({value: null, flag: "missing"});
    expect(parseNumber("12a")).toEqual({value: null, flag: "missing"});
  });
});

describe("requireNumber", () => {
  const context = {...ctx, where: "line 7, Value"};

  test("passes numbers and signs through", () => {
    expect(requireNumber("1.234,5", context)).toEqual({value: 1234.5, flag: null});
    expect(requireNumber(".", context)).toEqual({value: null, flag: "suppressed"});
    expect(requireNumber("-", context)).toEqual({value: null, flag: "zero_sign"});
    expect(requireNumber("", context)).toEqual({value: null, flag: "missing"});
  });

  test.each(["k.A.", "n/a", "12a", "<html>"])("throws on non-number text %j, naming source, file, place and text", (raw) => {
    const error = thrown(() => requireNumber(raw, context));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toBe(`test-source: data/test.csv: line 7, Value: "${raw}" is not a number`);
  });
});
