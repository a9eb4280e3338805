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

describe("a page for every Kreis (/kreise/<AGS>)", async () => {
  const {facts} = await buildGermanyFacts();
  const {readComparability} = await import("../../loaders/model/comparability.ts");
  const {kreisDisplayName, kreisPages} = await import("../../loaders/site/kreis-page.ts");
  const pages = kreisPages({facts, ranked: kreisRanks(facts), rules: readComparability(), catalogue: [], profiles: new Map([["03159", "landkreis-goettingen"]])});
  const population = (id: string, year: number) => facts.find((f) => f.indicator === "destatis:bevoelkerung" && f.area_id === id && f.year === year && f.sex === "total" && f.age_group === "total")!.value;

  test("one page for each of the 401 Kreise of 12411-0018's latest year, and none for a Land or Germany", () => {
    expect(Object.keys(pages)).toHaveLength(401);
    expect(pages["/kreise/09162"]).toBeDefined();
    expect(pages["/kreise/09"]).toBeUndefined();
    expect(pages["/kreise/DE"]).toBeUndefined();
    // Göttingen and Osterode (2015 only) have no page of their own; the merged Kreis has.
    expect(pages["/kreise/03152"]).toBeUndefined();
    expect(pages["/kreise/03159"]).toBeDefined();
  });

  test("München: name as readers write it, population of the file, Land and Germany beside it, rank among all Kreise", () => {
    const page = pages["/kreise/09162"];
    expect(kreisDisplayName("Harz, Landkreis")).toBe("Landkreis Harz");
    expect(page).toContain("# München (kreisfreie Stadt)");
    expect(page).toContain(`data-value="${population("09162", 2020)}"`);
    expect(page).toContain(`<td class="num" data-label="Bayern">${new Intl.NumberFormat("de-DE").format(population("09", 2020) as number)}</td>`);
    expect(page).toMatch(/<tr data-figure="inkar:q_asyl_bev">.*Rang \d+ von 400/);
    expect(page).toContain('href="../karten/deutschland?gebiet=09162"');
  });

  test("its charts are profile charts of the Kreis, its Land and Germany, with the source's values and no 0 for a gap", () => {
    const page = pages["/kreise/09162"];
    const charts = JSON.parse(JSON.parse(/const charts = JSON\.parse\((".*")\);/.exec(page)![1])) as {id: string; rows: {series: string; year: number; value: number | null}[]; highlight: string[]; reference: string}[];
    expect(charts.map((c) => c.id)).toEqual(["kreis-09162-asylbewerberleistungen", "kreis-09162-unter-18", "kreis-09162-65-plus"]);
    const inkar = facts.find((f) => f.indicator === "inkar:q_asyl_bev" && f.area_id === "09162" && f.year === 2015)!;
    expect(charts[0].rows.find((r) => r.series === "München (kreisfreie Stadt)" && r.year === 2015)!.value).toBe(inkar.value);
    expect([...new Set(charts[0].rows.map((r) => r.series))]).toEqual(["München (kreisfreie Stadt)", "Bayern", "Deutschland"]);
    expect(charts[0].reference).toBe("Deutschland");
  });

  test("a Kreis with a full profile points there; the merged Landkreis Göttingen's population change starts in 2016", () => {
    const page = pages["/kreise/03159"];
    expect(page).toContain('href="../orte/landkreis-goettingen"');
    // The site search finds the full profile, not this page as well.
    expect(page).toContain("index: false");
    expect(pages["/kreise/09162"]).toContain("index: true");
    expect(page).toContain("seit 2016");
    expect(pages["/kreise/09162"]).not.toContain("ausführliches Profil");
  });
});
