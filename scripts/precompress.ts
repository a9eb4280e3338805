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
  const [gz, gzHit] = await cachedCopy(cacheDir, `${hash}.gz9`, () => gzipAsync(data, {level: 9}));
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
