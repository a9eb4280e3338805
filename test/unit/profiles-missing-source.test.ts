/**
 * Without any source (no mirror, no cache, no network) a profile page still
 * builds: it names the missing sources and says of every key figure that
 * no value is available, never shows 0.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {afterAll, expect, test} from "vitest";

const root = join(fileURLToPath(import.meta.url), "../../..");
const temp = mkdtempSync(join(tmpdir(), "atlas-profiles-"));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

test("a profile page without sources: notices, and every IM figure not available", () => {
  const result = spawnSync(process.execPath, ["--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, join(root, "src/orte/[ort].md.ts"), "--ort=wolfsburg"], {
    cwd: root,
    env: {...process.env, DATA_MIRROR: "", DATA_CACHE: join(temp, "cache"), ATLAS_OUTPUT_DIR: join(temp, "outputs"), ATLAS_OUTPUT_KEYS: "", ATLAS_OFFLINE: "1", ATLAS_STRICT: ""},
    maxBuffer: 1 << 26
  });
  expect(result.status).toBe(0);
  const page = result.stdout.toString();
  expect(page).toContain('data-missing-source="im-niedersachsen"');
  expect(page).toContain('data-missing-source="destatis-kreise"');
  const rows = [...page.matchAll(/<tr data-figure="([a-z_]+)">(.*?)<\/tr>/g)];
  expect(rows.length).toBe(10);
  for (const [, key, row] of rows) expect(row, key).toContain("nicht verfügbar: ");
  expect(page).not.toMatch(/data-value="0"/);
}, 120_000);
