// issue 17: each profile shows its Kreis's rank among all Kreise of Germany, on the series that exist for all Kreise.
import {describe, expect, test} from "vitest";
import {buildGermanyFacts} from "../../loaders/model/germany.ts";
import {kreisRankSection, kreisRanks} from "../../loaders/site/kreise-page.ts";

describe("ranks among all Kreise", async () => {
  const {facts} = await buildGermanyFacts();
  const ranked = kreisRanks(facts);

  test("Wolfsburg's rank on AsylbLG recipients 2021 is its place among the INKAR values of all Kreise", () => {
    const q = facts.filter((f) => f.indicator === "inkar:q_asyl_bev" && f.year === 2021 && /^\d{5}$/.test(f.area_id) && f.area_level === "kreis" && f.value !== null);
    const wolfsburg = q.find((f) => f.area_id === "03103")!;
    const higher = q.filter((f) => (f.value as number) > (wolfsburg.value as number)).length;
    const row = ranked.get("03103")!.find((r) => r.label === "AsylbLG-Empfänger")!;
    expect(row).toMatchObject({year: 2021, value: wolfsburg.value, rank: higher + 1, of: q.length});
    expect(q.length).toBeGreaterThanOrEqual(399);
  });

  test("the profile section names every series with value, rank, source and date; a Kreis the sources lack gets none", () => {
    const html = kreisRankSection("15003", ranked)!;
    expect(html).toContain('data-area-id="15003"');
    for (const label of ["unter 18 2020", "65 und älter 2020", "Altenquotient 2020", "AsylbLG-Empfänger 2021", "Schutzsuchende 2018"]) expect(html).toContain(label);
    expect(html.match(/Rang \d+ von \d+/g)).toHaveLength(5);
    expect(html).toContain("Stichtag 31.12.2021");
    expect(kreisRankSection("99999", ranked)).toBeNull();
  });
});
