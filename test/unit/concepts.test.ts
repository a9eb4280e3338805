/**
 * The five concept catalogues: every element cites seed lines that hold its
 * wording, the tree is well formed, and the counts the documents state about
 * themselves match the transcription (or are recorded as a finding).
 */
import {existsSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {countElements, readConcept, readStatedCounts} from "../../loaders/parse/concepts.ts";
import {DOCUMENTS, normaliseSeedText, seedLines, seedPath} from "../../loaders/parse/documents.ts";

const seedsPresent = DOCUMENTS.every((doc) => existsSync(seedPath(doc)));
const cases = DOCUMENTS.map((d) => [d.slug, d] as const);

describe.runIf(seedsPresent)("concept elements cite their lines", () => {
  test.each(cases)("%s", (_slug, doc) => {
    const lines = seedLines(doc);
    const wrong: string[] = [];
    for (const e of readConcept(doc)) {
      const from = Number(e.line_start);
      const to = Number(e.line_end);
      if (!(from >= 1 && to >= from && to <= lines.length)) {
        wrong.push(`${e.id}: bad line range ${e.line_start}-${e.line_end}`);
        continue;
      }
      const cited = normaliseSeedText(lines.slice(from - 1, to).join(" "));
      for (const field of ["title", "text"] as const) {
        if (e[field] && !cited.includes(normaliseSeedText(e[field]))) wrong.push(`${e.id}: ${field} not in lines ${from}-${to}: "${e[field].slice(0, 80)}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("concept trees are well formed", () => {
  test.each(cases)("%s", (_slug, doc) => {
    const elements = readConcept(doc);
    expect(elements.length).toBeGreaterThan(0);
    const ids = new Set(elements.map((e) => e.id));
    expect(ids.size).toBe(elements.length);
    expect(elements.filter((e) => e.parent_id && !ids.has(e.parent_id)).map((e) => e.id)).toEqual([]);
    expect(elements.every((e) => e.doc_id === doc.doc_id)).toBe(true);
  });
});

describe("counts the documents state about themselves", () => {
  test.each(cases)("%s", (_slug, doc) => {
    const elements = readConcept(doc);
    for (const stated of readStatedCounts(doc)) {
      const counted = countElements(elements, stated.level, stated.scope);
      if (stated.comparable) expect(`${stated.level} (line ${stated.line}): ${counted}`).toBe(`${stated.level} (line ${stated.line}): ${stated.stated_count}`);
      else expect(stated.note, `line ${stated.line} is marked not comparable and must say why`).not.toBe("");
    }
  });

  test("the documented contradictions are real", () => {
    // Region Hannover says 123 Ziele und Maßnahmen; its Anhang lists 37 Ziele and 144 Maßnahmen.
    const hannover = readConcept(DOCUMENTS[2]).filter((e) => /^hf\d\.z\d+(\.m\d+)?$/.test(e.id));
    expect(hannover.filter((e) => e.level === "ziel").length).toBe(37);
    expect(hannover.filter((e) => e.level === "massnahme").length).toBe(144);
    // Magdeburg says HF 5 had no cards, and lists 18.
    expect(countElements(readConcept(DOCUMENTS[4]), "moderationskarte", "hf5")).toBe(18);
  });

  test("the self-stated headline numbers", () => {
    const goettingen = readConcept(DOCUMENTS[0]);
    expect(countElements(goettingen, "massnahme")).toBe(124);
    expect(countElements(goettingen, "kernthema")).toBe(24);
    expect(countElements(readConcept(DOCUMENTS[1]), "integrationsziel")).toBe(14);
    expect(countElements(readConcept(DOCUMENTS[3]), "handlungsfeld")).toBe(4);
  });
});
