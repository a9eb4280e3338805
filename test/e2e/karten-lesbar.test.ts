/**
 * Maps a reader can use without a mouse and read on their own (issue 15):
 * every area reachable with Tab and selected with Enter, a legend class
 * that highlights exactly its areas in map and ranking, names on the map,
 * and the Magdeburg Stadtteil profiles: built, found by the site search,
 * linked from the Magdeburg profile, with the small-base caveat.
 */
import {readFileSync, readdirSync, existsSync} from "node:fs";
import {join} from "node:path";
import MiniSearch from "minisearch";
import {describe, expect, test} from "vitest";
import {settle} from "./browser.ts";
import {dist, useSite} from "./site.ts";

const site = useSite();

describe("Magdeburg map: keyboard and legend", () => {
  test("every Stadtteil is reached with Tab, Enter selects it (URL, details, ranking row)", async () => {
    const page = await site.open("/karten/magdeburg?jahr=2025", {height: 1000});
    const paths = page.locator('[data-chart="magdeburg-stadtteile"] path[data-area-id]');
    expect(await paths.count()).toBe(40);
    await paths.first().focus();
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      seen.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.areaId ?? ""));
      if (i < 39) await page.keyboard.press("Tab");
    }
    expect(new Set(seen).size).toBe(40);
    expect(seen.every((id) => id.startsWith("15003000-st"))).toBe(true);
    // Enter on Altstadt: selected in the URL, the details card and the ranking.
    await page.locator('[data-chart="magdeburg-stadtteile"] path[data-area-id="15003000-st01"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("gebiet")).toBe("15003000-st01");
    await settle(page);
    expect(await page.locator('.atlas-details[data-area-id="15003000-st01"] h3').textContent()).toBe("Altstadt");
    expect(await page.locator('.atlas-ranking tr.atlas-selected').getAttribute("data-area-id")).toBe("15003000-st01");
    // The redrawn map keeps the keyboard focus on the chosen area.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.areaId ?? "")).toBe("15003000-st01");
    await page.close();
  });

  test("a legend class highlights exactly its areas in map and ranking; a second click clears both", async () => {
    const page = await site.open("/karten/magdeburg?jahr=2025", {height: 1000});
    const button = page.locator('[data-chart="magdeburg-stadtteile"] .atlas-legend-class[data-class-index="2"]');
    await button.click();
    await settle(page);
    const inClass = await page.locator('[data-chart="magdeburg-stadtteile"] path[data-class="2"]').evaluateAll((ps) => ps.map((p) => (p as HTMLElement).dataset.areaId).sort());
    const hitMap = await page.locator('[data-chart="magdeburg-stadtteile"] path.atlas-class-hit').evaluateAll((ps) => ps.map((p) => (p as HTMLElement).dataset.areaId).sort());
    const hitTable = await page.locator(".atlas-ranking tr[data-class-hit]").evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.areaId).sort());
    expect(inClass.length).toBeGreaterThan(0);
    expect(hitMap).toEqual(inClass);
    expect(hitTable).toEqual(inClass);
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await button.click();
    await settle(page);
    expect(await page.locator('[data-chart="magdeburg-stadtteile"] path.atlas-class-hit').count()).toBe(0);
    expect(await page.locator(".atlas-ranking tr[data-class-hit]").count()).toBe(0);
    await page.close();
  });

  test("names on the map by default, off with the switch (namen=0 in the URL); small bases marked in legend and ranking", async () => {
    const page = await site.open("/karten/magdeburg?jahr=2025", {height: 1000});
    expect(await page.locator('[data-chart="magdeburg-stadtteile"] text[data-label-kind]').count()).toBe(40);
    expect(await page.locator('[data-chart="magdeburg-stadtteile"] .atlas-legend-smallbase').textContent()).toMatch(/^kleine Basis, ohne Rang \(\d+\)$/);
    const industriehafen = page.locator('.atlas-ranking tr[data-area-id="15003000-st68"]');
    expect(await industriehafen.textContent()).toContain("kleine Basis, ohne Rang");
    expect(await page.locator(".atlas-ranking tbody tr").first().getAttribute("data-area-id")).not.toBe("15003000-st68");
    await page.getByLabel("Stadtteilnamen").uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get("namen")).toBe("0");
    await settle(page);
    expect(await page.locator('[data-chart="magdeburg-stadtteile"] text[data-label-kind]').count()).toBe(0);
    await page.close();
  });
});

describe("Kreis map", () => {
  test("Kreis names on the map, every Kreis focusable", async () => {
    const page = await site.open("/karten/niedersachsen", {height: 1000});
    const named = await page.locator('[data-chart="niedersachsen-kreise"] text[data-label-kind]').count();
    const focusable = await page.locator('[data-chart="niedersachsen-kreise"] path[data-area-id][tabindex="0"]').count();
    expect(named).toBe(focusable);
    expect(focusable).toBeGreaterThanOrEqual(46);
    await page.close();
  });
});

describe("Magdeburg Stadtteil profiles", () => {
  const routes = existsSync(join(dist, "orte", "magdeburg")) ? readdirSync(join(dist, "orte", "magdeburg")).filter((f) => f.endsWith(".html")) : [];
  test("40 profiles built, each found by the site search under its name", () => {
    expect(routes).toHaveLength(40);
    const indexFile = readdirSync(join(dist, "_observablehq")).find((f) => /^minisearch\.[0-9a-f]+\.json$/.test(f))!;
    const json = JSON.parse(readFileSync(join(dist, "_observablehq", indexFile), "utf8"));
    const index = MiniSearch.loadJS(json, {...json.options, processTerm: (t: string) => t.slice(0, 15).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()});
    for (const file of routes) {
      const html = readFileSync(join(dist, "orte", "magdeburg", file), "utf8");
      const name = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1].replace(/<[^>]+>/g, "").trim();
      const ids = index.search(`${name} Magdeburg`, {boost: {title: 4, keywords: 4}, prefix: true, combineWith: "AND"}).map((r) => r.id);
      expect(ids, name).toContain(`/orte/magdeburg/${file.replace(/\.html$/, "")}`);
    }
  });

  test("Industriehafen: the small-base caveat, no rank; the Magdeburg profile lists all 40; the map link selects the Stadtteil", async () => {
    const page = await site.open("/orte/magdeburg/industriehafen");
    expect(await page.locator("h1").textContent()).toBe("Industriehafen");
    expect(await page.locator(".atlas-smallbase").textContent()).toContain("Ausländer 237, Einwohner 286");
    expect(await page.locator('tr[data-figure="rang"] td').first().textContent()).toBe("kleine Basis, ohne Rang");
    expect(await page.locator('[data-chart="md-stadtteil-industriehafen-auslaenderanteil"]').count()).toBe(1);
    const href = await page.locator('a[href*="karten/magdeburg?gebiet=15003000-st68"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    await page.close();
    const magdeburg = await site.open("/orte/magdeburg");
    expect(await magdeburg.locator('.atlas-stadtteil-list a[href*="magdeburg/"]').count()).toBe(40);
    await magdeburg.close();
  });
});
