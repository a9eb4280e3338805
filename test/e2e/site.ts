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
  open(path: string, options?: {height?: number}): Promise<Page>;
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
    async open(path, {height = 900} = {}) {
      const page = await browser.newPage({viewport: {width: 1280, height}, locale: "de-DE"});
      const report = await checkPage(page, server.url + path);
      expect(report.problems).toEqual([]);
      return page;
    }
  };
}
