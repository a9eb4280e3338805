/**
 * Profiles, the catalogue page and the comparison extract, built from the
 * pinned sources (readableFacts(): every fact table, once for this file).
 * Numbers were looked up in the raw files:
 *   IM       = christoph-LSN/IM_Data/bb9749e…/data/indicator_<id>.csv, row = CSV line
 *   KISS     = SmartCityMagdeburg2026/Datasources/477945…/data/kiss-md/json/bevoelkerung/
 *   DESTATIS = nicoFhahn/masterthesis/b7a0bd…/germany_data/
 *   SEED     = ../shared/seeds/000_cf2b7c23d95d113b.txt (Göttingen concept)
 */
import {existsSync} from "node:fs";
import {beforeAll, describe, expect, test} from "vitest";
import {catalogue, type CatalogueEntry} from "../../loaders/model/catalogue.ts";
import {catalogueMarkdown, placesIndexMarkdown} from "../../loaders/site/catalogue-page.ts";
import {readComparability} from "../../loaders/model/comparability.ts";
import {comparisonRows, type ComparisonRow} from "../../loaders/model/comparison.ts";
import type {Fact} from "../../loaders/model/model.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {places} from "../../loaders/model/places.ts";
import {profileMarkdown} from "../../loaders/site/profile-page.ts";
import {profiles, trend, type Profile} from "../../loaders/model/profiles.ts";
import {readableFacts} from "../../loaders/site/site-bundle.ts";

const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;

describe.runIf(mirrorPresent)("profiles, catalogue and comparison (real data)", () => {
  let facts: Fact[];
  let entries: CatalogueEntry[];
  let all: Profile[];
  let rows: ComparisonRow[];
  beforeAll(async () => {
    const built = await readableFacts();
    facts = built.facts;
    entries = catalogue(facts, built.indicators);
    all = profiles(facts);
    rows = comparisonRows(facts);
  }, 120_000);

  const figure = (slug: string, key: string) => {
    const p = all.find((x) => x.place.slug === slug)!;
    return p.figures.find((f) => f.key === key)!;
  };

  test("the catalogue page lists exactly the indicators of the catalogue, each once", () => {
    const page = catalogueMarkdown(entries);
    const listed = [...page.matchAll(/data-indicator="([^"]+)"/g)].map((m) => m[1]);
    expect(listed.length).toBe(entries.length);
    expect([...listed].sort()).toEqual(entries.map((e) => e.id).sort());
    // … and the catalogue holds every indicator any fact table produces.
    expect(entries.map((e) => e.id).sort()).toEqual([...new Set(facts.map((f) => f.indicator))].sort());
  });

  test("is_rate follows RATE_UNITS: a rate is mappable, a count is not", () => {
    const by = new Map(entries.map((e) => [e.id, e]));
    expect(by.get("im:1-2-2")!.is_rate).toBe(true);
    expect(by.get("im:1-2-1")!.is_rate).toBe(false);
    expect(by.get("im:1-2-7")!.rate_units).toEqual(["years"]);
    expect(by.get("im:6-2-1")!.rate_units).toEqual(["rate"]); // count and rate rows: the rate rows may be mapped
  });

  test("every Kreis the Integrationsmonitoring reports today, and Hannover's two parts, has a profile", () => {
    const imAreas = new Set(facts.filter((f) => f.source_id === "im-niedersachsen" && (f.area_level === "kreis" || f.area_level === "kreisteil") && f.year === 2024).map((f) => f.area_id));
    const profiled = new Set(places().map((p) => p.area_id));
    expect([...imAreas].filter((a) => !profiled.has(a))).toEqual([]);
    expect(imAreas.size).toBe(47); // 45 Kreise (Region Hannover included) + Landeshauptstadt + Umland
    expect(all).toHaveLength(50);
  });

  test("Wolfsburg: key figures are the source's numbers (IM 2024)", () => {
    expect(trend(figure("wolfsburg", "auslaenderanteil").series).latest).toMatchObject({year: 2024, value: 20.0254708243285}); // IM 1-2-2 row 992
    expect(figure("wolfsburg", "auslaenderanteil").land.at(-1)).toMatchObject({year: 2024, value: 13.6562121579529}); // IM 1-2-2 row 1041
    expect(trend(figure("wolfsburg", "einbuergerungen").series).latest?.value).toBe(558); // IM 2-3-1 row 992
    expect(trend(figure("wolfsburg", "einbuergerungsquote").series).latest?.value).toBe(2.15070341106186); // IM 2-3-3 row 992
    expect(trend(figure("wolfsburg", "duldung").series).latest?.value).toBe(525); // IM 2-1-5 row 2260
    expect(trend(figure("wolfsburg", "gestattung").series).latest?.value).toBe(980); // IM 2-1-5 row 4509
    // Per 1,000 inhabitants: 525 / 129,524 (IM 1-1-1 row 992) × 1,000.
    expect(figure("wolfsburg", "duldung").per1000.at(-1)?.value).toBeCloseTo((525 / 129524) * 1000, 10);
  });

  test("Landkreis Uelzen: the Mikrozensus value of its group, said so", () => {
    const mh = figure("landkreis-uelzen", "migrationshintergrund");
    expect(trend(mh.series).latest).toMatchObject({year: 2024, value: 19.2048012003001}); // IM 1-3-1 row 2734 (03354+03360)
    expect(mh.area_note).toContain("Landkreis Lüchow-Dannenberg");
  });

  test("Stadt Göttingen: figures from its concept, the naturalisation rate computed and flagged", () => {
    const rate = figure("stadt-goettingen", "einbuergerungsquote");
    // SEED Abb. 10 (line 331): 269 naturalisations 2022; Abb. 5 (line 267): 23,211 foreigners.
    expect(rate.series.find((p) => p.year === 2022)).toMatchObject({value: (269 / 23211) * 100, flag: "derived"});
    expect(figure("stadt-goettingen", "duldung").unavailable).toContain("Landkreis Göttingen");
  });

  test("Magdeburg: KISS-MD and Destatis figures; what no source has is said in words", () => {
    expect(trend(figure("magdeburg", "auslaenderanteil").series).latest).toMatchObject({year: 2025, value: 16.02870229504462}); // KISS K3_T36 row 197
    expect(trend(figure("magdeburg", "schutzsuchende").series).latest).toMatchObject({year: 2018, value: 8020}); // DESTATIS schutzsuchende_2018.csv:477
    for (const key of ["einbuergerungen", "duldung", "gestattung", "migrationshintergrund"]) expect(figure("magdeburg", key).unavailable, key).not.toBe("");
  });

  test("every profile has a value or a reason for every key figure, and its page names the place", () => {
    const rules = readComparability();
    for (const p of all) {
      for (const f of p.figures) expect(f.series.some((x) => x.value !== null) || f.unavailable !== "", `${p.place.slug} ${f.key}`).toBe(true);
      const md = profileMarkdown(p, {rules, missing: []});
      expect(md).toContain(`# ${p.place.name}`);
      expect(md).toContain("index: true");
    }
    const index = placesIndexMarkdown(all);
    for (const p of places()) expect(index).toContain(`href="/orte/${p.slug}"`);
  });

  test("comparison extract: linked series keep their origin; Destatis Magdeburg is the place 15003000", () => {
    const md = rows.find((r) => r.indicator === "im:1-2-2" && r.area_id === "15003000" && r.year === 2025)!;
    expect(md).toMatchObject({origin: "md:auslaenderanteil", value: 16.02870229504462, source_id: "kiss-md"});
    const goe = rows.find((r) => r.indicator === "im:2-3-3" && r.area_id === "03159016" && r.year === 2022)!;
    expect(goe.origin).toBe("goettingen:naturalisations/foreigners_persons");
    expect(goe.value).toBeCloseTo((269 / 23211) * 100, 12);
    expect(rows.find((r) => r.indicator === "destatis:schutzsuchende" && r.area_id === "15003000")?.value).toBe(8020);
    expect(rows.find((r) => r.indicator === "im:1-2-2" && r.area_id === "03159")?.area_name).toBe("Landkreis Göttingen");
  });

  test("the numbers a comparability rule quotes are the data's", () => {
    // Rule einbuergerungen-goettingen-zwei-reihen: SDG 10-1 has 271 and 492 where the concept has 269 and 497.
    const v = (indicator: string, year: number) => facts.find((f) => f.indicator === indicator && f.area_id === "03159016" && f.year === year && f.sex === "total" && f.category === "total")?.value;
    expect([v("goesis:10-1", 2022), v("goesis:10-1", 2023)]).toEqual([271, 492]);
    expect([v("goettingen:naturalisations", 2022), v("goettingen:naturalisations", 2023)]).toEqual([269, 497]);
    expect(readComparability().find((r) => r.id === "einbuergerungen-goettingen-zwei-reihen")?.text).toContain("(271 und 492 statt 269 und 497)");
  });
});
