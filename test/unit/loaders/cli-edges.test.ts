/**
 * The CLI's rough edges of issue 14, each with a scratch mirror that holds
 * only Göttingen SDG (verified), Destatis (one byte flipped) and nothing else:
 * csv by default, list tells ok / corrupt / missing apart and fails, a fault
 * in another source does not block one table's export, --out takes a folder,
 * a corrupt download is removed aloud.
 */
import {spawn} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {mirrorDir, projectRoot} from "../../../loaders/source/paths.ts";
import {mirrorPath, source} from "../../../loaders/source/sources.ts";

const TSX = join(projectRoot, "node_modules", ".bin", "tsx");
let temp: string;
let env: NodeJS.ProcessEnv;

function cli(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["loaders/cli.ts", ...args], {cwd: projectRoot, env: {...process.env, ...env, ...extra}});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({code, stdout, stderr}));
  });
}

const SDG_CSV_HEAD = "source_id,area_id,area_name,area_level,year,reference_date,indicator,sex,age_group,category,value,unit,flag,source_file,source_row";

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "atlas-cli-edges-"));
  for (const id of ["goettingen-sdg", "destatis-kreise"]) {
    const src = source(id);
    cpSync(join(mirrorDir()!, src.repository, src.commit), join(temp, "mirror", src.repository, src.commit), {recursive: true});
  }
  const destatis = source("destatis-kreise");
  const file = join(temp, "mirror", mirrorPath(destatis, destatis.files[0].path));
  const bytes = readFileSync(file);
  bytes[100] ^= 0x01;
  writeFileSync(file, bytes);
  env = {DATA_MIRROR: join(temp, "mirror"), DATA_CACHE: join(temp, "cache"), ATLAS_OFFLINE: "1", ATLAS_STRICT: ""};
});
afterAll(() => rmSync(temp, {recursive: true, force: true}));

test.concurrent("export without --format writes csv", async () => {
  const run = await cli(["export", "facts-goettingen-sdg"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split("\n");
  expect(lines[0].startsWith(SDG_CSV_HEAD.slice(0, 40))).toBe(true);
  // Ten years, 2014–2023; 2023: 492 naturalisations.
  expect(lines).toHaveLength(11);
  expect(lines.find((l) => l.includes(",2023,"))).toContain(",492,");
}, 60_000);

test.concurrent("list: ok, corrupt and missing apart, exit 1", async () => {
  const run = await cli(["list"]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/goettingen-sdg\s+ok\s/);
  expect(run.stdout).toMatch(/destatis-kreise\s+BESCHÄDIGT \(1 Dateien\)/);
  expect(run.stdout).toContain(`beschädigt: ${source("destatis-kreise").files[0].path}`);
  // Every pinned KISS-MD file (JSON and, since issue 18, the xlsx originals) is missing.
  expect(run.stdout).toMatch(new RegExp(`kiss-md\\s+FEHLT \\(${source("kiss-md").files.length} Dateien\\)`));
}, 60_000);

test.concurrent("a corrupt or missing other source does not block one table's export", async () => {
  // Before: every export built all tables, so a KISS-MD fault blocked export facts-im.
  const run = await cli(["export", "facts-goettingen-sdg", "--format", "csv"]);
  expect(run.code).toBe(0);
  const whole = await cli(["export", "facts"]);
  expect(whole.code).toBe(1);
  expect(whole.stderr).toMatch(/not available|SHA-256 mismatch/);
}, 60_000);

test.concurrent("--out with a folder writes <table>.<format> into it; a path through a file fails clearly", async () => {
  const folder = join(temp, "out-existing");
  mkdirSync(folder);
  const a = await cli(["export", "facts-goettingen-sdg", "--out", folder]);
  expect(a.code).toBe(0);
  expect(readFileSync(join(folder, "facts-goettingen-sdg.csv"), "utf8").split("\n")[0]).toBe(SDG_CSV_HEAD);
  const b = await cli(["export", "facts-goettingen-sdg", "--out", join(temp, "new-folder") + "/"]);
  expect(b.code).toBe(0);
  expect(existsSync(join(temp, "new-folder", "facts-goettingen-sdg.csv"))).toBe(true);
  writeFileSync(join(temp, "a-file"), "x");
  const c = await cli(["export", "facts-goettingen-sdg", "--out", join(temp, "a-file", "x.csv")]);
  expect(c.code).toBe(1);
  expect(c.stderr).toContain("a part of the path is a file, not a folder");
  expect(c.stderr).not.toMatch(/^\s+at /m);
}, 60_000);

test.concurrent("verify says so when it removes a corrupt download", async () => {
  const cache = join(temp, "cache-verify");
  const src = source("goettingen-sdg");
  const path = src.files.find((f) => f.path.endsWith(".csv"))!.path;
  mkdirSync(join(cache, src.repository, src.commit, "data"), {recursive: true});
  writeFileSync(join(cache, mirrorPath(src, path)), "Year,Value\n2014,\t1\n");
  const run = await cli(["verify"], {DATA_MIRROR: "", DATA_CACHE: cache});
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`goettingen-sdg: ${path}: beschädigte Kopie aus dem Download-Cache entfernt`);
  expect(existsSync(join(cache, mirrorPath(src, path)))).toBe(false);
}, 60_000);
