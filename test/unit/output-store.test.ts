/**
 * Every output knows its inputs (issue 14): with a scratch copy of the
 * mirror's Göttingen SDG and Destatis folders, a removed file empties only
 * the outputs that read it, a restored file brings back exactly the clean
 * output, a byte flipped in place is refused (strict) or marks the source
 * unavailable, and nothing built from a missing source is ever reused.
 */
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, expect, test} from "vitest";
import {codeClosure, ensureOutput, outputKey, startBuild} from "../../loaders/output-store.ts";
import {output, OUTPUTS} from "../../loaders/outputs.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {source, mirrorPath} from "../../loaders/source/sources.ts";

const SDG_FILE = "data/indicator_10-1.csv";
let temp: string;
let env: NodeJS.ProcessEnv;
let sdgPath: string;
const saved: Record<string, string | undefined> = {};

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "atlas-outputs-"));
  const real = mirrorDir()!;
  for (const id of ["goettingen-sdg", "destatis-kreise"]) {
    const src = source(id);
    cpSync(join(real, src.repository, src.commit), join(temp, "mirror", src.repository, src.commit), {recursive: true});
  }
  sdgPath = join(temp, "mirror", mirrorPath(source("goettingen-sdg"), SDG_FILE));
  // The builders read process.env (the parsers and the fetch layer): the scratch state is set there.
  env = {DATA_MIRROR: join(temp, "mirror"), DATA_CACHE: join(temp, "cache"), ATLAS_OUTPUT_DIR: join(temp, "outputs"), ATLAS_OFFLINE: "1", ATLAS_STRICT: ""};
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

const rows = (bytes: Buffer) => tableFromIPC(bytes).numRows;

test("remove, restore, flip: only the dependants change, and the restored output equals the clean one", async () => {
  await startBuild();
  const clean = await ensureOutput("facts-goettingen-sdg.arrow");
  expect(clean.rebuilt).toBe(true);
  expect(clean.missing).toEqual([]);
  // Göttingen SDG 10-1: naturalisations 2014–2023 (203 … 492), ten rows in the pinned file.
  expect(rows(clean.bytes)).toBe(10);
  const destatis = await ensureOutput("facts-destatis.arrow");
  expect(rows(destatis.bytes)).toBeGreaterThan(800);

  await startBuild();
  expect((await ensureOutput("facts-goettingen-sdg.arrow")).rebuilt).toBe(false);

  // Remove the 113-byte file: the SDG table is empty and says so; Destatis is untouched (reused, same bytes).
  const original = readFileSync(sdgPath);
  expect(original.length).toBe(113);
  rmSync(sdgPath);
  await startBuild();
  const without = await ensureOutput("facts-goettingen-sdg.arrow");
  expect(without.rebuilt).toBe(true);
  expect(without.missing).toEqual(["goettingen-sdg"]);
  expect(rows(without.bytes)).toBe(0);
  const destatisAgain = await ensureOutput("facts-destatis.arrow");
  expect(destatisAgain.rebuilt).toBe(false);
  expect(destatisAgain.bytes.equals(destatis.bytes)).toBe(true);

  // Still missing: built again (never reused), still empty.
  await startBuild();
  expect((await ensureOutput("facts-goettingen-sdg.arrow")).rebuilt).toBe(true);

  // Restored: rebuilt, byte for byte the clean output, same key.
  writeFileSync(sdgPath, original);
  await startBuild();
  const restored = await ensureOutput("facts-goettingen-sdg.arrow");
  expect(restored.rebuilt).toBe(true);
  expect(restored.missing).toEqual([]);
  expect(restored.key).toBe(clean.key);
  expect(restored.bytes.equals(clean.bytes)).toBe(true);

  // One byte flipped in place after the good build: non-strict marks the source unavailable …
  const flipped = Buffer.from(original);
  flipped[40] ^= 0x01;
  writeFileSync(sdgPath, flipped);
  await startBuild();
  const corrupt = await ensureOutput("facts-goettingen-sdg.arrow");
  expect(corrupt.rebuilt).toBe(true);
  expect(corrupt.missing).toEqual(["goettingen-sdg"]);
  expect(rows(corrupt.bytes)).toBe(0);
  // … and strict refuses, naming the source and the file; the stored output is not served.
  process.env.ATLAS_STRICT = "1";
  try {
    await startBuild();
    await expect(ensureOutput("facts-goettingen-sdg.arrow")).rejects.toThrow(/goettingen-sdg: data\/indicator_10-1\.csv: SHA-256 mismatch/);
  } finally {
    process.env.ATLAS_STRICT = "";
    writeFileSync(sdgPath, original);
  }
}, 120_000);

test("the key follows exactly the declared inputs: another source's file does not move it", async () => {
  const sdg = output("facts-goettingen-sdg.arrow");
  await startBuild();
  const before = outputKey(sdg);
  const destatisFile = join(temp, "mirror", mirrorPath(source("destatis-kreise"), source("destatis-kreise").files[0].path));
  const bytes = readFileSync(destatisFile);
  writeFileSync(destatisFile, Buffer.concat([bytes, Buffer.from("x")]));
  try {
    await startBuild();
    expect(outputKey(sdg)).toBe(before);
    expect(outputKey(output("facts-destatis.arrow"))).not.toBe(before);
  } finally {
    writeFileSync(destatisFile, bytes);
  }
});

test("the code of an output is its modules and their local imports, nothing else", () => {
  const tables = codeClosure(["loaders/model/tables.ts"]);
  expect(tables).toContain("loaders/parse/im.ts");
  expect(tables).toContain("loaders/source/fetch.ts");
  expect(tables).not.toContain("loaders/site/profile-page.ts");
  // Components import each other with .js; the closure follows them to the .ts source.
  const bundle = codeClosure(["loaders/site/profile-page.ts"]);
  expect(bundle.some((f) => f.startsWith("components/"))).toBe(true);
  expect(bundle.every((f) => f.endsWith(".ts"))).toBe(true);
});

test("every output declares only sources that exist, under a name of its own", () => {
  const ids = new Set((JSON.parse(readFileSync(join(__dirname, "../../data/sources.json"), "utf8")) as {sources: {id: string}[]}).sources.map((s) => s.id));
  for (const spec of OUTPUTS) for (const id of spec.sources) expect(ids.has(id), `${spec.name}: ${id}`).toBe(true);
  expect(new Set(OUTPUTS.map((o) => o.name)).size).toBe(OUTPUTS.length);
});
