import {existsSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** The repository root (this file sits in loaders/source/). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The mirror folder: DATA_MIRROR when set (an empty value switches the
 * mirror off), else ../shared/data/mirror when it exists.
 */
export function mirrorDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DATA_MIRROR !== undefined) return env.DATA_MIRROR === "" ? undefined : resolve(env.DATA_MIRROR);
  const shared = join(projectRoot, "..", "shared", "data", "mirror");
  return existsSync(shared) ? shared : undefined;
}

/** The local download cache for files fetched over HTTP. */
export function downloadCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATA_CACHE ?? join(projectRoot, ".cache", "sources"));
}

/** Strict mode (CI): a missing source fails the build instead of becoming a page notice. */
export function isStrict(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ATLAS_STRICT === "1" || env.ATLAS_STRICT === "true";
}
