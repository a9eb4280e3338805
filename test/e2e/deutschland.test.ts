/**
 * Issue 17 in the browser: the Germany map of all Kreise, the pyramid of a
 * Kreis outside Niedersachsen and Sachsen-Anhalt with five overlays, and the
 * five concept places on one definition in /vergleich. Values are compared
 * with the built Arrow files and the facts the loaders build.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, test} from "vitest";
import {formatNumber, formatValue} from "../../components/format.ts";
import {dist, useSite} from "./site.ts";

function built(dir: string, name: string, ext: string): string {
  const file = readdirSync(join(dist, "_file", dir)).find((f) => f.startsWith(`${name}.`) && f.endsWith(`.${ext}`) && f.split(".").length === 3);
  if (!file) throw new Error(`dist/_file/${dir}/${name}.*.${ext} not built`);
  return join(dist, "_file", dir, file);
}
const rows = (name: string) =>
  tableFromIPC(readFileSync(built("data", name, "arrow"))).toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    return {...o, value: o.value === null ? null : Number(o.value), year: Number(o.year)} as {area_id: string; indicator: string; year: number; value: number | null; sex: string; age_group: string};
  });

const site = useSite();
const FIVE = ["15003", "03103", "03159", "03241", "03357"];

describe("Germany map", () => {
  test("draws all 401 Kreise with the Länder borders and the five places outlined; colours and tooltip match the data", async () => {
    const page = await site.open("/karten/deutschland?indikator=inkar:q_asyl_bev&jahr=2019&gebiet=15003", {height: 1400});
    try {
      const paths = page.locator('[data-chart="deutschland-kreise"] path[data-area-id]');
      expect(await paths.count()).toBe(401);
      const data = rows("de-kreis-karte").filter((r) => r.indicator === "inkar:q_asyl_bev" && r.year === 2019);
      const magdeburg = data.find((r) => r.area_id === "15003")!.value;
      expect(magdeburg).toBe(4.13); // INKAR sozialleistungen.parquet, Kreise 15003000, 2019
      expect(await page.locator('[data-chart="deutschland-kreise"] path[data-area-id="15003"]').getAttribute("data-value")).toBe("4.13");
      // Eisenach has no INKAR value (Gebietsstand 2021): drawn as no data, never 0.
      expect(await page.locator('[data-chart="deutschland-kreise"] path[data-area-id="16056"]').getAttribute("data-value")).toBe("");
      expect(await page.locator(".atlas-details").textContent()).toContain(formatValue(4.13, "per_1000"));
      // Länder borders: one path per Land in the borders layer.
      const svgText = await page.locator('[data-chart="deutschland-kreise"] svg').first().innerHTML();
      expect(svgText).toContain('stroke="#c2410c"');
      // Ranking table: 400 Kreise with a value.
      expect(await page.locator(".atlas-details").textContent()).toMatch(/Rang \d+ von 400 Kreisen/);
    } finally {
      await page.close();
    }
  });

  test("age shares: a year change redraws from the data (Anteil 65+, 2015)", async () => {
    const page = await site.open("/karten/deutschland?indikator=destatis:anteil_65_plus&jahr=2015", {height: 1400});
    try {
      const data = rows("de-kreis-karte").filter((r) => r.indicator === "destatis:anteil_65_plus" && r.year === 2015);
      expect(data.filter((r) => r.area_id.length === 5).length).toBe(402);
      const goe = data.find((r) => r.area_id === "03152")!;
      // 03152 exists only in 2015 and is not on the 2021 map: the map draws 401 areas, Osterode and old Göttingen without data.
      expect(goe.value).not.toBeNull();
      expect(await page.locator('[data-chart="deutschland-kreise"] path[data-area-id="03159"]').getAttribute("data-value")).toBe("");
      const v = data.find((r) => r.area_id === "09162")!.value!;
      expect(Number(await page.locator('[data-chart="deutschland-kreise"] path[data-area-id="09162"]').getAttribute("data-value"))).toBeCloseTo(v, 10);
    } finally {
      await page.close();
    }
  });

  test("a year change recolours the drawn map in place: every area's value, the tooltip and the no-data hatching are the new year's", async () => {
    const page = await site.open("/karten/deutschland?indikator=destatis:anteil_65_plus&jahr=2020", {height: 1400});
    try {
      const map = page.locator('[data-chart="deutschland-kreise"]');
      await map.locator("svg").first().evaluate((svg) => ((svg as SVGSVGElement).dataset.drawnBefore = "yes"));
      await map.evaluate((figure) => ((figure as HTMLElement).dataset.drawnBefore = "yes"));
      await page.getByLabel("Jahr (31.12.)").selectOption({label: "2015"});
      await page.waitForFunction(() => document.querySelector('[data-chart="deutschland-kreise"] h3')?.textContent?.includes("31.12.2015"));
      // The same drawing in the same figure, recoloured and updated in place (components/choropleth.ts reuse, figure() into).
      expect(await map.locator("svg[data-drawn-before]").count()).toBe(1);
      expect(await page.locator('figure[data-chart="deutschland-kreise"][data-drawn-before]').count()).toBe(1);
      // The ranking below follows a frame later, for the same year.
      await page.waitForFunction(() => !document.querySelector("[aria-busy]") && document.querySelector(".atlas-ranking caption")?.textContent?.includes("31.12.2015"));
      const data = new Map(rows("de-kreis-karte").filter((r) => r.indicator === "destatis:anteil_65_plus" && r.year === 2015).map((r) => [r.area_id, r.value]));
      const drawn = await map.locator("path[data-area-id]").evaluateAll((ps) => ps.map((p) => [(p as SVGPathElement).dataset.areaId!, (p as SVGPathElement).dataset.value!, (p as SVGPathElement).dataset.label!] as const));
      expect(drawn.length).toBe(401);
      for (const [id, value, label] of drawn) {
        const expected = data.get(id) ?? null;
        if (expected === null) expect(value, id).toBe("");
        else expect(Number(value), id).toBeCloseTo(expected, 10);
        expect(label, id).toContain(expected === null ? "keine Daten" : "31.12.2015");
      }
      // 03159 (Göttingen since 2016) has no 2015 value: hatched, once.
      const hatched = await map.locator("g.atlas-hatch-layer > path").count();
      expect(hatched).toBe(drawn.filter(([, value]) => value === "").length);
      expect(hatched).toBeGreaterThan(0);
      // Plot's tip reads the new texts.
      await map.locator('path[data-area-id="09162"]').hover({force: true});
      const tip = map.locator('g[aria-label="tip"]');
      await tip.waitFor({state: "attached"});
      await page.waitForFunction(() => document.querySelector('[data-chart="deutschland-kreise"] g[aria-label="tip"]')?.textContent?.includes("31.12.2015"));
      // Plot's tip marks where it may break a line with zero-width spaces.
      const squeeze = (t: string) => t.replace(/[\s\u200b]/g, "");
      expect(squeeze((await tip.textContent()) ?? "")).toContain(squeeze(formatValue(data.get("09162")!, "percent")));
    } finally {
      await page.close();
    }
  });
});

describe("Kreis pyramid", () => {
  test("München (09162): both sexes in all 17 groups, then five overlays in relative mode", async () => {
    const page = await site.open("/altersstruktur/kreise?gebiet=09162&jahr=2019", {height: 1400});
    try {
      const chart = page.locator('[data-chart="kreis-pyramide"]');
      const from = [0, 3, 6, 10, 15, 18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 75];
      const data = rows("de-pyramiden").filter((r) => r.indicator === "destatis:bevoelkerung" && r.area_id === "09162" && r.year === 2019);
      expect(data.length).toBe(34);
      for (const sex of ["male", "female"]) {
        for (const age of from) {
          const rect = chart.locator(`rect[data-age="${age}"][data-sex="${sex}"]`);
          expect(await rect.count(), `${sex} ${age}`).toBe(1);
          const group = data.find((r) => r.sex === sex && Number.parseInt(r.age_group, 10) === age)!;
          const width = (age === 75 ? 90 : from[from.indexOf(age) + 1]) - age;
          expect(Number(await rect.getAttribute("data-value"))).toBeCloseTo(group.value! / width, 6);
        }
      }
      await page.getByRole("button", {name: "Alle fünf Konzeptorte überlagern"}).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-chart="kreis-pyramide"] svg text').length > 0 && [...document.querySelectorAll('[data-chart="kreis-pyramide"] text')].filter((t) => t.textContent?.startsWith("Linie:")).length === 5, null, {timeout: 30_000});
      const labels = await chart.locator("text").allTextContents();
      expect(labels.filter((t) => t.startsWith("Linie:"))).toHaveLength(5);
      expect(page.url()).toContain("modus=relativ");
      const chosen = new URL(page.url()).searchParams.get("vergleich")!.split(",");
      expect([...chosen].sort()).toEqual([...FIVE].sort());
    } finally {
      await page.close();
    }
  });
});

describe("/vergleich on one definition", () => {
  test("Magdeburg and the four Niedersachsen places on INKAR q_asyl_bev, no definition warning between them", async () => {
    const page = await site.open("/vergleich?indikator=inkar:q_asyl_bev&orte=15003000,03103,03159,03241,03357", {height: 1200});
    try {
      const titles = await page.locator('[data-chart="vergleich-linien"] circle title').allTextContents();
      expect(titles).toContain(`Landeshauptstadt Magdeburg 2019: ${formatValue(4.13, "per_1000")}`);
      // The five places, and the Land line the page always draws for reference.
      const in2019 = titles.filter((t) => / 2019: /.test(t));
      expect(in2019.filter((t) => !t.startsWith("Niedersachsen "))).toHaveLength(5);
      const rules = await page.locator(".atlas-comparability li[data-rule]").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-rule")));
      expect(rules).toContain("kreise-deutschland-eine-definition");
      for (const definitionRule of ["auslaender-magdeburg-melderegister", "goettingen-wohnberechtigt", "migrationshintergrund-register-mikrozensus", "destatis-stichtag", "je-1000-berechnet"]) expect(rules).not.toContain(definitionRule);
    } finally {
      await page.close();
    }
  });
});

describe("/kreise", () => {
  test("an index of every Kreis, with its page, population and rank among all Kreise", async () => {
    const page = await site.open("/kreise");
    try {
      expect(await page.locator("tr.atlas-kreis").count()).toBe(401);
      expect(await page.locator('tr.atlas-kreis th a[href^="./kreise/"]').count()).toBe(401);
      const q = rows("de-kreis-karte").filter((r) => r.indicator === "inkar:q_asyl_bev" && r.year === 2021 && r.area_id.length === 5 && r.value !== null).sort((a, b) => b.value! - a.value!);
      const rank = q.findIndex((r) => r.area_id === "15003") + 1;
      const cells = await page.locator("#k15003 td").allTextContents();
      expect(cells.slice(1)).toEqual([formatNumber(q[rank - 1].value, {digits: 1}), `${rank}/400`]);
    } finally {
      await page.close();
    }
  });
});

describe("/kreise/<AGS>: a page for every Kreis", () => {
  test("München: key figures equal the map's data, three charts of Kreis, Bayern and Germany, reachable from /kreise", async () => {
    const index = await site.open("/kreise");
    try {
      expect(await index.locator('#k09162 th a[href="./kreise/09162"]').count()).toBe(1);
    } finally {
      await index.close();
    }
    const page = await site.open("/kreise/09162");
    try {
      expect(await page.locator("h1").textContent()).toBe("München (kreisfreie Stadt)");
      const q = rows("de-kreis-karte").find((r) => r.indicator === "inkar:q_asyl_bev" && r.year === 2021 && r.area_id === "09162")!;
      expect(Number(await page.locator('tr[data-figure="inkar:q_asyl_bev"] td[data-value]').getAttribute("data-value"))).toBeCloseTo(q.value!, 9);
      await page.locator("figure[data-chart] svg").nth(2).waitFor();
      expect(await page.locator("figure[data-chart]").count()).toBe(3);
      const legend = await page.locator("figure[data-chart]").first().textContent();
      for (const name of ["München (kreisfreie Stadt)", "Bayern", "Deutschland"]) expect(legend).toContain(name);
    } finally {
      await page.close();
    }
  });
});

