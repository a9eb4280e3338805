/**
 * No network, no mirror: a loader still succeeds with an empty table of the
 * right schema and says which source is missing; in strict mode it fails.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {tableFromIPC} from "apache-arrow";
import {afterAll, expect, test} from "vitest";

const root = join(fileURLToPath(import.meta.url), "../../..");
const cache = mkdtempSync(join(tmpdir(), "atlas-empty-cache-"));
afterAll(() => rmSync(cache, {recursive: true, force: true}));

function runLoader(loader: string, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, join(root, loader)], {
    cwd: root,
    env: {...process.env, DATA_MIRROR: "", DATA_CACHE: cache, ATLAS_OUTPUT_DIR: join(cache, "outputs"), ATLAS_OUTPUT_KEYS: "", ATLAS_OFFLINE: "1", ATLAS_STRICT: "", ...extra},
    maxBuffer: 1 << 28
  });
}

test("without any copy of the source the loader writes an empty table and names the source", () => {
  const result = runLoader("src/data/facts-magdeburg.arrow.ts");
  expect(result.status).toBe(0);
  expect(result.stderr.toString()).toContain("Quelle fehlt (kiss-md");
  const table = tableFromIPC(result.stdout);
  expect(table.numRows).toBe(0);
  expect(table.schema.fields.map((f) => f.name)).toContain("area_id");
});

test("in strict mode the same loader fails and writes nothing", () => {
  const result = runLoader("src/data/facts-magdeburg.arrow.ts", {ATLAS_STRICT: "1"});
  expect(result.status).toBe(1);
  expect(result.stdout.length).toBe(0);
  expect(result.stderr.toString()).toMatch(/kiss-md: .*not available/);
});

test("the sources status lists every source as missing, with how to get it", () => {
  const result = runLoader("src/data/sources.json.ts");
  expect(result.status).toBe(0);
  const sources = JSON.parse(result.stdout.toString());
  expect(sources.length).toBe(10);
  expect(sources.every((s: {available: boolean}) => !s.available)).toBe(true);
  expect(sources[0].how_to_get).toContain("DATA_MIRROR");
});
