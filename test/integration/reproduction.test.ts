/**
 * The reproduction against the second sources the atlas really builds from
 * the pinned files (data/documents/reproduction-matches.csv):
 *   SDG = OpenSDGde/goettingen-data data/indicator_10-1.csv (Göttingen naturalisations)
 *   IM  = christoph-LSN/IM_Data data/indicator_1-2-3.csv, 1-2-6.csv, 1-3-1.csv (Rotenburg 03357, Niedersachsen 03)
 */
import {existsSync} from "node:fs";
import {beforeAll, describe, expect, test} from "vitest";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {buildReproduction, isMismatch, type Check, type DocumentReproduction, type Reproduction} from "../../loaders/model/reproduction.ts";

const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

describe.runIf(mirrorPresent)("reproduction with the second sources (real data)", () => {
  let result: Reproduction;
  const docOf = (slug: string): DocumentReproduction => result.documents.find((d) => d.slug === slug)!;
  const second = (slug: string, where: (c: Check) => boolean) => docOf(slug).checks.filter((c) => c.kind === "second_source" && where(c));

  beforeAll(async () => {
    result = await buildReproduction();
  }, 120_000);

  test("Göttingen Abb. 10 against SDG 10-1: 2018–2021 equal, 2022 printed 269, SDG 271", () => {
    const sdg = second("goettingen", (c) => c.table_id === "abb10" && c.second_source!.source_id === "goettingen-sdg");
    expect(sdg.map((c) => [c.printed, c.reference, c.status])).toEqual([
      [219, 219, "ok"],
      [229, 229, "ok"],
      [192, 192, "ok"],
      [232, 232, "ok"],
      [269, 271, "abweichung"]
    ]);
    expect(sdg[4]).toMatchObject({difference: -2, relative: -0.738});
    expect(sdg[4].second_source!.facts[0].ref).toBe("data/indicator_10-1.csv:10");
  });

  test("Göttingen text 2023: „insgesamt 497 Einbürgerungen“, SDG 492", () => {
    expect(second("goettingen", (c) => c.line === 326)).toMatchObject([{printed: 497, reference: 492, difference: 5, status: "abweichung"}]);
  });

  test("Göttingen Abb. 3, Niedersachsen: the five printed shares are the IM's (22,06 → 22,1 …)", () => {
    const im = second("goettingen", (c) => c.line === 238);
    expect(im.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(im[0].reference).toBe(22.06);
  });

  test("Landkreis values for the Stadt are context only: no difference, never a mismatch", () => {
    const context = second("goettingen", (c) => c.second_source!.comparability === "kontext");
    expect(context.length).toBe(12);
    expect(context.every((c) => c.status === "kontext" && c.difference === null)).toBe(true);
    expect(context.find((c) => c.table_id === "abb10" && c.printed === 269)!.reference).toBe(442); // IM 2-3-1, LK Göttingen 2022
  });

  test("Rotenburg: „seit mehr als 10 Jahren“ 4.430, the IM's class „10 und mehr“ 4.630", () => {
    expect(second("rotenburg", (c) => c.printed === 4430)).toMatchObject([{reference: 4630, difference: -200, status: "abweichung"}]);
  });

  test("Rotenburg: 9.260 aged 15 to 65, the IM's 625 + 4.720 + 4.275 = 9.620", () => {
    const [c] = second("rotenburg", (c) => c.printed === 9260);
    expect(c).toMatchObject({reference: 9620, difference: -360, status: "abweichung"});
    expect(c.second_source!.facts.map((f) => f.value)).toEqual([625, 4720, 4275]);
  });

  test("Rotenburg: men and women are the sums of the IM's six duration classes", () => {
    expect(second("rotenburg", (c) => c.printed === 6885 || c.printed === 5710).map((c) => [c.reference, c.status])).toEqual([
      [6885, "ok"],
      [5710, "ok"]
    ]);
  });

  test("Region Hannover: „mehr als 300.000“ against 289.584 (Mikrozensus 2015, engerer Sinn): a difference, only partly comparable", () => {
    expect(second("region-hannover", (c) => c.line === 40)).toMatchObject([{difference: 10415.54, status: "eingeschraenkt"}]);
  });

  test("every match finds its facts; the flagged mismatches per document", () => {
    expect(result.unavailable).toEqual([]);
    expect(result.documents.flatMap((d) => d.checks.filter((c) => c.status === "fehlt"))).toEqual([]);
    const flagged = Object.fromEntries(result.documents.map((d) => [d.slug, d.checks.filter((c) => isMismatch(c.status)).length]));
    expect(flagged).toEqual({goettingen: 8, wolfsburg: 0, "region-hannover": 5, rotenburg: 8, magdeburg: 0});
    expect(docOf("rotenburg").summary).toMatchObject({abweichung: 4, rundung: 1, eingeschraenkt: 3});
  });
});
