/**
 * Framework reruns a data loader only when its output is missing from
 * src/.observablehq/cache, so an edited loader (or a new mirror, or a changed
 * transcription) would ship stale data. We fingerprint everything a loader
 * reads and drop the cached outputs when the fingerprint moves.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";

/** Folders and files whose content decides every loader's output. */
const INPUTS = ["src/data", "loaders", "data", "package-lock.json"];
/** Cache entries that are not loader output. */
const KEEP = new Set(["_npm", "_node", ".data-fingerprint"]);

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) return yield path;
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

export function dataFingerprint(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  // Where the loaders read upstream files from, and what is there.
  const mirror = env.DATA_MIRROR ?? join(root, "..", "shared", "data", "mirror");
  hash.update(`mirror=${mirror}\0strict=${env.ATLAS_STRICT ?? ""}\0`);
  const manifest = join(mirror, "MANIFEST.sha256");
  hash.update(existsSync(manifest) ? readFileSync(manifest) : "no manifest");
  return hash.digest("hex");
}

/** Drops cached loader outputs when the inputs changed; returns how many. */
export function invalidateStaleData(root: string, env: NodeJS.ProcessEnv = process.env): number {
  const cache = join(root, "src", ".observablehq", "cache");
  const stamp = join(cache, ".data-fingerprint");
  const print = dataFingerprint(root, env);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === print) return 0;
  let dropped = 0;
  if (existsSync(cache)) {
    for (const entry of readdirSync(cache)) {
      if (KEEP.has(entry)) continue;
      dropped += [...files(join(cache, entry))].length;
      rmSync(join(cache, entry), {recursive: true, force: true});
    }
  }
  mkdirSync(cache, {recursive: true});
  writeFileSync(stamp, print);
  return dropped;
}
