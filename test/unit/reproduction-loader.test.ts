/**
 * The reproduction loader (src/data/reproduction.json.ts) without any copy of
 * its second sources: the documents' own checks still run, the comparisons
 * say that their value is missing, the page gets the source's name; in strict
 * mode the loader fails and writes nothing.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {afterAll, expect, test} from "vitest";

const root = join(fileURLToPath(import.meta.url), "../../..");
const cache = mkdtempSync(join(tmpdir(), "atlas-empty-cache-"));
afterAll(() => rmSync(cache, {recursive: true, force: true}));

function run(extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, join(root, "src/data/reproduction.json.ts")], {
    cwd: root,
    env: {...process.env, DATA_MIRROR: "", DATA_CACHE: cache, ATLAS_OUTPUT_DIR: join(cache, "outputs"), ATLAS_OUTPUT_KEYS: "", ATLAS_OFFLINE: "1", ATLAS_STRICT: "", ...extra},
    maxBuffer: 1 << 26
  });
}

test("without its second sources the reproduction still checks the documents against themselves", () => {
  const result = run();
  expect(result.status).toBe(0);
  expect(result.stderr.toString()).toContain("Quelle fehlt (im-niedersachsen");
  const data = JSON.parse(result.stdout.toString());
  expect(data.unavailable.sort()).toEqual(["goettingen-sdg", "im-niedersachsen"]);
  const goettingen = data.documents.find((d: {slug: string}) => d.slug === "goettingen");
  // the six mismatches of the document's own numbers (five in Abb. 5, one rounding in Abb. 9); the 23 comparisons have no value
  expect(goettingen.summary).toMatchObject({numbers: 197, mismatches: 6, abweichung: 5, rundung: 1, fehlt: 23, second_source: 23});
  const sdg = goettingen.checks.find((c: {kind: string; line: number; printed: number}) => c.kind === "second_source" && c.line === 331 && c.printed === 269);
  expect(sdg).toMatchObject({status: "fehlt", reference: null, difference: null, formula: "Quelle beim Bau nicht verfügbar (goettingen-sdg)"});
});

test("in strict mode a missing second source fails the loader", () => {
  const result = run({ATLAS_STRICT: "1"});
  expect(result.status).toBe(1);
  expect(result.stdout.length).toBe(0);
});
