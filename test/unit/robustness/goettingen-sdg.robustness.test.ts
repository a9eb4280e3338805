/**
 * loaders/goettingen-sdg.ts under hostile input, seeded from the real
 * data/indicator_10-1.csv (113 bytes, 10 rows, a tab before every value,
 * two trailing blank lines): through the fetch layer when the mirror is
 * there, else its byte-exact copy in test/fixtures/parsers (same SHA-256).
 *
 * A row is a non-blank CSV record after the header; each gives one fact,
 * or the file is refused with a FormatError naming it.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import fc from "fast-check";
import {beforeAll, describe, expect, test} from "vitest";
import {parseCsv} from "../../../loaders/parse/csv.ts";
import {decodeText, sha256} from "../../../loaders/source/fetch.ts";
import {GOETTINGEN_SDG_SOURCE, parseGoettingenSdg} from "../../../loaders/parse/goettingen-sdg.ts";
import {projectRoot} from "../../../loaders/source/paths.ts";
import {sourceFile} from "../../../loaders/source/sources.ts";
import {available, cleanError, content, csvRowsIn, ERROR_PAGES, latin1Bytes, multiset, realBytes, resultOrCleanError, runs} from "./hostile.ts";

const FILE = "data/indicator_10-1.csv";
let bytes: Uint8Array;
let text: string;
const parseBytes = (b: Uint8Array) => parseGoettingenSdg(decodeText(b, "utf-8", GOETTINGEN_SDG_SOURCE, FILE));

beforeAll(async () => {
  bytes = available(GOETTINGEN_SDG_SOURCE, FILE) ? await realBytes(GOETTINGEN_SDG_SOURCE, FILE) : new Uint8Array(readFileSync(join(projectRoot, "test/fixtures/parsers/goettingen-sdg_indicator_10-1.csv")));
  expect(sha256(bytes)).toBe(sourceFile(GOETTINGEN_SDG_SOURCE, FILE).sha256);
  text = decodeText(bytes, "utf-8", GOETTINGEN_SDG_SOURCE, FILE);
});

describe("Göttingen SDG 10-1 under hostile input", () => {
  test("as it is: 10 facts 2014–2023, the two blank lines reported as skipped", () => {
    expect(parseGoettingenSdg(text).map((f) => f.value)).toEqual([203, 200, 216, 239, 219, 229, 192, 232, 271, 492]);
    expect(parseCsv(text, {sourceId: GOETTINGEN_SDG_SOURCE, file: FILE}).skipped).toEqual([
      {line: 12, reason: "blank line"},
      {line: 13, reason: "blank line"}
    ]);
  });

  test("reordered and duplicated rows: the same facts, one per row", () => {
    const lines = text.split("\n").slice(1).filter((l) => l.trim());
    const facts = parseGoettingenSdg(text);
    fc.assert(
      fc.property(fc.shuffledSubarray([...lines.keys()], {minLength: 1}), fc.array(fc.nat({max: lines.length - 1}), {maxLength: 5}), (picked, dups) => {
        const order = [...picked, ...dups];
        const result = parseGoettingenSdg(["Year,Value", ...order.map((i) => lines[i])].join("\n"));
        expect(multiset(result.map(content))).toEqual(multiset(order.map((i) => content(facts[i]))));
      }),
      runs(50)
    );
  });

  test("cut at every byte, and bytes deleted, inserted or overwritten: a FormatError naming the file, or one fact per row", () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const part = bytes.subarray(0, cut);
      const facts = resultOrCleanError(() => parseBytes(part), GOETTINGEN_SDG_SOURCE, FILE);
      if (facts) expect(facts.length).toBe(csvRowsIn(new TextDecoder().decode(part)));
    }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "overwrite"), fc.integer({min: 0, max: 255})), {minLength: 1, maxLength: 4}), (edits) => {
        const b = [...bytes];
        for (const [at, kind, byte] of edits) {
          const i = at % (b.length + 1);
          if (kind === "delete") b.splice(i, 1);
          else if (kind === "insert") b.splice(i, 0, byte);
          else b[Math.min(i, b.length - 1)] = byte;
        }
        const mutated = new Uint8Array(b);
        const facts = resultOrCleanError(() => parseBytes(mutated), GOETTINGEN_SDG_SOURCE, FILE);
        if (facts) expect(facts.length).toBe(csvRowsIn(new TextDecoder().decode(mutated)));
      }),
      runs(500)
    );
  });

  test("any Year and Value: a fact only for a four-digit year and a plain decimal (or empty) value", () => {
    const cell = fc.oneof(fc.constantFrom("", " ", "\t", "2014", "\t203", "0x1F", "0b11", "1e3", "1e999", "-5", "+7", "2014.0", " 2014 ", "١٢٣", "NaN"), fc.string({maxLength: 8}));
    fc.assert(
      fc.property(cell, cell, (year, value) => {
        const q = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
        const facts = resultOrCleanError(() => parseGoettingenSdg(`Year,Value\n${q(year)},${q(value)}\n`), GOETTINGEN_SDG_SOURCE, FILE);
        if (!facts?.length) return;
        expect(year.trim()).toMatch(/^\d{4}$/);
        expect(facts[0].year).toBe(Number(year));
        if (value.trim() === "") expect(facts[0]).toMatchObject({value: null, flag: "missing"});
        else {
          expect(value.trim()).toMatch(/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/);
          expect(facts[0].value).toBe(Number(value));
        }
      }),
      runs(1000)
    );
  });

  test("error pages, empty, binary and Latin-1 bytes", () => {
    for (const page of ERROR_PAGES) cleanError(() => parseGoettingenSdg(page), GOETTINGEN_SDG_SOURCE, FILE);
    expect(cleanError(() => parseGoettingenSdg(""), GOETTINGEN_SDG_SOURCE, FILE).message).toBe(`${GOETTINGEN_SDG_SOURCE}: ${FILE}: empty file`);
    expect(parseGoettingenSdg("Year,Value\n")).toEqual([]);
    // The file is pure ASCII: as Latin-1 it reads the same.
    expect(parseBytes(latin1Bytes(text))).toEqual(parseGoettingenSdg(text));
    fc.assert(
      fc.property(fc.uint8Array({minLength: 1, maxLength: 500}), (b) => {
        resultOrCleanError(() => parseBytes(b), GOETTINGEN_SDG_SOURCE, FILE);
      }),
      runs(500)
    );
  });

  // Found by the fuzzing (fixed in loaders/goettingen-sdg.ts): Number("") is
  // 0, so a row with an empty Year became a fact for the year 0; Number("0x1F")
  // is 31, so a hexadecimal value was read as a count.
  test("regressions: empty Year is no year 0, „0x1F“ is no 31", () => {
    expect(cleanError(() => parseGoettingenSdg("Year,Value\n,\t203\n"), GOETTINGEN_SDG_SOURCE, FILE).message).toBe(
      `${GOETTINGEN_SDG_SOURCE}: ${FILE}: line 2: "", "\t203" is not a year and a number`
    );
    expect(cleanError(() => parseGoettingenSdg("Year,Value\n2014,0x1F\n"), GOETTINGEN_SDG_SOURCE, FILE).message).toBe(
      `${GOETTINGEN_SDG_SOURCE}: ${FILE}: line 2: "2014", "0x1F" is not a year and a number`
    );
  });
});
