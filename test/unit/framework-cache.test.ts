/** Framework's cached loader outputs: dropped exactly when their output's key moved, or when no output declares them. */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterEach, expect, test} from "vitest";
import type {OutputSpec} from "../../loaders/outputs.ts";
import {dropStaleLoaderOutputs, writeStoredOutputs} from "../../scripts/framework-cache.ts";

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

test("stored outputs go where Framework caches their loader's output, newer than the loader; unchanged ones stay, keyed-only and internal outputs are left to their loaders", () => {
  root = mkdtempSync(join(tmpdir(), "atlas-fwstore-"));
  const store = join(root, ".cache/outputs");
  const put = (file: string, text: string) => {
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, text);
  };
  put(join(root, "src/data/quality.json.ts"), "// loader");
  put(join(root, "src/data/boundaries/de-kreise.json.ts"), "// loader");
  put(join(root, "src/data/source-files.json.ts"), "// loader");
  put(join(store, "quality.json"), "[1]");
  put(join(store, "boundaries/de-kreise.json"), "{}");
  put(join(store, "site-bundle"), "{}");
  put(join(store, "source-files.json"), "x");
  const outs = [spec("quality.json"), spec("boundaries/de-kreise.json"), spec("site-bundle"), {...spec("source-files.json"), build: undefined}];
  const cache = join(root, "src/.observablehq/cache/data");
  expect(writeStoredOutputs(root, outs, store)).toBe(2);
  expect(readFileSync(join(cache, "quality.json"), "utf8")).toBe("[1]");
  expect(readFileSync(join(cache, "boundaries/de-kreise.json"), "utf8")).toBe("{}");
  expect(existsSync(join(cache, "source-files.json"))).toBe(false);
  expect(existsSync(join(cache, "site-bundle"))).toBe(false);
  expect(existsSync(join(cache, "quality.json.part"))).toBe(false);
  // Nothing changed: nothing written.
  expect(writeStoredOutputs(root, outs, store)).toBe(0);
  // A loader edited after the copy was cached: Framework would take the copy for stale, so it is written again.
  const later = new Date(statSync(join(cache, "quality.json")).mtimeMs + 5000);
  utimesSync(join(root, "src/data/quality.json.ts"), later, later);
  expect(writeStoredOutputs(root, outs, store)).toBe(1);
  expect(statSync(join(cache, "quality.json")).mtimeMs).toBeGreaterThanOrEqual(statSync(join(root, "src/data/quality.json.ts")).mtimeMs);
  // New bytes in the store replace the cached copy.
  put(join(store, "quality.json"), "[2]");
  expect(writeStoredOutputs(root, outs, store)).toBe(1);
  expect(readFileSync(join(cache, "quality.json"), "utf8")).toBe("[2]");
});

test("an archive output goes into the cache with its files beside it (abbildungen.tar → abbildungen/…), a page output under its own name; later ones wait", async () => {
  const {tar} = await import("../../scripts/tar.ts");
  const {loaderOf, writeStoredOutput} = await import("../../scripts/framework-cache.ts");
  root = mkdtempSync(join(tmpdir(), "atlas-fwarchive-"));
  const store = join(root, ".cache/outputs");
  const put = (file: string, bytes: string | Uint8Array) => {
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, bytes);
  };
  put(join(root, "src/abbildungen.tar.ts"), "// loader");
  put(join(root, "src/index.md.ts"), "// loader");
  put(join(store, "static-figures"), tar(new Map([["karte.svg", "<svg>1</svg>"], ["orte/wolfsburg-bevoelkerung.svg", "<svg>2</svg>"]])));
  put(join(store, "index.md"), "# Start");
  const figures = {...spec("static-figures"), target: "abbildungen.tar"};
  const home = {...spec("index.md"), target: "index.md"};
  expect(loaderOf(root, figures)).toBe("abbildungen.tar.ts");
  expect(loaderOf(root, home)).toBe("index.md.ts");
  expect(loaderOf(root, spec("site-bundle"))).toBeUndefined();
  const cache = join(root, "src/.observablehq/cache");
  // The archive and both of its files.
  expect(writeStoredOutput(root, figures, store)).toBe(3);
  expect(readFileSync(join(cache, "abbildungen/karte.svg"), "utf8")).toBe("<svg>1</svg>");
  expect(readFileSync(join(cache, "abbildungen/orte/wolfsburg-bevoelkerung.svg"), "utf8")).toBe("<svg>2</svg>");
  expect(readFileSync(join(cache, "abbildungen.tar")).equals(readFileSync(join(store, "static-figures")))).toBe(true);
  expect(writeStoredOutput(root, figures, store)).toBe(0);
  // Outputs named in `later` are left for the build step to write while Framework runs.
  expect(writeStoredOutputs(root, [figures, home], store, ["static-figures"])).toBe(1);
  expect(readFileSync(join(cache, "index.md"), "utf8")).toBe("# Start");
});
