/**
 * First paint from the build on every page that queries with DuckDB-WASM:
 * with the DuckDB wasm response held back, the default view's chart is
 * already on screen (the build's SVG); once released, the interactive chart
 * replaces it with the same numbers (data-value of every mark). A view given
 * by URL parameters shows the German loading state, then the right chart,
 * and the chart area is never blank.
 */
import type {Browser, Page, Route} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readableFacts} from "../../loaders/site/site-bundle.ts";
import type {Fact} from "../../loaders/model/model.ts";
import {DUCKDB_DEFAULT_VIEWS} from "../../bench/firstpaint.ts";
import {launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";
import {dist} from "./site.ts";

/** Every DuckDB page and the chart of its default view: the list the benchmark measures. */
const DUCKDB_PAGES = DUCKDB_DEFAULT_VIEWS;

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serve(dist);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose DuckDB wasm download waits until release() is called. */
async function heldPage(width = 1280): Promise<{page: Page; release: () => void; errors: string[]}> {
  const page = await browser.newPage({viewport: {width, height: 1000}, locale: "de-DE"});
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/duckdb-(eh|mvp)\.wasm$/, async (route: Route) => {
    await released;
    await route.continue().catch(() => {});
  });
  return {page, release, errors};
}

/** data-value of every mark of the SVG(s) under `selector`, sorted. */
async function marks(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) => roots.flatMap((root) => [...root.querySelectorAll("svg [data-value]")].map((m) => m.getAttribute("data-value") ?? "")).sort());
}

describe("default view before DuckDB", () => {
  test.each(DUCKDB_PAGES)("%s: %s on screen while the wasm is held back, then the same numbers interactive", async (path, id) => {
    const {page, release, errors} = await heldPage();
    try {
      await page.goto(server.url + path, {waitUntil: "load"});
      const picture = page.locator(`.atlas-firstpaint[data-firstpaint="${id}"][data-state="static"] .atlas-firstpaint-picture > svg`);
      await expect.poll(() => picture.isVisible(), {timeout: 30_000}).toBe(true);
      const box = await picture.boundingBox();
      expect(box!.height).toBeGreaterThan(100);
      // DuckDB has not answered: the interactive chart is not there yet.
      expect(await page.locator(`[data-chart="${id}"]:not(svg)`).count()).toBe(0);
      const before = await marks(page, `.atlas-firstpaint[data-firstpaint="${id}"] .atlas-firstpaint-picture`);
      expect(before.length).toBeGreaterThan(0);
      release();
      await page.locator(`figure[data-chart="${id}"]`).first().waitFor({timeout: 120_000});
      await expect.poll(() => page.locator(`.atlas-firstpaint[data-firstpaint="${id}"]`).count(), {timeout: 30_000}).toBe(0);
      expect(await marks(page, `figure[data-chart="${id}"]`)).toEqual(before);
      expect(errors).toEqual([]);
    } finally {
      release();
      await page.close();
    }
  });
});

describe("a view given by URL parameters", () => {
  let facts: Fact[];
  beforeAll(async () => {
    facts = (await readableFacts()).facts;
  });
  test("/karten/magdeburg?jahr=2020: the loading state, then the 2020 map; never a blank chart area", async () => {
    const {page, release} = await heldPage();
    try {
      await page.goto(`${server.url}/karten/magdeburg?jahr=2020`, {waitUntil: "domcontentloaded"});
      const slot = page.locator(`.atlas-firstpaint[data-firstpaint="magdeburg-stadtteile"]`);
      expect(await slot.getAttribute("data-state")).toBe("pending");
      const loading = slot.locator(".atlas-firstpaint-loading");
      await expect.poll(() => loading.isVisible(), {timeout: 30_000}).toBe(true);
      expect(await loading.textContent()).toContain("Daten werden geladen …");
      expect(await slot.locator("progress").count()).toBe(1);
      // The default view's picture is not shown for another year.
      expect(await slot.locator(".atlas-firstpaint-picture").evaluate((e) => getComputedStyle(e).visibility)).toBe("hidden");
      expect((await slot.boundingBox())!.height).toBeGreaterThan(200);
      // Until the chart arrives, the area always shows either the loading state or the chart.
      const watch = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let blank = 0;
            const tick = () => {
              const loadingShown = !!document.querySelector('.atlas-firstpaint[data-state="pending"] .atlas-firstpaint-loading');
              const chart = document.querySelector('figure[data-chart="magdeburg-stadtteile"]');
              if (!loadingShown && !chart) blank++;
              if (chart) resolve(blank);
              else requestAnimationFrame(tick);
            };
            tick();
          })
      );
      release();
      expect(await watch).toBe(0);
      const altstadt = facts.find((f) => f.indicator === "md:auslaenderanteil" && f.area_id === "15003000-st01" && f.year === 2020 && f.sex === "total" && f.age_group === "total");
      expect(altstadt?.value).toBeTypeOf("number");
      const drawn = page.locator(`figure[data-chart="magdeburg-stadtteile"] path[data-area-id="15003000-st01"]`).first();
      await drawn.waitFor();
      expect(Number(await drawn.getAttribute("data-value"))).toBeCloseTo(altstadt!.value!, 10);
    } finally {
      release();
      await page.close();
    }
  });
  // 2022: the default breakdown by sex starts in 2021 (earlier years are clamped to it).
  test("/altersstruktur/magdeburg?jahr=2022 at 390 px: loading state, then the 2022 pyramid", async () => {
    const {page, release} = await heldPage(390);
    try {
      await page.goto(`${server.url}/altersstruktur/magdeburg?jahr=2022`, {waitUntil: "domcontentloaded"});
      const slot = page.locator(`.atlas-firstpaint[data-firstpaint="magdeburg-alterspyramide"]`);
      expect(await slot.getAttribute("data-state")).toBe("pending");
      await expect.poll(() => slot.locator(".atlas-firstpaint-loading").isVisible(), {timeout: 30_000}).toBe(true);
      release();
      const chart = page.locator(`figure[data-chart="magdeburg-alterspyramide"]`).first();
      await chart.waitFor({timeout: 60_000});
      expect(await chart.textContent()).toContain("2022");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      release();
      await page.close();
    }
  });
});
