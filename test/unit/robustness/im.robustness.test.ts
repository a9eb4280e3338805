/**
 * loaders/im.ts (parseImCsv) under hostile input, seeded from six real
 * indicator files of the mirror that cover its shapes: Units column and BOM
 * (1-2-2), COMMENT_OBS without areas (6-3-2), trailing unnamed columns
 * (4-3-2), no BOM and no final line break (2-2-1), „#NV“ GeoCodes (1-2-8),
 * CRLF and „Gesperrt“ cells (5-1-1).
 *
 * A row is a non-blank CSV record after the header. Accounting: every row
 * gives exactly one fact (notes add findings, they never replace a fact),
 * or the whole file is refused with a FormatError naming the file.
 */
import fc from "fast-check";
import {gzipSync} from "node:zlib";
import {beforeAll, describe, expect, test} from "vitest";
import {FormatError} from "../../../loaders/source/errors.ts";
import {decodeText} from "../../../loaders/source/fetch.ts";
import {imUnitDefaults, IM_SOURCE, parseImCsv, parseImMeta} from "../../../loaders/parse/im.ts";
import {deduplicate} from "../../../loaders/model/quality.ts";
import {available, cleanError, content, csvLines, csvRowsIn, ERROR_PAGES, latin1Bytes, multiset, realBytes, realText, resultOrCleanError, runs, utf16Bytes} from "./hostile.ts";

interface Sample {
  id: string;
  file: string;
  text: string;
  bytes: Uint8Array;
  unit: string | undefined;
  /** The header and the first 150 rows: mutation runs parse this, so that many runs stay fast. */
  head: string;
}

const IDS = ["1-2-2", "6-3-2", "4-3-2", "2-2-1", "1-2-8", "5-1-1"];
const samples = new Map<string, Sample>();

/** The default unit exactly as imIndicator() finds it: the meta's precision unit, else data/im-units.csv. */
async function defaultUnit(id: string): Promise<string | undefined> {
  const meta = parseImMeta(await realText(IM_SOURCE, `meta/${id}.md`), `meta/${id}.md`);
  const precision = (meta.precision ?? meta.presicion) as {unit?: string}[] | undefined;
  return (Array.isArray(precision) ? precision.find((p) => p?.unit)?.unit : undefined) ?? imUnitDefaults()[id];
}

const parse = (s: Sample, text: string) => parseImCsv(text, s.id, s.unit);
const parseBytes = (s: Sample, bytes: Uint8Array) => parse(s, decodeText(bytes, "utf-8", IM_SOURCE, s.file));

/** A CSV field as the IM writes it: quoted when it must be. */
const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

/** Cell values a broken export or a hostile source could put anywhere. */
const hostileCell = fc.oneof(
  fc.constantFrom("", " ", "#NV", "#BEZUG!", "0x1F", "1e999", "-", ".", "NaN", "Infinity", "−5", "1.234,5", "K99999", "RA_", "gesperrt", "Insgesamt", "<img src=x onerror=alert(1)>", '"', "\u0000", "\ufeff"),
  fc.string({maxLength: 20}),
  fc.string({unit: "binary", maxLength: 10}),
  fc.double().map(String)
);

describe.runIf(IDS.every((id) => available(IM_SOURCE, `data/indicator_${id}.csv`)))("IM indicator files (mirror) under hostile input", () => {
  beforeAll(async () => {
    for (const id of IDS) {
      const file = `data/indicator_${id}.csv`;
      const bytes = await realBytes(IM_SOURCE, file);
      const text = decodeText(bytes, "utf-8", IM_SOURCE, file);
      const {header, lines, eol} = csvLines(text);
      samples.set(id, {id, file, bytes, text, unit: await defaultUnit(id), head: [header, ...lines.slice(0, 150)].join(eol) + eol});
    }
  });
  const each = (fn: (s: Sample) => void) => () => IDS.forEach((id) => fn(samples.get(id)!));

  test("as they are: one fact per row (1-2-2: 1 040, 6-3-2: 1 344, 4-3-2: 2 051, 2-2-1: 11, 1-2-8: 2 184, 5-1-1: 462)", () => {
    const counts = IDS.map((id) => {
      const s = samples.get(id)!;
      const {facts} = parse(s, s.text);
      expect(facts.length).toBe(csvRowsIn(s.text));
      return facts.length;
    });
    expect(counts).toEqual([1040, 1344, 2051, 11, 2184, 462]);
  });

  test(
    "reordered and duplicated rows: the same facts, one per row; deduplicate keeps each once and reports every repeat",
    each((s) => {
      const {header, lines, eol} = csvLines(s.text);
      const {facts} = parse(s, s.text);
      const indices = lines.map((_, i) => i);
      fc.assert(
        fc.property(fc.shuffledSubarray(indices, {minLength: 1}), fc.array(fc.nat({max: lines.length - 1}), {maxLength: 10}), (picked, dups) => {
          const order = [...picked, ...dups];
          const result = parse(s, [header, ...order.map((i) => lines[i])].join(eol));
          expect(result.facts).toHaveLength(order.length);
          expect(multiset(result.facts.map(content))).toEqual(multiset(order.map((i) => content(facts[i]))));
          const deduped = deduplicate(result.facts);
          expect(deduped.facts.length + deduped.findings.length).toBe(order.length);
        }),
        runs(8)
      );
    })
  );

  test(
    "cut at any byte (also inside a multi-byte „ä“): a FormatError naming the file, or one fact per remaining row",
    each((s) => {
      fc.assert(
        fc.property(fc.nat({max: s.bytes.length}), (cut) => {
          const part = s.bytes.subarray(0, cut);
          const result = resultOrCleanError(() => parseBytes(s, part), IM_SOURCE, s.file);
          if (result) expect(result.facts.length).toBe(csvRowsIn(new TextDecoder().decode(part)));
        }),
        runs(25)
      );
    })
  );

  test(
    "any cell replaced by hostile text: a FormatError naming file and line, or one fact per row with a real number or null",
    each((s) => {
      const {header, lines, eol} = csvLines(s.head);
      const columns = header.replace(/^\ufeff/, "").split(",");
      const valueColumn = columns.indexOf("Value");
      fc.assert(
        fc.property(fc.nat({max: lines.length - 1}), fc.nat({max: columns.length - 1}), hostileCell, (row, column, cell) => {
          // Split the real line as the reader does, replace one field, write it back.
          const fields = parseRecord(lines[row]);
          fields[column] = cell;
          const text = [header, ...lines.slice(0, row), fields.map(quote).join(","), ...lines.slice(row + 1)].join(eol);
          const result = resultOrCleanError(() => parse(s, text), IM_SOURCE, s.file);
          if (!result) return;
          expect(result.facts.length).toBe(csvRowsIn(text));
          const fact = result.facts[row];
          if (column === valueColumn && fact.flag !== "suppressed") {
            expect(fact.value === null ? cell.trim() : Number(cell.trim())).toBe(fact.value === null ? "" : fact.value);
            if (fact.value !== null) expect(cell.trim()).toMatch(/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/);
          }
        }),
        runs(30)
      );
    })
  );

  test(
    "bytes deleted, inserted or overwritten anywhere: a FormatError naming the file, or one fact per row",
    each((s) => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "overwrite"), fc.integer({min: 0, max: 255})), {minLength: 1, maxLength: 5}), (edits) => {
          const bytes = [...Buffer.from(s.head)];
          for (const [at, kind, byte] of edits) {
            const i = at % (bytes.length + 1);
            if (kind === "delete") bytes.splice(i, 1);
            else if (kind === "insert") bytes.splice(i, 0, byte);
            else bytes[Math.min(i, bytes.length - 1)] = byte;
          }
          const mutated = new Uint8Array(bytes);
          const result = resultOrCleanError(() => parseBytes(s, mutated), IM_SOURCE, s.file);
          if (result) expect(result.facts.length).toBe(csvRowsIn(new TextDecoder().decode(mutated)));
        }),
        runs(25)
      );
    })
  );

  test("wrong encodings: Latin-1 and UTF-16 bytes are refused; a second BOM and CRLF change nothing", () => {
    const s = samples.get("1-2-2")!; // „Lüchow-Dannenberg“, „Lüneburg“ …
    expect(s.text).toContain("Lüneburg");
    expect(cleanError(() => parseBytes(s, latin1Bytes(s.text)), IM_SOURCE, s.file).message).toBe(`${IM_SOURCE}: ${s.file}: not valid utf-8 text (wrong encoding or a binary file)`);
    expect(cleanError(() => parseBytes(s, utf16Bytes(s.text)), IM_SOURCE, s.file)).toBeInstanceOf(FormatError);
    const {facts} = parse(s, s.text);
    expect(parse(s, `\ufeff${s.text}`).facts).toEqual(facts);
    expect(parse(s, s.text.replace(/\n/g, "\r\n")).facts).toEqual(facts);
  });

  test("UTF-16 without BOM (every other byte 0) is refused as binary, not read as empty rows", () => {
    const s = samples.get("2-2-1")!;
    const bytes = new Uint8Array(Buffer.from(s.text, "utf16le"));
    expect(cleanError(() => parseBytes(s, bytes), IM_SOURCE, s.file).message).toMatch(/binary content where a CSV table was expected/);
  });

  test("error pages, an empty file, binary garbage: refused; a header alone is an empty table (0 rows in, 0 out)", () => {
    const s = samples.get("1-2-2")!;
    for (const page of ERROR_PAGES) expect(cleanError(() => parse(s, page), IM_SOURCE, s.file).message).toMatch(/HTML\/XML page/);
    expect(cleanError(() => parse(s, ""), IM_SOURCE, s.file).message).toBe(`${IM_SOURCE}: ${s.file}: empty file`);
    expect(parse(s, csvLines(s.text).header + "\n")).toEqual({facts: [], notes: [], units: []});
    fc.assert(
      fc.property(fc.uint8Array({minLength: 1, maxLength: 2000}), (bytes) => {
        resultOrCleanError(() => parseBytes(s, bytes), IM_SOURCE, s.file);
      }),
      runs(300)
    );
    // gzip-compressed bytes (a server that ignored Accept-Encoding)
    const gzip = new Uint8Array(gzipSync(s.bytes));
    expect(cleanError(() => parseBytes(s, gzip), IM_SOURCE, s.file)).toBeInstanceOf(FormatError);
  });

  // Found by the fuzzing (fixed in loaders/im.ts): Number() read "0x1F" as 31
  // and "0b101" as 5; the IM only ever writes decimals, so these are errors now.
  test("hexadecimal and binary literals in Value are refused, not read as 31 and 5", () => {
    const s = samples.get("2-2-1")!; // data/indicator_2-2-1.csv:2 „2014,Niedersachsen,22400“
    expect(parse(s, "Year,Gebietseinheit,Value\n2014,Niedersachsen,22400\n").facts[0]).toMatchObject({area_id: "03", year: 2014, value: 22400});
    expect(cleanError(() => parse(s, "Year,Gebietseinheit,Value\n2014,Niedersachsen,0x1F\n"), IM_SOURCE, s.file).message).toBe(
      `${IM_SOURCE}: ${s.file}: line 2: Value "0x1F" is not a number`
    );
    expect(() => parse(s, "Year,Gebietseinheit,Value\n2014,Niedersachsen,0b101\n")).toThrow(FormatError);
  });

  // Found by the fuzzing (fixed): any text in Year that was not a year became
  // a „Zeitraum=…“ category, so a garbled Year made a new series silently.
  test("a Year that names no year is refused (periods such as „2024 / 2005“ or „WS 2005/06“ stay)", () => {
    const s = samples.get("2-2-1")!;
    expect(cleanError(() => parse(s, "Year,Gebietseinheit,Value\nk.A.,Niedersachsen,22400\n"), IM_SOURCE, s.file).message).toBe(
      `${IM_SOURCE}: ${s.file}: line 2: Year "k.A." is neither a year nor a period`
    );
    expect(parse(s, "Year,Gebietseinheit,Value\n2024 / 2005,Niedersachsen,1\n").facts[0]).toMatchObject({year: null, category: "Zeitraum=2024 / 2005"});
  });
});

/** One CSV line split into fields (the IM has no quoted line breaks). */
function parseRecord(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}
