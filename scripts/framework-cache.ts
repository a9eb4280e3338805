/**
 * Framework reruns a data loader only when its output is missing from
 * src/.observablehq/cache, so it would ship the copy of an earlier build.
 * After the output store has ensured every output (loaders/output-store.ts),
 * this drops exactly the cached copies whose output key moved since
 * Framework cached them, and every cached loader output that
 * loaders/outputs.ts does not declare (those always run again).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import type {OutputSpec} from "../loaders/outputs.ts";
import {untar} from "./tar.ts";

/** Cache entries that are not loader output: the vendored npm packages and Framework's node_modules bundles. */
const KEEP = new Set(["_npm", "_node", ".output-keys.json"]);

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) return yield path;
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

/** Which output a cached file came from, if declared. */
function ownerOf(entry: string, outputs: readonly OutputSpec[]): OutputSpec | undefined {
  return outputs.find((o) => entry === `data/${o.name}` || (o.pages ?? []).some((p) => entry === p || entry.startsWith(`${p}/`)));
}

/**
 * Drops stale cached loader outputs; returns how many files were dropped.
 * `keys` maps each output name to the key it has in this build.
 */
export function dropStaleLoaderOutputs(root: string, outputs: readonly OutputSpec[], keys: Record<string, string>): number {
  const cache = join(root, "src", ".observablehq", "cache");
  const stamp = join(cache, ".output-keys.json");
  let before: Record<string, string> = {};
  try {
    before = JSON.parse(readFileSync(stamp, "utf8"));
  } catch {
    before = {};
  }
  let dropped = 0;
  if (existsSync(cache)) {
    for (const top of readdirSync(cache)) {
      if (KEEP.has(top)) continue;
      for (const file of files(join(cache, top))) {
        const entry = relative(cache, file).split("\\").join("/");
        const owner = ownerOf(entry, outputs);
        if (owner && before[owner.name] !== undefined && before[owner.name] === keys[owner.name]) continue;
        rmSync(file, {force: true});
        dropped++;
      }
    }
  }
  mkdirSync(cache, {recursive: true});
  writeFileSync(stamp, JSON.stringify(keys, null, 1));
  return dropped;
}

/** Where Framework keeps the output of the page loader of a route (/orte/ → orte/index.md). */
export function pageCachePath(route: string): string {
  return `${route.replace(/^\//, "").replace(/(^|\/)$/, "$1index")}.md`;
}

/**
 * Writes every generated page of the site bundle where Framework keeps its
 * page loaders' output, so that the build runs no loader process for them
 * (250 processes of about 0,5 s each before). Framework takes a cached page
 * as fresh when it is newer than its loader; `npm run dev` still runs the
 * loaders. Returns how many pages were (re)written.
 */
export function writeGeneratedPages(root: string, pages: Record<string, string>): number {
  const cache = join(root, "src", ".observablehq", "cache");
  let written = 0;
  for (const [route, markdown] of Object.entries(pages)) {
    const file = join(cache, pageCachePath(route));
    if (existsSync(file) && readFileSync(file, "utf8") === markdown) continue;
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, markdown);
    written++;
  }
  return written;
}

/** Where Framework caches the output's loader output, relative to its cache folder; undefined for an output no loader serves. */
function cacheTarget(root: string, spec: OutputSpec): string | undefined {
  const target = spec.target ?? `data/${spec.name}`;
  return spec.build && existsSync(join(root, "src", `${target}.ts`)) ? target : undefined;
}

/** The loader that serves the output in Framework (relative to src/: "data/facts-im.arrow.ts"), if any. */
export function loaderOf(root: string, spec: OutputSpec): string | undefined {
  const target = cacheTarget(root, spec);
  return target && `${target}.ts`;
}

/** Writes whole or not at all (Framework would take a half-written file for a good one), never older than the loader; false when it was there already. */
function putCached(file: string, bytes: Uint8Array, loaderTime: Date): boolean {
  if (existsSync(file) && statSync(file).mtimeMs >= loaderTime.getTime() && readFileSync(file).equals(bytes)) return false;
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(`${file}.part`, bytes);
  renameSync(`${file}.part`, file);
  // A loader checked out with a later time would make Framework run it anyway.
  if (statSync(file).mtimeMs < loaderTime.getTime()) utimesSync(file, loaderTime, loaderTime);
  return true;
}

/**
 * Puts one stored output where Framework caches its loader's output
 * (src/.observablehq/cache/<target>), newer than the loader, so that
 * Framework starts no loader process for it: the loader (serveOutput) would
 * print exactly these bytes after a second or so of starting tsx. A tar
 * archive's files go beside it (abbildungen.tar → abbildungen/<file>), as
 * Framework would extract them one by one. Returns how many files were
 * (re)written.
 */
export function writeStoredOutput(root: string, spec: OutputSpec, storeDir: string): number {
  const target = cacheTarget(root, spec);
  const stored = join(storeDir, spec.name);
  if (!target || !existsSync(stored)) return 0;
  const cache = join(root, "src", ".observablehq", "cache");
  const loaderTime = statSync(join(root, "src", `${target}.ts`)).mtime;
  const bytes = readFileSync(stored);
  let written = Number(putCached(join(cache, target), bytes, loaderTime));
  if (target.endsWith(".tar")) {
    for (const [name, member] of untar(bytes)) written += Number(putCached(join(cache, target.replace(/\.tar$/, ""), name), member, loaderTime));
  }
  return written;
}

/** Every stored output into Framework's cache (`writeStoredOutput`), but those in `later`; returns how many files were (re)written. */
export function writeStoredOutputs(root: string, outputs: readonly OutputSpec[], storeDir: string, later: readonly string[] = []): number {
  return outputs.filter((spec) => !later.includes(spec.name)).reduce((n, spec) => n + writeStoredOutput(root, spec, storeDir), 0);
}
