/**
 * Which sources the build could read, verified. Pages show a notice for a
 * missing source (naming it and how to get it); the build prints the list;
 * strict mode fails on it.
 */
import {SourceError, SourceUnavailableError} from "./errors.ts";
import {readSource} from "./fetch.ts";
import {downloadCacheDir, mirrorDir, projectRoot} from "./paths.ts";
import {canonicalUrl, registry, type Source} from "./sources.ts";

export interface SourceStatus {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  data_licence: Source["data_licence"];
  repository_licence: string | null;
  terms_url: string;
  attribution: string;
  homepage: string;
  repository: string;
  commit: string;
  coverage: string;
  notes: string;
  files: number;
  bytes: number;
  /** Files that could not be read or failed verification, with the reason. */
  problems: {path: string; url: string; error: string; kind: "missing" | "corrupt"}[];
  available: boolean;
}

export async function sourceStatus(src: Source, options: Parameters<typeof readSource>[2] = {}): Promise<SourceStatus> {
  const problems: SourceStatus["problems"] = [];
  for (const file of src.files) {
    try {
      await readSource(src.id, file.path, options);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      problems.push({path: file.path, url: canonicalUrl(src, file.path), error: withoutMachinePaths(error.message, options.env), kind: error instanceof SourceUnavailableError ? "missing" : "corrupt"});
    }
  }
  return {
    id: src.id,
    title: src.title,
    publisher: src.publisher,
    licence: src.licence,
    data_licence: src.data_licence,
    repository_licence: src.repository_licence,
    terms_url: src.terms_url,
    attribution: src.attribution,
    homepage: src.homepage,
    repository: src.repository,
    commit: src.commit,
    coverage: src.coverage,
    notes: src.notes ?? "",
    files: src.files.length,
    bytes: src.files.reduce((sum, f) => sum + f.bytes, 0),
    problems,
    available: problems.length === 0
  };
}

/**
 * The message as it may be published: folders of the build machine (the
 * mirror, the download cache, the project) by their setting, not their path.
 */
export function withoutMachinePaths(message: string, env: NodeJS.ProcessEnv = process.env): string {
  const folders: [string | undefined, string][] = [
    [mirrorDir(env), "$DATA_MIRROR"],
    [downloadCacheDir(env), "$DATA_CACHE"],
    [projectRoot, "."]
  ];
  let out = message;
  for (const [folder, name] of folders) if (folder) out = out.split(folder).join(name);
  return out;
}

export async function allSourceStatus(options: Parameters<typeof readSource>[2] = {}): Promise<SourceStatus[]> {
  const out: SourceStatus[] = [];
  for (const src of registry().sources) out.push(await sourceStatus(src, options));
  return out;
}

/** How a reader or developer gets a missing source (German, for the page notice). */
export function howToGet(status: Pick<SourceStatus, "repository" | "commit">): string {
  return `Ordner mit einer Kopie der Dateien als DATA_MIRROR angeben (Aufbau <Besitzer>/<Repository>/<Commit>/<Pfad>) oder den Bau mit Netzzugang zu raw.githubusercontent.com wiederholen; Quelle: ${status.repository} @ ${status.commit.slice(0, 7)}.`;
}
