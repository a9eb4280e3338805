/**
 * The one fetch layer: every loader reads upstream bytes through readSource().
 *
 * Order: the mirror folder (DATA_MIRROR, default ../shared/data/mirror), then
 * the local download cache, then the canonical URL over HTTP (timeout, retry,
 * atomic write into the cache). The SHA-256 is verified every time, wherever
 * the bytes come from; a file that fails it is never kept.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {FormatError, IntegrityError, SourceUnavailableError} from "./errors.ts";
import {downloadCacheDir, mirrorDir} from "./paths.ts";
import {canonicalUrl, mirrorPath, source, sourceFile, type Source, type SourceFile} from "./sources.ts";

export interface FetchOptions {
  env?: NodeJS.ProcessEnv;
  /** Off in tests that must not touch the network. */
  network?: boolean;
  timeoutMs?: number;
  retries?: number;
  fetch?: typeof globalThis.fetch;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes via a temporary file and rename, so no reader ever sees half a file. */
export function writeAtomic(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), {recursive: true});
  const temporary = `${path}.${process.pid}.${Date.now()}.partial`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, {force: true});
  }
}

function verify(src: Source, file: SourceFile, bytes: Uint8Array, where: string): Uint8Array {
  const actual = sha256(bytes);
  if (actual !== file.sha256) throw new IntegrityError(src.id, file.path, canonicalUrl(src, file.path), file.sha256, actual, where);
  return bytes;
}

async function download(url: string, {timeoutMs = 30_000, retries = 2, fetch = globalThis.fetch}: FetchOptions): Promise<Uint8Array> {
  let last: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      const response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs)});
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      last = error;
      if (attempt < retries) await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
  throw last;
}

/** Where a pinned file can be read from without the network, if anywhere. */
export function localCopy(src: Source, path: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const mirror = mirrorDir(env);
  const candidates = [mirror && join(mirror, mirrorPath(src, path)), join(downloadCacheDir(env), mirrorPath(src, path))];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

/**
 * Which sources a computation read: the output store (loaders/output-store.ts)
 * checks them against the inputs each output declares (loaders/outputs.ts).
 * Builds run one after another, so a stack of open recordings suffices.
 */
const recordings: Set<string>[] = [];

export function noteRead(sourceIds: Iterable<string>): void {
  for (const recording of recordings) for (const id of sourceIds) recording.add(id);
}

export async function recordReads<T>(compute: () => Promise<T>): Promise<{result: T; sources: Set<string>}> {
  const sources = new Set<string>();
  recordings.push(sources);
  try {
    return {result: await compute(), sources};
  } finally {
    recordings.splice(recordings.indexOf(sources), 1);
  }
}

/** The verified bytes of one pinned file. */
export async function readSource(sourceId: string, path: string, options: FetchOptions = {}): Promise<Uint8Array> {
  noteRead([sourceId]);
  const {env = process.env, network = env.ATLAS_OFFLINE !== "1"} = options;
  const src = source(sourceId);
  const file = sourceFile(sourceId, path);
  const tried: string[] = [];
  const mirror = mirrorDir(env);
  if (mirror) {
    const local = join(mirror, mirrorPath(src, path));
    if (existsSync(local)) return verify(src, file, readFileSync(local), local);
    tried.push(`mirror ${local}`);
  } else {
    tried.push("no mirror configured (DATA_MIRROR)");
  }
  const cached = join(downloadCacheDir(env), mirrorPath(src, path));
  if (existsSync(cached)) {
    try {
      return verify(src, file, readFileSync(cached), cached);
    } catch (error) {
      // A corrupt cached download must not block forever: remove it and fetch again (or fail below) – and say so.
      rmSync(cached, {force: true});
      console.error(`${sourceId}: ${path}: beschädigte Kopie aus dem Download-Cache entfernt (${mirrorPath(src, path)} in DATA_CACHE)`);
      if (!network) throw error;
      tried.push(`cache ${cached} (corrupt, removed)`);
    }
  } else {
    tried.push(`cache ${cached}`);
  }
  const url = canonicalUrl(src, path);
  if (!network) {
    tried.push(`network off (${url})`);
    throw new SourceUnavailableError(sourceId, path, tried);
  }
  let bytes: Uint8Array;
  try {
    bytes = await download(url, options);
  } catch (error) {
    tried.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    throw new SourceUnavailableError(sourceId, path, tried);
  }
  verify(src, file, bytes, url);
  writeAtomic(cached, bytes);
  return bytes;
}

const LATIN1 = new Set(["latin1", "iso-8859-1", "iso8859-1", "l1", "windows-1252", "cp1252"]);

/**
 * Decodes strictly: bytes that are not valid in the encoding are an error,
 * not U+FFFD. Latin-1 accepts every byte, so there the opposite mistake is
 * caught: a UTF-8 file (BOM, or multi-byte sequences that decode as UTF-8)
 * would otherwise turn „ö“ into „Ã¶“ without a word.
 */
export function decodeText(bytes: Uint8Array, encoding: string, sourceId: string, path: string): string {
  if (LATIN1.has(encoding.toLowerCase())) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      throw new FormatError(sourceId, path, `starts with a UTF-8 byte order mark: the file is UTF-8, not ${encoding}`);
    }
    if (bytes.some((b) => b >= 0x80)) {
      let utf8 = false;
      try {
        // Latin-1 German („ö“ = F6, followed by a letter) is never valid UTF-8. Bytes that are,
        // and decode to Latin letters and punctuation („ö“ = C3 B6), are a UTF-8 file. A rare
        // Latin-1 run that happens to be valid UTF-8 („ä§§“) decodes to other scripts: not refused.
        utf8 = /^[\u0000-\u024f\u2000-\u20cf]*$/.test(new TextDecoder("utf-8", {fatal: true}).decode(bytes));
      } catch {
        utf8 = false;
      }
      if (utf8) throw new FormatError(sourceId, path, `is UTF-8 (its non-ASCII bytes form valid UTF-8 sequences), not ${encoding}: read as ${encoding} it would garble every umlaut`);
    }
  }
  try {
    // TextDecoder drops a leading BOM.
    return new TextDecoder(encoding, {fatal: true}).decode(bytes);
  } catch {
    throw new FormatError(sourceId, path, `not valid ${encoding} text (wrong encoding or a binary file)`);
  }
}

/** The verified text of one pinned file (UTF-8 unless told). */
export async function readSourceText(sourceId: string, path: string, {encoding = "utf-8", ...options}: FetchOptions & {encoding?: string} = {}): Promise<string> {
  return decodeText(await readSource(sourceId, path, options), encoding, sourceId, path);
}

/** Which pinned files of a source are at hand without the network. */
export function availability(sourceId: string, env: NodeJS.ProcessEnv = process.env): {available: string[]; missing: string[]} {
  const src = source(sourceId);
  const available: string[] = [];
  const missing: string[] = [];
  for (const file of src.files) (localCopy(src, file.path, env) ? available : missing).push(file.path);
  return {available, missing};
}
