/**
 * The static SVGs (src/abbildungen.tar.ts) are drawn by components/ and
 * scripts/static-figures.ts; Framework reruns a loader only when the loader
 * file itself is newer than its cached output. Drop the cached archive and
 * its extracted files when the chart code changes (data changes are handled
 * by data-fingerprint.ts, which drops every loader output).
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";

const INPUTS = ["components", "scripts/static-figures.ts", "scripts/profile-figures.ts", "src/abbildungen.tar.ts"];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) return yield path;
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

export function figureFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) for (const file of files(join(root, input))) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** Drops the cached static figures when the chart code changed; true when it did. */
export function invalidateStaleFigures(root: string): boolean {
  const cache = join(root, "src", ".observablehq", "cache");
  const stamp = join(cache, ".figure-fingerprint");
  const print = figureFingerprint(root);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === print) return false;
  rmSync(join(cache, "abbildungen.tar"), {force: true});
  rmSync(join(cache, "abbildungen"), {recursive: true, force: true});
  mkdirSync(cache, {recursive: true});
  writeFileSync(stamp, print);
  return true;
}
