/** Stale data never ships: a changed loader input drops the cached loader outputs, the npm cache stays. */
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, expect, test} from "vitest";
import {invalidateStaleData} from "../../scripts/data-fingerprint.ts";

let root: string;
afterEach(() => rmSync(root, {recursive: true, force: true}));

test("a loader edit drops the cached output, an unchanged build keeps it", () => {
  root = mkdtempSync(join(tmpdir(), "atlas-fingerprint-"));
  const env = {DATA_MIRROR: join(root, "mirror")};
  mkdirSync(join(root, "src/data"), {recursive: true});
  writeFileSync(join(root, "src/data/x.json.ts"), "console.log(1)");
  const cache = join(root, "src/.observablehq/cache");
  invalidateStaleData(root, env);
  mkdirSync(join(cache, "data"), {recursive: true});
  mkdirSync(join(cache, "_npm/d3@7.9.0"), {recursive: true});
  writeFileSync(join(cache, "data/x.json"), "1");
  writeFileSync(join(cache, "_npm/d3@7.9.0/_esm.js"), "export {}");
  expect(invalidateStaleData(root, env)).toBe(0);
  expect(existsSync(join(cache, "data/x.json"))).toBe(true);
  writeFileSync(join(root, "src/data/x.json.ts"), "console.log(2)");
  expect(invalidateStaleData(root, env)).toBe(1);
  expect(existsSync(join(cache, "data/x.json"))).toBe(false);
  expect(existsSync(join(cache, "_npm/d3@7.9.0/_esm.js"))).toBe(true);
});

test("a different mirror or strict mode also counts as a change", () => {
  root = mkdtempSync(join(tmpdir(), "atlas-fingerprint-"));
  mkdirSync(join(root, "data"), {recursive: true});
  writeFileSync(join(root, "data/a.csv"), "a\n1\n");
  const cache = join(root, "src/.observablehq/cache");
  const cached = () => {
    mkdirSync(join(cache, "data"), {recursive: true});
    writeFileSync(join(cache, "data/y.arrow"), "x");
  };
  invalidateStaleData(root, {DATA_MIRROR: "/m1"});
  cached();
  expect(invalidateStaleData(root, {DATA_MIRROR: "/m2"})).toBe(1);
  cached();
  expect(invalidateStaleData(root, {DATA_MIRROR: "/m2", ATLAS_STRICT: "1"})).toBe(1);
  cached();
  expect(invalidateStaleData(root, {DATA_MIRROR: "/m2", ATLAS_STRICT: "1"})).toBe(0);
  writeFileSync(join(root, "data/a.csv"), "a\n2\n");
  expect(invalidateStaleData(root, {DATA_MIRROR: "/m2", ATLAS_STRICT: "1"})).toBe(1);
});
