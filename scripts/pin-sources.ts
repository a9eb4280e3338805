/**
 * Writes the file pins (path, SHA-256, bytes) of data/sources.json from a
 * mirror's MANIFEST.sha256, for the files each source selects. Run it when a
 * source moves to a new commit; review the diff; commit it. Loaders verify
 * every file against these pins.
 *
 *   npx tsx scripts/pin-sources.ts [MIRROR]
 */
import {readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Registry} from "../loaders/source/sources.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const mirror = process.argv[2] ?? process.env.DATA_MIRROR ?? join(root, "..", "shared", "data", "mirror");
const registryPath = join(root, "data", "sources.json");
const registry: Registry = JSON.parse(readFileSync(registryPath, "utf8"));

const manifest = new Map<string, string>();
for (const line of readFileSync(join(mirror, "MANIFEST.sha256"), "utf8").split("\n")) {
  const match = /^([0-9a-f]{64})\s+\.?\/?(.+)$/.exec(line.trim());
  if (match) manifest.set(match[2], match[1]);
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\0").replace(/\*/g, "[^/]*").replace(/\0/g, ".*")}$`);
}

for (const source of registry.sources) {
  const prefix = `${source.repository}/${source.commit}/`;
  const patterns = source.select.map(globToRegExp);
  source.files = [...manifest.keys()]
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length))
    .filter((path) => patterns.some((pattern) => pattern.test(path)))
    .sort()
    .map((path) => ({path, sha256: manifest.get(prefix + path)!, bytes: statSync(join(mirror, prefix + path)).size}));
  if (!source.files.length) throw new Error(`${source.id}: no file in ${mirror} matches ${source.select.join(", ")}`);
  console.log(`${source.id}: ${source.files.length} files`);
}
writeFileSync(registryPath, `${JSON.stringify(registry, null, 2)}\n`);
