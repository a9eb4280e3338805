/**
 * gzip and brotli copies beside the built files, so that a server sends them
 * precompressed (scripts/server.ts, deploy/nginx/).
 *
 * Brotli at its best quality is most of a build's post-processing (95 s of
 * 1,500 files on 2 cores), so:
 * - compression runs on zlib's thread pool, as many files at once as cores;
 * - a copy is kept by the SHA-256 of the bytes (.cache/compressed/): a page
 *   or figure unchanged since the last build is not compressed again;
 * - pages and figures (800 HTML pages, 280 SVGs) get brotli quality 10,
 *   which takes 40 % of the time of 11 for 1–3 % more bytes; code and data,
 *   fetched on every first visit, get 11; files over 1 MB (DuckDB's wasm) 9.
 */
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync} from "node:fs";
import {availableParallelism} from "node:os";
import {extname, join} from "node:path";
import {promisify} from "node:util";
import {brotliCompress, constants, gzip} from "node:zlib";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".wasm", ".arrow", ".svg", ".csv", ".txt", ".map"]);
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 1024;
/** Cached copies not used for this long are removed. */
const KEEP_DAYS = 14;

export function brotliQuality(file: string, bytes: number): number {
  if (bytes > 1 << 20) return 9;
  return extname(file) === ".html" || extname(file) === ".svg" ? 10 : 11;
}

/** Writes `file.gz` and `file.br` for every compressible file of at least 1 kB; returns how many files and how many came from the cache. */
export async function precompress(files: string[], {cacheDir}: {cacheDir: string}): Promise<{compressed: number; cached: number}> {
  mkdirSync(cacheDir, {recursive: true});
  const todo = files.filter((f) => COMPRESSIBLE.has(extname(f)));
  let compressed = 0;
  let cached = 0;
  const one = async (file: string) => {
    const data = readFileSync(file);
    if (data.length < MIN_BYTES) return;
    const quality = brotliQuality(file, data.length);
    const hash = createHash("sha256").update(data).digest("hex");
    const kinds = [
      {ext: ".gz", key: `${hash}.gz9`, make: () => gzipAsync(data, {level: 9})},
      {ext: ".br", key: `${hash}.br${quality}`, make: () => brotliAsync(data, {params: {[constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length}})}
    ];
    let hits = 0;
    for (const {ext, key, make} of kinds) {
      const copy = join(cacheDir, key);
      if (existsSync(copy)) {
        copyFileSync(copy, `${file}${ext}`);
        const now = new Date();
        utimesSync(copy, now, now);
        hits++;
        continue;
      }
      const bytes = await make();
      writeFileSync(`${file}${ext}`, bytes);
      // Written whole, then renamed: a build stopped midway leaves no half copy in the cache.
      const partial = `${copy}.${process.pid}.part`;
      writeFileSync(partial, bytes);
      renameSync(partial, copy);
    }
    compressed++;
    if (hits === kinds.length) cached++;
  };
  let next = 0;
  const worker = async () => {
    while (next < todo.length) await one(todo[next++]);
  };
  await Promise.all(Array.from({length: Math.max(1, availableParallelism())}, worker));
  prune(cacheDir);
  return {compressed, cached};
}

function prune(cacheDir: string): void {
  const limit = Date.now() - KEEP_DAYS * 86_400_000;
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    try {
      if (statSync(path).mtimeMs < limit) unlinkSync(path);
    } catch {
      // removed by a concurrent build
    }
  }
}
