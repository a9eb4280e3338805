/**
 * loaders/documents.ts and loaders/concepts.ts (the project's own
 * transcriptions) under hostile input, seeded from the real files in data/:
 * the Göttingen statistics (197 rows), the Göttingen concept (206 elements)
 * and its stated counts (7).
 *
 * A row is a non-blank CSV record after the header; each gives one
 * statistic / element / stated count, or the file is refused with a
 * FormatError naming the file (row errors name file:line).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import fc from "fast-check";
import {describe, expect, test} from "vitest";
import {parseConcept, parseStatedCounts} from "../../../loaders/parse/concepts.ts";
import {DOCUMENTS, parseDocumentStatistics, readDocumentStatistics} from "../../../loaders/parse/documents.ts";
import {decodeText} from "../../../loaders/source/fetch.ts";
import {projectRoot} from "../../../loaders/source/paths.ts";
import {anyText, cleanError, csvRowsIn, ERROR_PAGES, latin1Bytes, multiset, resultOrCleanError, runs} from "./hostile.ts";

const STATS = "data/documents/goettingen/statistics.csv";
const CONCEPT = "data/concepts/goettingen.csv";
const COUNTS = "data/concepts/goettingen-stated-counts.csv";
const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");

interface Target {
  file: string;
  sourceId: string;
  parse: (text: string) => unknown[];
  rows: number;
}
const targets: Target[] = [
  {file: STATS, sourceId: "data/documents", parse: (t) => parseDocumentStatistics(t, STATS), rows: 197},
  {file: CONCEPT, sourceId: "data/concepts", parse: (t) => parseConcept(t, CONCEPT), rows: 206},
  {file: COUNTS, sourceId: "data/concepts", parse: (t) => parseStatedCounts(t, COUNTS), rows: 7}
];

/** Header and data lines (the transcriptions have no quoted line breaks: checked in the first test). */
function records(text: string): {header: string; lines: string[]} {
  const [header, ...lines] = text.split("\n");
  return {header, lines: lines.filter((l) => l.trim() !== "")};
}

describe("document and concept transcriptions under hostile input", () => {
  test("as they are: one item per row (197 statistics, 206 concept elements, 7 stated counts)", () => {
    for (const t of targets) {
      const text = read(t.file);
      expect(csvRowsIn(text)).toBe(t.rows);
      expect(records(text).lines).toHaveLength(t.rows); // no quoted line breaks: a line is a row
      expect(t.parse(text)).toHaveLength(t.rows);
    }
    // statistics.csv row for Abb. 10, 2022: the concept prints 269 naturalisations (seed line 331)
    expect(readDocumentStatistics(DOCUMENTS[0]).find((s) => s.table_id === "abb10" && s.year === 2022 && s.sex === "total")).toMatchObject({value: 269, line: 331});
  });

  test("reordered and duplicated rows: the same items, one per row", () => {
    for (const t of targets) {
      const text = read(t.file);
      const {header, lines} = records(text);
      const items = t.parse(text).map((x) => JSON.stringify(x));
      fc.assert(
        fc.property(fc.shuffledSubarray([...lines.keys()], {minLength: 1}), fc.array(fc.nat({max: lines.length - 1}), {maxLength: 5}), (picked, dups) => {
          const order = [...picked, ...dups];
          const result = t.parse([header, ...order.map((i) => lines[i])].join("\n"));
          expect(multiset(result.map((x) => JSON.stringify(x)))).toEqual(multiset(order.map((i) => items[i])));
        }),
        runs(10)
      );
    }
  });

  test("cut at any character, or characters deleted, inserted or replaced: a FormatError naming the file, or one item per row", () => {
    for (const t of targets) {
      const text = read(t.file);
      fc.assert(
        fc.property(fc.nat({max: text.length}), fc.array(fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "replace"), fc.constantFrom(",", '"', "\n", "x", "1", ";", "")), {maxLength: 3}), (cut, edits) => {
          let part = text.slice(0, cut);
          for (const [at, kind, c] of edits) {
            const i = at % (part.length + 1);
            part = kind === "delete" ? part.slice(0, i) + part.slice(i + 1) : kind === "insert" ? part.slice(0, i) + c + part.slice(i) : part.slice(0, i) + c + part.slice(i + 1);
          }
          const items = resultOrCleanError(() => t.parse(part), t.sourceId, t.file);
          if (items) expect(items.length).toBe(csvRowsIn(part));
        }),
        runs(60)
      );
    }
  });

  test("any cell of a statistic replaced by hostile text: a FormatError naming file:line, or a statistic with a plain number and a line", () => {
    const text = read(STATS);
    const {header, lines} = records(text);
    const columns = header.split(",");
    const cell = fc.oneof(fc.constantFrom("", "0x1F", "1e3", "1,5", "-3", "2022.5", "toString", "__proto__", "divers", "a;b", "total;part", "31.12.2022", "<img src=x onerror=alert(1)>"), fc.string({maxLength: 10}));
    fc.assert(
      fc.property(fc.nat({max: lines.length - 1}), fc.nat({max: columns.length - 1}), cell, (row, column, value) => {
        const fields = splitRecord(lines[row]);
        fields[column] = value;
        const q = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
        const mutated = [header, ...lines.slice(0, row), fields.map(q).join(","), ...lines.slice(row + 1)].join("\n");
        const stats = resultOrCleanError(() => parseDocumentStatistics(mutated, STATS), "data/documents", STATS);
        if (!stats) return;
        expect(stats).toHaveLength(lines.length);
        expect(stats.filter((s) => !(Number.isInteger(s.line) && s.line >= 1 && (s.value === null || Number.isFinite(s.value)) && ["total", "female", "male"].includes(s.sex)))).toEqual([]);
      }),
      runs(100)
    );
  });

  test("error pages, empty, binary and Latin-1: refused; a header alone is empty", () => {
    for (const t of targets) {
      const text = read(t.file);
      for (const page of ERROR_PAGES) cleanError(() => t.parse(page), t.sourceId, t.file);
      expect(cleanError(() => t.parse(""), t.sourceId, t.file).message).toBe(`${t.sourceId}: ${t.file}: empty file`);
      expect(t.parse(records(text).header + "\n")).toEqual([]);
      // The transcriptions are UTF-8 with umlauts: the same text as Latin-1 bytes is refused by the decoder.
      expect(() => decodeText(latin1Bytes(text), "utf-8", t.sourceId, t.file)).toThrow(/not valid utf-8/);
      fc.assert(
        fc.property(anyText(300), (garbage) => {
          resultOrCleanError(() => t.parse(garbage), t.sourceId, t.file);
        }),
        runs(200)
      );
    }
  });

  // Found by the fuzzing (fixed in loaders/documents.ts and concepts.ts):
  // a statistic without its seed line was kept with line null (an uncited
  // number); a stated count "" became 0 (Number("") is 0); row errors were
  // plain Errors, not FormatErrors.
  test("regressions: uncited statistic, empty stated count", () => {
    const text = read(STATS);
    const {header, lines} = records(text);
    const fields = splitRecord(lines[0]);
    fields[header.split(",").indexOf("line")] = "";
    const uncited = [header, fields.map((f) => (/[",]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",")].join("\n");
    expect(cleanError(() => parseDocumentStatistics(uncited, STATS), "data/documents", STATS).message).toBe(
      `data/documents: ${STATS}:2: line "" is no line number of the document (the citation is required)`
    );
    const counts = read(COUNTS).split("\n");
    const empty = [counts[0], counts[1].replace(",6,88,", ",,88,")].join("\n"); // goettingen-stated-counts.csv:2 „000,handlungsfeld,6,88,…“
    expect(cleanError(() => parseStatedCounts(empty, COUNTS), "data/concepts", COUNTS).message).toBe(`data/concepts: ${COUNTS}:2: stated_count "" is no whole number`);
    expect(multiset(parseStatedCounts([counts[0], counts[1]].join("\n"), COUNTS).map((c) => String(c.stated_count)))).toEqual(new Map([["6", 1]]));
  });
});

function splitRecord(line: string): string[] {
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
