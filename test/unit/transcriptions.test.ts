/**
 * The verification rule of data/README.md: every transcribed number and
 * every concept element must stand, verbatim after normalisation, on the
 * lines of the seed document it cites.
 */
import {existsSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {DOCUMENTS, normaliseSeedText, readDocumentStatistics, seedLines, seedPath} from "../../loaders/parse/documents.ts";

const seedsPresent = DOCUMENTS.every((doc) => existsSync(seedPath(doc)));

describe.runIf(seedsPresent)("document statistics cite their lines", () => {
  test.each(DOCUMENTS.map((d) => [d.slug, d] as const))("%s", (_slug, doc) => {
    const lines = seedLines(doc);
    const wrong = readDocumentStatistics(doc)
      .filter((s) => !normaliseSeedText(lines[s.line - 1] ?? "").includes(normaliseSeedText(s.value_printed)))
      .map((s) => `line ${s.line}: "${s.value_printed}" not in "${normaliseSeedText(lines[s.line - 1] ?? "").slice(0, 120)}"`);
    expect(wrong).toEqual([]);
  });
});

test("the normalisation drops footnote markers and markup", () => {
  expect(normaliseSeedText("<b>Bundesweit<sup>11</sup></b>\t25,5 %")).toBe("Bundesweit 25,5 %");
  expect(normaliseSeedText("Ausländer\\*innen **fett**  und ¹")).toBe("Ausländer*innen fett und");
});
