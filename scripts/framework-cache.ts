/**
 * Framework reruns a data loader only when its output is missing from
 * src/.observablehq/cache, so it would ship the copy of an earlier build.
 * After the output store has ensured every output (loaders/output-store.ts),
 * this drops exactly the cached copies whose output key moved since
 * Framework cached them, and every cached loader output that
 * loaders/outputs.ts does not declare (those always run again).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import type {OutputSpec} from "../loaders/outputs.ts";

/** Cache entries that are not loader output: the vendored npm packages and Framework's node_modules bundles. */
const KEEP = new Set(["_npm", "_node", ".output-keys.json", ".figure-fingerprint"]);

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
