/**
 * The suite must be able to fail: a fixture site with a page that imports
 * from a CDN and a page whose chart throws is built with the same pipeline,
 * and both the build guard and the browser checks must catch it.
 */
import {cpSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {build} from "../../scripts/build.ts";
import {npmCache, vendor} from "../../scripts/vendor-npm.ts";
import {checkPage, launch} from "./browser.ts";
import {serve, type StaticServer} from "./server.ts";

const fixture = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/regressions");
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), "atlas-regressions-"));
  cpSync(fixture, site, {recursive: true});
  // Framework's client bundles npm:react-dom; without the atlas's vendored
  // cache the fixture build would ask the registry (and fail offline).
  await vendor();
  cpSync(npmCache, join(site, "src/.observablehq/cache/_npm"), {recursive: true});
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, {recursive: true, force: true});
});

test("the build refuses a page that imports from a CDN", async () => {
  await expect(build({cwd: site, quiet: true})).rejects.toThrow(/would load from other hosts[\s\S]*cdn\.jsdelivr\.net/);
});

test("the browser checks catch the CDN import, the throwing chart, and pass the intact page", async () => {
  await build({cwd: site, quiet: true, allowThirdParty: true});
  server = await serve(join(site, "dist"));
  const check = async (path: string) => {
    const page = await browser.newPage();
    try {
      return (await checkPage(page, server.url + path)).problems;
    } finally {
      await page.close();
    }
  };
  expect(await check("/")).toEqual([]);
  const cdn = await check("/cdn");
  expect(cdn.some((p) => p.startsWith("request to another host: https://cdn.jsdelivr.net/"))).toBe(true);
  const throws = await check("/throws");
  expect(throws).toContain("chart container rendered nothing: kaputt");
  expect(throws.some((p) => p.includes("Diagramm kaputt"))).toBe(true);
});
