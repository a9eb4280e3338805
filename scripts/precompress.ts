/**
 * gzip and brotli copies beside the built files, so that a server sends them
 * precompressed (scripts/server.ts, deploy/nginx/).
 *
 * Compression was most of a build's post-processing (95 s of 1,500 files
 * on 2 cores at brotli's best quality), so:
 * - a copy is kept by the SHA-256 of the bytes (.cache/compressed/): a page
 *   or figure unchanged since the last build is not compressed again, and
 *   the files Framework writes as they stay are compressed while it runs
 *   (`compressAhead`);
 * - the rest runs on zlib's thread pool, as many files at once as cores;
 * - the quality follows what a byte costs the reader (measured on the
 *   built site, December 2026):
 *   - code and data up to 100 kB, fetched on every first visit: brotli 11;
 *   - code and data from 100 kB to 1 MB (DuckDB's worker, Plot, Arrow, the
 *     boundaries, the larger tables): brotli 10, 2.5 % more bytes than 11
 *     (955 instead of 931 kB for all 15 such files) in 38 % of the time
 *     (4.5 instead of 11.8 s);
 *   - data over 1 MB: brotli 9 (11 takes minutes for a few per cent);
 *   - DuckDB's wasm (over 10 MB, fetched once and cached): brotli 5, 2.6 %
 *     more bytes than 7 (5.62 instead of 5.48 MB) in a third of the time
 *     (1.9 instead of 5.6 s a file);
 *   - pages and figures (800 HTML pages, 280 SVGs): brotli 6. Quality 10
 *     made them 9 % smaller (0.7 kB a page) for 19 s of a cold build's
 *     CPU; qualities 5 to 9 differ by less than 1 %;
 *   - gzip, the fallback for clients without brotli: level 9, but 6 above
 *     1 MB (level 9 took up to 12 times as long there for about 1 %).
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
  if (bytes > 10 << 20) return 5;
  if (bytes > 1 << 20) return 9;
  if (extname(file) === ".html" || extname(file) === ".svg") return 6;
  return bytes > 100_000 ? 10 : 11;
}

export function gzipLevel(bytes: number): number {
  return bytes > 1 << 20 ? 6 : 9;
}

/** Compressions under way in this process, by cache key: a file asked for twice at once is compressed once. */
const underWay = new Map<string, Promise<string>>();

/** The cached copy under `key` (made with `make` if absent); true as second value when it was there already. */
async function cachedCopy(cacheDir: string, key: string, make: () => Promise<Buffer>): Promise<[string, boolean]> {
  const copy = join(cacheDir, key);
  const pending = underWay.get(copy);
  if (pending) return [await pending, false];
  if (existsSync(copy)) {
    const now = new Date();
    utimesSync(copy, now, now);
    return [copy, true];
  }
  const made = (async () => {
    const bytes = await make();
    // Written whole, then renamed: a build stopped midway leaves no half copy in the cache.
    const partial = `${copy}.${process.pid}.part`;
    writeFileSync(partial, bytes);
    renameSync(partial, copy);
    return copy;
  })();
  underWay.set(copy, made);
  try {
    return [await made, false];
  } finally {
    underWay.delete(copy);
  }
}

/** The gzip and brotli copies of `data` (served as `name`) in the cache; how many were there already. */
async function compressInto(cacheDir: string, name: string, data: Buffer): Promise<{gz: string; br: string; hits: number}> {
  const quality = brotliQuality(name, data.length);
  const hash = createHash("sha256").update(data).digest("hex");
  const level = gzipLevel(data.length);
  const [gz, gzHit] = await cachedCopy(cacheDir, `${hash}.gz${level}`, () => gzipAsync(data, {level}));
  const [br, brHit] = await cachedCopy(cacheDir, `${hash}.br${quality}`, () => brotliAsync(data, {params: {[constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length}}));
  return {gz, br, hits: Number(gzHit) + Number(brHit)};
}

/** Runs `one` over the items, `parallel` at a time. */
async function pool<T>(items: readonly T[], parallel: number, one: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await one(items[next++]);
  };
  await Promise.all(Array.from({length: Math.max(1, parallel)}, worker));
}

/**
 * Compresses one built file into the cache ahead of `precompress`, which
 * then finds the copies made: Framework's build calls it for every file it
 * writes that post-processing leaves as it is (scripts/framework-build.ts),
 * so that the compression runs on zlib's thread pool, on the core Framework
 * leaves idle, while Framework goes on.
 */
export async function compressAhead(file: string, {cacheDir}: {cacheDir: string}): Promise<void> {
  if (!COMPRESSIBLE.has(extname(file))) return;
  const data = readFileSync(file);
  if (data.length < MIN_BYTES) return;
  mkdirSync(cacheDir, {recursive: true});
  await compressInto(cacheDir, file, data);
}

/** Writes `file.gz` and `file.br` for every compressible file of at least 1 kB; returns how many files and how many came from the cache. */
export async function precompress(files: string[], {cacheDir}: {cacheDir: string}): Promise<{compressed: number; cached: number}> {
  mkdirSync(cacheDir, {recursive: true});
  let compressed = 0;
  let cached = 0;
  await pool(files.filter((f) => COMPRESSIBLE.has(extname(f))), availableParallelism(), async (file) => {
    const data = readFileSync(file);
    if (data.length < MIN_BYTES) return;
    const {gz, br, hits} = await compressInto(cacheDir, file, data);
    copyFileSync(gz, `${file}.gz`);
    copyFileSync(br, `${file}.br`);
    compressed++;
    if (hits === 2) cached++;
  });
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
