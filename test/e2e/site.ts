/**
 * The built site for a browser test file: served from dist/ and one Chromium
 * for the whole file, and open(), which loads a page and fails the test on any
 * problem checkPage reports.
 */
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, expect} from "vitest";
import {checkPage, launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";

export const dist = join(dirname(fileURLToPath(import.meta.url)), "../../dist");

export interface Site {
  open(path: string, options?: {height?: number; width?: number; timeout?: number}): Promise<Page>;
}

export function useSite(): Site {
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
  return {
    async open(path, {height = 900, width = 1280, timeout = 30_000} = {}) {
      const page = await browser.newPage({viewport: {width, height}, locale: "de-DE"});
      const report = await checkPage(page, server.url + path, {timeout});
      expect(report.problems).toEqual([]);
      return page;
    }
  };
}

/**
 * The places whose profile-chart embed pages the whole-site tests open. The 197
 * embed pages come from one template and one spec each; einbetten-orte.test.ts
 * compares every chart's static SVG with its profile page and opens every embed
 * page of these places, so the page-by-page tests sample them instead of
 * spending a quarter of an hour on copies.
 */
export const SAMPLED_PLACES = ["wolfsburg", "magdeburg", "niedersachsen", "stadt-goettingen"];

/**
 * The Kreis pages (/kreise/<AGS>) the whole-site tests open: 401 pages from one
 * generator (loaders/site/kreis-page.ts); a kreisfreie Stadt, a merged
 * Landkreis with a full profile, Magdeburg, and Eisenach, which INKAR lacks.
 */
export const SAMPLED_KREISE = ["09162", "03159", "15003", "16056"];

/** Routes for the whole-site tests: every page, but profile-chart embed pages only for SAMPLED_PLACES and Kreis pages only for SAMPLED_KREISE. */
export function sampledRoutes(routes: Iterable<string>): string[] {
  return [...routes].filter(
    (r) =>
      (!r.startsWith("/einbetten/orte/") || SAMPLED_PLACES.some((p) => r.startsWith(`/einbetten/orte/${p}-`))) &&
      (!/^\/kreise\/\d{5}$/.test(r) || SAMPLED_KREISE.some((k) => r === `/kreise/${k}`))
  );
}
