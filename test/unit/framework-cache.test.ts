/** Framework's cached loader outputs: dropped exactly when their output's key moved, or when no output declares them. */
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterEach, expect, test} from "vitest";
import type {OutputSpec} from "../../loaders/outputs.ts";
import {dropStaleLoaderOutputs} from "../../scripts/framework-cache.ts";

let root: string;
afterEach(() => rmSync(root, {recursive: true, force: true}));

const spec = (name: string, pages?: string[]): OutputSpec => ({name, sources: [], files: [], code: [], pages, build: async () => "", empty: () => ""});
const OUTS = [spec("facts-im.arrow"), spec("quality.json"), spec("site-bundle", ["orte", "indikatoren.md"])];

test("only the copies whose key moved, and undeclared ones, are dropped; the npm cache stays", () => {
  root = mkdtempSync(join(tmpdir(), "atlas-fwcache-"));
  const cache = join(root, "src/.observablehq/cache");
  const put = (file: string) => {
    mkdirSync(dirname(join(cache, file)), {recursive: true});
    writeFileSync(join(cache, file), "x");
  };
  const files = ["data/facts-im.arrow", "data/quality.json", "orte/wolfsburg.md", "indikatoren.md", "data/other.json", "_npm/d3@7.9.0/_esm.js"];
  files.forEach(put);
  const keys = {"facts-im.arrow": "a", "quality.json": "b", "site-bundle": "c"};
  // No record yet of what Framework cached: every loader output goes, the vendored packages stay.
  expect(dropStaleLoaderOutputs(root, OUTS, keys)).toBe(5);
  expect(existsSync(join(cache, "_npm/d3@7.9.0/_esm.js"))).toBe(true);
  files.forEach(put);
  // Same keys: only the undeclared output runs again.
  expect(dropStaleLoaderOutputs(root, OUTS, keys)).toBe(1);
  expect(existsSync(join(cache, "data/other.json"))).toBe(false);
  expect(existsSync(join(cache, "data/facts-im.arrow"))).toBe(true);
  // The site bundle's key moved: its pages go, the tables stay.
  expect(dropStaleLoaderOutputs(root, OUTS, {...keys, "site-bundle": "d"})).toBe(2);
  expect(existsSync(join(cache, "orte/wolfsburg.md"))).toBe(false);
  expect(existsSync(join(cache, "indikatoren.md"))).toBe(false);
  expect(existsSync(join(cache, "data/quality.json"))).toBe(true);
});

test("generated pages land where Framework looks for its page loaders' output, and unchanged ones are not rewritten", async () => {
  const {pageCachePath, writeGeneratedPages} = await import("../../scripts/framework-cache.ts");
  expect(pageCachePath("/orte/")).toBe("orte/index.md");
  expect(pageCachePath("/orte/wolfsburg")).toBe("orte/wolfsburg.md");
  expect(pageCachePath("/einbetten/orte/wolfsburg-bevoelkerung")).toBe("einbetten/orte/wolfsburg-bevoelkerung.md");
  expect(pageCachePath("/indikatoren")).toBe("indikatoren.md");
  root = mkdtempSync(join(tmpdir(), "atlas-fwpages-"));
  const pages = {"/orte/": "# Orte", "/orte/wolfsburg": "# Wolfsburg"};
  expect(writeGeneratedPages(root, pages)).toBe(2);
  expect(writeGeneratedPages(root, pages)).toBe(0);
  expect(writeGeneratedPages(root, {...pages, "/orte/wolfsburg": "# Wolfsburg 2"})).toBe(1);
});
