/**
 * Huge inputs: huge.ts runs every case in a child Node with the heap capped
 * at 384 MB, so "memory stays sane" is enforced, not estimated: a parser that
 * needs several times its input (the CSV reader before f2f4cac built fields
 * character by character and took 2.4 GB of heap for one 50 MB field) dies
 * with "heap out of memory" and this test fails.
 */
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {expect, test} from "vitest";
import {DESTATIS_SOURCE, DESTATIS_TABLES} from "../../../loaders/parse/destatis.ts";
import {IM_SOURCE} from "../../../loaders/parse/im.ts";
import {KISSMD_SOURCE} from "../../../loaders/parse/kissmd.ts";
import {projectRoot} from "../../../loaders/source/paths.ts";
import {available} from "./hostile.ts";

const HEAP_MB = 384;
const mirrored =
  available(IM_SOURCE, "data/indicator_1-2-2.csv") &&
  available(DESTATIS_SOURCE, DESTATIS_TABLES[0].path) &&
  available(KISSMD_SOURCE, "data/kiss-md/json/bevoelkerung/entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.json");

test.runIf(mirrored)(`50 MB fields and repeated real rows: every row accounted for or a short FormatError, with the heap capped at ${HEAP_MB} MB`, () => {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--import", pathToFileURL(join(projectRoot, "node_modules/tsx/dist/loader.mjs")).href, join(projectRoot, "test/unit/robustness/huge.ts")], {
    cwd: projectRoot,
    env: {...process.env, ATLAS_OFFLINE: "1"},
    encoding: "utf8",
    maxBuffer: 1 << 24
  });
  expect(child.stderr.match(/heap out of memory|FATAL ERROR.*/)?.[0] ?? "").toBe("");
  expect(child.status).toBe(0);
  const cases = Object.fromEntries(
    child.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l))
      .map((c) => [c.name, c])
  );
  // Repeated real rows: rows in = rows out, nothing refused.
  for (const name of ["csv-records-10MB", "im-rows-1MB", "destatis-rows-1MB", "documents-rows-1MB", "kissmd-rows-1MB", "kissmd-ages-160k"]) {
    expect(cases[name].error, name).toBeUndefined();
    expect(cases[name].rowsOut, name).toBe(cases[name].rowsIn);
    expect(cases[name].rowsIn, name).toBeGreaterThan(3000);
  }
  // IM 1-2-2 has 1 040 rows: 10 MB are 221 repetitions of them, 229 840 rows.
  expect(cases["csv-records-10MB"].rowsIn).toBe(229_840);
  // A 50 MB field: read as one field, or refused with a message of a few hundred characters.
  expect(cases["csv-field-50MB"]).toMatchObject({inMB: 50, rowsIn: 1, rowsOut: 1});
  for (const name of ["im-value-50MB", "im-unterminated-50MB", "sdg-value-50MB", "kissmd-cell-50MB"]) {
    expect(cases[name], name).toMatchObject({inMB: 50, error: "FormatError"});
    expect(cases[name].messageLength, name).toBeLessThan(300);
  }
  expect(cases["im-value-50MB"].message).toMatch(/^im-niedersachsen: data\/indicator_1-2-2\.csv: line 2: Value "9{60}…" \(52,428,800 characters\) is not a number$/);
  expect(cases["im-unterminated-50MB"].message).toBe("im-niedersachsen: data/indicator_1-2-2.csv: unterminated quoted field (opened on line 2) at end of file (truncated?)");
});
