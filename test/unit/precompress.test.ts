import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {afterEach, expect, test} from "vitest";
import {brotliQuality, gzipLevel, precompress} from "../../scripts/precompress.ts";

let dir: string;
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const page = (n: number) => `<!doctype html><html lang="de"><body>${Array.from({length: 200}, (_, i) => `<p>Zeile ${i} von Seite ${n}</p>`).join("")}</body></html>`;

test("every compressible file of 1 kB or more gets .gz and .br that decompress to its bytes; small and other files get none", async () => {
  dir = mkdtempSync(join(tmpdir(), "atlas-precompress-"));
  const cache = join(dir, "cache");
  const files = ["a.html", "b.js", "c.svg", "tiny.css", "d.png"].map((f) => join(dir, f));
  writeFileSync(files[0], page(1));
  writeFileSync(files[1], `export const x = ${JSON.stringify(page(2))};`);
  writeFileSync(files[2], `<svg xmlns="http://www.w3.org/2000/svg">${page(3)}</svg>`);
  writeFileSync(files[3], "body{}");
  writeFileSync(files[4], page(4));
  expect(await precompress(files, {cacheDir: cache})).toEqual({compressed: 3, cached: 0});
  for (const f of files.slice(0, 3)) {
    expect(brotliDecompressSync(readFileSync(`${f}.br`)).equals(readFileSync(f))).toBe(true);
    expect(gunzipSync(readFileSync(`${f}.gz`)).equals(readFileSync(f))).toBe(true);
  }
  expect(existsSync(`${files[3]}.br`)).toBe(false);
  expect(existsSync(`${files[4]}.br`)).toBe(false);
  // No half-written copy stays in the cache.
  expect(readdirSync(cache).filter((f) => f.endsWith(".part"))).toEqual([]);
});

test("a file unchanged since the last run is copied from the cache; a changed one is compressed again, never served stale", async () => {
  dir = mkdtempSync(join(tmpdir(), "atlas-precompress-"));
  const cache = join(dir, "cache");
  const a = join(dir, "a.html");
  const b = join(dir, "b.html");
  writeFileSync(a, page(1));
  writeFileSync(b, page(2));
  await precompress([a, b], {cacheDir: cache});
  rmSync(`${a}.br`);
  writeFileSync(b, page(3));
  expect(await precompress([a, b], {cacheDir: cache})).toEqual({compressed: 2, cached: 1});
  expect(brotliDecompressSync(readFileSync(`${a}.br`)).toString()).toBe(page(1));
  expect(brotliDecompressSync(readFileSync(`${b}.br`)).toString()).toBe(page(3));
  expect(gunzipSync(readFileSync(`${b}.gz`)).toString()).toBe(page(3));
});

test("compression levels: pages and figures brotli 6, code and data 11 (10 over 100 kB), data over 1 MB 9, DuckDB's wasm 5; gzip 9, over 1 MB 6", () => {
  expect(brotliQuality("x/index.html", 50_000)).toBe(6);
  expect(brotliQuality("x/abb.svg", 50_000)).toBe(6);
  expect(brotliQuality("x/app.js", 50_000)).toBe(11);
  expect(brotliQuality("x/app.js", 100_000)).toBe(11);
  expect(brotliQuality("x/duckdb-browser-eh.worker.js", 760_000)).toBe(10);
  expect(brotliQuality("x/de.arrow", 500_000)).toBe(10);
  expect(brotliQuality("x/vergleich.arrow", 6_500_000)).toBe(9);
  expect(brotliQuality("x/duckdb-eh.wasm", 35_000_000)).toBe(5);
  expect(gzipLevel(500_000)).toBe(9);
  expect(gzipLevel(35_000_000)).toBe(6);
});

test("a file compressed ahead while Framework ran is found done by precompress, and the copies are of its final bytes", async () => {
  const {compressAhead} = await import("../../scripts/precompress.ts");
  dir = mkdtempSync(join(tmpdir(), "atlas-precompress-"));
  const cache = join(dir, "cache");
  const data = join(dir, "vergleich.arrow");
  const later = join(dir, "seite.html");
  writeFileSync(data, page(5));
  writeFileSync(later, page(6));
  // Two asks at once compress once.
  await Promise.all([compressAhead(data, {cacheDir: cache}), compressAhead(data, {cacheDir: cache})]);
  expect(readdirSync(cache).sort()).toHaveLength(2);
  // Post-processing rewrote the page after Framework wrote it: its copy ahead is simply not used.
  await compressAhead(later, {cacheDir: cache});
  writeFileSync(later, page(7));
  expect(await precompress([data, later], {cacheDir: cache})).toEqual({compressed: 2, cached: 1});
  expect(brotliDecompressSync(readFileSync(`${data}.br`)).toString()).toBe(page(5));
  expect(brotliDecompressSync(readFileSync(`${later}.br`)).toString()).toBe(page(7));
});
