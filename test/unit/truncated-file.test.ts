/**
 * A file cut short at a line boundary parses without an error: it has lost
 * its last rows. The coverage check reports what the last year lacks against
 * the year before (issue 14); the untouched file gives no such finding.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {checkLastYearCoverage} from "../../loaders/model/quality.ts";
import {imUnitDefaults, parseImCsv} from "../../loaders/parse/im.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {mirrorPath, source} from "../../loaders/source/sources.ts";

const real = readFileSync(join(mirrorDir()!, mirrorPath(source("im-niedersachsen"), "data/indicator_1-2-1.csv")), "utf8");
const unit = imUnitDefaults()["1-2-1"];

test("IM 1-2-1 whole: every area of 2023 is there in 2024, no finding", () => {
  expect(checkLastYearCoverage(parseImCsv(real, "1-2-1", unit).facts)).toEqual([]);
});

test("IM 1-2-1 cut after 30 lines of 2024: parses, and the finding names the 2024 areas lost (the Land among them)", () => {
  const lines = real.replace(/\r?\n$/, "").split(/\r?\n/);
  const first2024 = lines.findIndex((l) => l.startsWith("2024,"));
  const cut = `${lines.slice(0, first2024 + 30).join("\n")}\n`;
  const {facts} = parseImCsv(cut, "1-2-1", unit);
  const lost = lines.length - (first2024 + 30);
  expect(lost).toBeGreaterThan(10);
  const findings = checkLastYearCoverage(facts);
  expect(findings.length).toBe(1);
  expect(findings[0]).toMatchObject({check: "coverage", severity: "warning", source_id: "im-niedersachsen", indicator: "im:1-2-1", year: 2024});
  expect(findings[0].message).toMatch(new RegExp(`^2024: ${lost} von ${lost + 30} Gebieten fehlen, die 2023 enthalten sind \\(.*\\): abgeschnittene Datei oder Lücke der Quelle \\(Einheit count\\)$`));
  // The file's last rows are the regions and the Land: a truncated file loses its totals first.
  expect(facts.some((f) => f.year === 2024 && f.area_id === "03")).toBe(false);
});

test("a Kreis that ends before the last year (a reform) is not a finding", () => {
  const {facts} = parseImCsv(real, "1-2-1", unit);
  // Drop one Kreis from 2023 and 2024: it ended in 2022.
  const reformed = facts.filter((f) => !(f.area_id === "03101" && (f.year === 2023 || f.year === 2024)));
  expect(checkLastYearCoverage(reformed)).toEqual([]);
});
