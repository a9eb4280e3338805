import {pathToFileURL} from "node:url";
import {createRequire} from "node:module";
import {expect, test} from "vitest";
// @ts-expect-error Framework ships no types for its internals.
import {rollupClient as frameworkBundle} from "@observablehq/framework/dist/rollup.js";
// @ts-expect-error Framework ships no types for its internals.
import {getClientPath} from "@observablehq/framework/dist/files.js";
import {resolve} from "../../scripts/framework-hooks.ts";
import {rollupClient, sidebarBundles} from "../../scripts/sidebar-scripts.ts";

const root = "src";
const searchAt = (hash: string) => async (specifier: string) => (specifier === "observablehq:search" ? `/_observablehq/search.${hash}.js` : undefined);
const SCRIPTS = ["search-init.js", "sidebar-init.js"].map((name) => getClientPath(name) as string);

test("the sidebar's scripts are the bundles Framework makes for each page, one bundle per folder", async () => {
  const resolveImport = searchAt("4f1a2b3c");
  const before = sidebarBundles();
  for (const input of SCRIPTS) {
    for (const path of ["/kreise/01001", "/kreise/01002", "/kreise/16077", "/index", "/orte/magdeburg/werder", "/einbetten/orte/wolfsburg-auslaenderanteil"]) {
      const expected = await frameworkBundle(input, root, path, {resolveImport, minify: true});
      expect(await rollupClient(input, root, path, {resolveImport, minify: true})).toBe(expected);
    }
  }
  const after = sidebarBundles();
  // Four folders (/kreise, /, /orte/magdeburg, /einbetten/orte) for each of the two scripts; twelve uses.
  expect(after.made - before.made).toBe(8);
  expect(after.uses - before.uses).toBe(12);
  // The search module's path is relative to the page's folder.
  expect(await rollupClient(SCRIPTS[0], root, "/kreise/01003", {resolveImport, minify: true})).toContain("../_observablehq/search.4f1a2b3c.js");
  expect(await rollupClient(SCRIPTS[0], root, "/orte/magdeburg/werder", {resolveImport, minify: true})).toContain("../../_observablehq/search.4f1a2b3c.js");
});

test("a page whose resolver answers otherwise gets a bundle of its own, never a kept one", async () => {
  const first = await rollupClient(SCRIPTS[0], root, "/vergleich", {resolveImport: searchAt("aaaa1111"), minify: true});
  const other = await rollupClient(SCRIPTS[0], root, "/quellen", {resolveImport: searchAt("bbbb2222"), minify: true});
  expect(first).toContain("search.aaaa1111.js");
  expect(other).toContain("search.bbbb2222.js");
  expect(other).toBe(await frameworkBundle(SCRIPTS[0], root, "/quellen", {resolveImport: searchAt("bbbb2222"), minify: true}));
  // Other options (not minified) are another bundle too.
  const plain = await rollupClient(SCRIPTS[1], root, "/vergleich", {resolveImport: searchAt("aaaa1111"), minify: false});
  expect(plain).toBe(await frameworkBundle(SCRIPTS[1], root, "/vergleich", {resolveImport: searchAt("aaaa1111"), minify: false}));
});

test("only Framework's page renderer is pointed at the kept bundles", async () => {
  const framework = pathToFileURL(createRequire(import.meta.url).resolve("@observablehq/framework/dist/render.js")).href;
  const asked: string[] = [];
  const next = async (specifier: string) => (asked.push(specifier), {url: specifier});
  await resolve("./rollup.js", {parentURL: framework}, next);
  await resolve("./rollup.js", {parentURL: framework.replace("render.js", "build.js")}, next);
  await resolve("./files.js", {parentURL: framework}, next);
  expect(asked[0]).toMatch(/\/scripts\/sidebar-scripts\.ts$/);
  expect(asked.slice(1)).toEqual(["./rollup.js", "./files.js"]);
});
