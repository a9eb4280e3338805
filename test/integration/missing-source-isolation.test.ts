/**
 * A missing source empties only its dependants (issue 14). A scratch mirror
 * links every repository of the real one except Göttingen SDG, whose
 * 113-byte indicator_10-1.csv is left out: the catalogue, the quality
 * findings and the areas are built from everything else and name the missing
 * source; restored, the outputs are byte for byte those of a clean build.
 */
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, expect, test} from "vitest";
import {ensureOutput, startBuild} from "../../loaders/output-store.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {mirrorPath, source} from "../../loaders/source/sources.ts";

let temp: string;
let sdgFile: string;
let sdgBytes: Buffer;
const saved: Record<string, string | undefined> = {};
const OUTPUTS = ["indicators.json", "quality.json", "areas.arrow", "facts-goettingen-sdg.arrow", "facts-destatis.arrow"];

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "atlas-isolation-"));
  const real = mirrorDir()!;
  const mirror = join(temp, "mirror");
  mkdirSync(mirror);
  for (const owner of readdirSync(real)) if (owner !== "OpenSDGde" && owner !== "MANIFEST.sha256") symlinkSync(join(real, owner), join(mirror, owner));
  cpSync(join(real, "OpenSDGde"), join(mirror, "OpenSDGde"), {recursive: true});
  sdgFile = join(mirror, mirrorPath(source("goettingen-sdg"), "data/indicator_10-1.csv"));
  sdgBytes = readFileSync(sdgFile);
  const env = {DATA_MIRROR: mirror, DATA_CACHE: join(temp, "cache"), ATLAS_OUTPUT_DIR: join(temp, "outputs"), ATLAS_OFFLINE: "1", ATLAS_STRICT: ""};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  delete process.env.ATLAS_OUTPUT_KEYS;
});

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(temp, {recursive: true, force: true});
});

async function buildAll(): Promise<Record<string, {bytes: Buffer; missing: string[]}>> {
  await startBuild();
  const out: Record<string, {bytes: Buffer; missing: string[]}> = {};
  for (const name of OUTPUTS) out[name] = await ensureOutput(name);
  return out;
}

test("without Göttingen SDG 10-1 only its dependants lack it; restored, the outputs equal a clean build", async () => {
  const clean = await buildAll();
  for (const name of OUTPUTS) expect(clean[name].missing, name).toEqual([]);

  rmSync(sdgFile);
  const without = await buildAll();
  expect(without["facts-goettingen-sdg.arrow"].missing).toEqual(["goettingen-sdg"]);
  expect(tableFromIPC(without["facts-goettingen-sdg.arrow"].bytes).numRows).toBe(0);
  // Untouched: Destatis does not read the file.
  expect(without["facts-destatis.arrow"].missing).toEqual([]);
  expect(without["facts-destatis.arrow"].bytes.equals(clean["facts-destatis.arrow"].bytes)).toBe(true);
  // The catalogue keeps every other indicator and names the missing source.
  const catalogue = JSON.parse(without["indicators.json"].bytes.toString("utf8")) as {id: string; source_id: string}[];
  const cleanCatalogue = JSON.parse(clean["indicators.json"].bytes.toString("utf8")) as {id: string; source_id: string}[];
  expect(without["indicators.json"].missing).toEqual(["goettingen-sdg"]);
  expect(catalogue.some((e) => e.source_id === "goettingen-sdg")).toBe(false);
  expect(catalogue.length).toBe(cleanCatalogue.filter((e) => e.source_id !== "goettingen-sdg").length);
  expect(catalogue.filter((e) => e.source_id === "im-niedersachsen").length).toBeGreaterThan(50);
  // The quality findings of every other table are all there.
  const quality = JSON.parse(without["quality.json"].bytes.toString("utf8")) as {table: string}[];
  const cleanQuality = JSON.parse(clean["quality.json"].bytes.toString("utf8")) as {table: string}[];
  expect(quality.length).toBe(cleanQuality.filter((f) => f.table !== "facts-goettingen-sdg").length);
  expect(quality.length).toBeGreaterThan(5000);
  expect(tableFromIPC(without["areas.arrow"].bytes).numRows).toBeGreaterThan(400);

  writeFileSync(sdgFile, sdgBytes);
  const restored = await buildAll();
  for (const name of OUTPUTS) {
    expect(restored[name].missing, name).toEqual([]);
    expect(restored[name].bytes.equals(clean[name].bytes), name).toBe(true);
  }
}, 900_000);
