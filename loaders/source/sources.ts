/**
 * The source registry (data/sources.json): every upstream file the atlas
 * reads, pinned to a repository commit and a SHA-256.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {projectRoot} from "./paths.ts";

export interface SourceFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Licence {
  /** Short name to cite (dl-de/by-2-0, ODbL 1.0). */
  name: string;
  title: string;
  url: string;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  /** The data licence by name as the source states it; null when the source states none. */
  data_licence: Licence | null;
  /** The licence of the repository the files are pinned in (code and packaging, not necessarily the data). */
  repository_licence: string | null;
  /** The publisher's own terms, linked wherever the source states no licence. */
  terms_url: string;
  /** The attribution line printed under every chart using the source. */
  attribution: string;
  /** owner/name of the GitHub repository the files are pinned in. */
  repository: string;
  commit: string;
  /** Where a reader finds the data at its publisher. */
  homepage: string;
  format: string;
  coverage: string;
  /** Notes a researcher needs (caveats, what the source is not). */
  notes?: string;
  /** Globs (relative to the repository) that pin-sources.ts pins. */
  select: string[];
  files: SourceFile[];
}

export interface Registry {
  sources: Source[];
}

let cached: Registry | undefined;

export function registry(): Registry {
  return (cached ??= JSON.parse(readFileSync(join(projectRoot, "data", "sources.json"), "utf8")));
}

export function source(id: string): Source {
  const found = registry().sources.find((s) => s.id === id);
  if (!found) throw new Error(`unknown source "${id}" (data/sources.json has ${registry().sources.map((s) => s.id).join(", ")})`);
  return found;
}

export function sourceFile(id: string, path: string): SourceFile {
  const file = source(id).files.find((f) => f.path === path);
  if (!file) throw new Error(`${id}: ${path} is not pinned in data/sources.json (run scripts/pin-sources.ts)`);
  return file;
}

/** The canonical URL of a pinned file: raw content at the pinned commit. */
export function canonicalUrl(src: Pick<Source, "repository" | "commit">, path: string): string {
  return `https://raw.githubusercontent.com/${src.repository}/${src.commit}/${path.split("/").map(encodeURIComponent).join("/")}`;
}

/** Where the file sits in a mirror (and in the download cache): owner/repo/commit/path. */
export function mirrorPath(src: Pick<Source, "repository" | "commit">, path: string): string {
  return join(src.repository, src.commit, path);
}
