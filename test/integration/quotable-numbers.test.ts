/**
 * Issue 18 A: numbers a planner can quote. Series breaks are data (Zensus
 * 2022 marked on changes and drawn on charts), impossible shares are never
 * drawn, variants whose parts do not add up are not ranked, titles are clean
 * German, every IM fact carries its reference date. Real values from the
 * pinned files:
 *   IM   = christoph-LSN/IM_Data/bb9749e…/data/indicator_<id>.csv
 *   KISS = SmartCityMagdeburg2026/Datasources/477945…/data/kiss-md/json/bevoelkerung/
 */
import {existsSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import * as vgl from "../../components/charts/vergleich.ts";
import {breaksOf, type ComparabilityRule} from "../../components/comparability.ts";
import {catalogue} from "../../loaders/model/catalogue.ts";
import {readComparability} from "../../loaders/model/comparability.ts";
import {comparisonRows, comparisonTable} from "../../loaders/model/comparison.ts";
import {toIPC, type Fact} from "../../loaders/model/model.ts";
import {profiles, type Profile} from "../../loaders/model/profiles.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {profileMarkdown} from "../../loaders/site/profile-page.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";

const {document} = new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>").window;
const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

describe.runIf(mirrorPresent)("numbers a planner can quote (real data)", () => {
  let facts: Fact[];
  let all: Profile[];
  let data: vgl.ComparisonData;
  let entries: vgl.IndicatorEntry[];
  let rules: ComparabilityRule[];
  const view = (params: Record<string, string>) => vgl.comparisonFor(data, vgl.comparisonParams((n) => params[n] ?? null), {catalogue: entries, rules})!;
  beforeAll(async () => {
    const built = await readableFacts();
    facts = built.facts;
    all = profiles(facts);
    data = vgl.arrowComparisonData(tableFromIPC(toIPC(comparisonTable(comparisonRows(facts)))));
    entries = JSON.parse(JSON.stringify(catalogue(facts, built.indicators)));
    rules = JSON.parse(JSON.stringify(readComparability()));
  }, 240_000);

  describe("the Zensus 2022 break", () => {
    test("Hannover city's population change 2019–2024 (−15.656, of which −19.392 from 2021 to 2022) is marked as crossing it on the profile", () => {
      const hannover = all.find((p) => p.place.area_id === "03241001")!;
      const pop = hannover.figures.find((f) => f.key === "bevoelkerung")!;
      // IM 1-1-1: 536.925 (2019), 535.932 (2021), 516.540 (2022), 521.269 (2024).
      expect([2019, 2021, 2022, 2024].map((y) => pop.series.find((p) => p.year === y)?.value)).toEqual([536925, 535932, 516540, 521269]);
      const page = profileMarkdown(hannover, {rules, missing: []});
      const row = /<tr data-figure="bevoelkerung">.*?<\/tr>/.exec(page)![0];
      expect(row).toContain("−15.656 seit 2019");
      expect(row).toMatch(/data-breaks="[^"]*zensus-2022/);
      expect(row).toContain("über den Reihenbruch „Zensus 2022“ (2021/2022) hinweg");
      // The definition names the new basis.
      expect(pop.definition).toContain("ab 2022 auf Basis des Zensus 2022");
      expect(pop.definition).not.toMatch(/ab 2011 auf Basis des Zensus 2011\)/);
    });

    test("a change that does not cross it is not marked (Magdeburg's register is not rebased)", () => {
      const magdeburg = all.find((p) => p.place.area_id === "15003000")!;
      const row = /<tr data-figure="bevoelkerung">.*?<\/tr>/.exec(profileMarkdown(magdeburg, {rules, missing: []}))![0];
      expect(row).not.toContain("Reihenbruch");
    });

    test("the comparison marks Hannover city's change 2019–2024 as crossing it, and draws the 2022 marker on the population chart", () => {
      const v = view({indikator: "im:1-1-1", orte: "03,03241001", bezug: "anzahl", jahr: "2024"});
      const h = v.difference.data.find((r) => r.Ort === "Landeshauptstadt Hannover")!;
      expect([h.Wert, h.Seit, h.Veränderung]).toEqual([521269, 2019, -15656]);
      expect(h.Reihenbruch).toBe("über den Reihenbruch „Zensus 2022“ (2021/2022) hinweg");
      expect(breaksOf(v.warnings)).toEqual([{year: 2011, label: "Zensus 2011"}, {year: 2022, label: "Zensus 2022"}]);
      const svg = vgl.linesFigure(v, {width: 800, document});
      expect([...svg.querySelectorAll("svg text")].map((t) => t.textContent)).toEqual(expect.arrayContaining(["Zensus 2022", "Zensus 2011"]));
      // Within the same basis (2022–2024) nothing is marked.
      const since2022 = view({indikator: "im:1-1-1", orte: "03,03241001", bezug: "anzahl", jahr: "2026"});
      expect(since2022.year).toBe(2024);
    });

    test("shares per inhabitant inherit the break through their denominator (IM 1-2-2, per 1,000)", () => {
      const share = view({indikator: "im:1-2-2", orte: "03,03241001", jahr: "2024"});
      expect(share.difference.data.find((r) => r.Ort === "Landeshauptstadt Hannover")?.Reihenbruch).toContain("Zensus 2022");
      const rate = view({indikator: "im:2-3-1", orte: "03,03103", bezug: "je1000", jahr: "2024"});
      expect(rate.warnings.map((r) => r.id)).toContain("zensus-2022-je-1000");
      expect(rate.difference.data[0].Reihenbruch).toContain("Zensus 2022");
      const count = view({indikator: "im:2-3-1", orte: "03,03103", bezug: "anzahl", jahr: "2024"});
      expect(count.difference.data[0].Reihenbruch).toBe("");
    });
  });
});
