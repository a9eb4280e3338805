/**
 * Where a number comes from, as links a researcher can follow: the pinned
 * commit, a file at that commit (line-exact where the reference is a line),
 * the line of a concept document, and each source's licence by name — or,
 * where the source states none, that fact and a link to its own terms.
 */
import {SOURCE_REGISTRY} from "./source-registry.js";

export interface Licence {
  name: string;
  title: string;
  url: string;
}

export interface SourceSummary {
  id: string;
  title: string;
  publisher: string;
  attribution: string;
  repository: string;
  commit: string;
  homepage: string;
  data_licence: Licence | null;
  repository_licence: string | null;
  terms_url: string;
}

/** A source behind a figure and the pinned files the figure's numbers come from. */
export interface SourceRef {
  id: string;
  files?: string[];
  /** SHA-256 of those files by path, where the figure was made beside the register (the build); else the register page has them. */
  sha256?: Record<string, string>;
}

// Data files only: a reference's other words (row, column, „/“ between two facts) are no paths.
const FILE_IN_REFERENCE = /(?:^|[\s;(])((?:[\w.-]+\/)*[\w.-]+\.(?:csv|json|geojson|xlsx|parquet|yml|md))(?=$|[\s#:;,)])/g;

/**
 * The files a fact's reference names, as the fact model keeps it
 * (`source_file`): „data/indicator_1-2-2.csv“, „….json#K3_T41 var3“, a derived
 * value's „a.json row 3 (…) / b.json#K3_T35 var3“ → the paths, once each.
 */
export function filesOfReference(ref: string): string[] {
  return [...new Set([...ref.matchAll(FILE_IN_REFERENCE)].map((m) => m[1]))];
}

/**
 * The sources and files behind a set of facts, from their own provenance
 * (source_id and source_file of each): what a figure's „Quelle“ lists, in the
 * order the facts first name them. Sources outside the register (concept
 * documents, cited by line elsewhere) are left out.
 */
export function sourcesOfFacts(facts: Iterable<{source_id: string; source_file: string}>, registry: SourceSummary[] = SOURCE_REGISTRY): SourceRef[] {
  const files = new Map<string, Set<string>>();
  for (const f of facts) {
    if (!sourceSummary(f.source_id, registry)) continue;
    const set = files.get(f.source_id) ?? files.set(f.source_id, new Set()).get(f.source_id)!;
    for (const path of filesOfReference(f.source_file)) set.add(path);
  }
  return [...files].map(([id, paths]) => ({id, files: [...paths].sort()}));
}

export function sourceSummary(id: string, registry: SourceSummary[] = SOURCE_REGISTRY): SourceSummary | undefined {
  return registry.find((s) => s.id === id);
}

const encodePath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

/** The repository's tree at the pinned commit. */
export function commitUrl(src: Pick<SourceSummary, "repository" | "commit">): string {
  return `https://github.com/${src.repository}/tree/${src.commit}`;
}

/** The canonical URL of a pinned file: its raw bytes at the pinned commit (what the SHA-256 is of). */
export function rawUrl(src: Pick<SourceSummary, "repository" | "commit">, path: string): string {
  return `https://raw.githubusercontent.com/${src.repository}/${src.commit}/${encodePath(path)}`;
}

/** A file at the pinned commit as GitHub shows it, at a line when there is one. */
export function blobUrl(src: Pick<SourceSummary, "repository" | "commit">, path: string, line?: number | null): string {
  return `https://github.com/${src.repository}/blob/${src.commit}/${encodePath(path)}${line ? `#L${line}` : ""}`;
}

/** „dl-de/by-2-0“, or what the source states when it names no licence. */
export function licenceOf(src: SourceSummary): string {
  return src.data_licence ? src.data_licence.name : `keine Lizenz genannt; Nutzungsbedingungen: ${src.terms_url}`;
}

/** The licence line of a figure: each source with its licence by name, in order, once. */
export function licenceText(ids: string[], registry: SourceSummary[] = SOURCE_REGISTRY): string {
  return [...new Set(ids)]
    .map((id) => {
      const src = sourceSummary(id, registry);
      if (!src) throw new Error(`licenceText: unknown source "${id}"`);
      // Attributions that already end in the licence („…, ODbL“) name it once, in full.
      return `${src.attribution.replace(/, (ODbL|dl-de\/by-2-0)$/, "")}: ${licenceOf(src)}`;
    })
    .join("; ");
}

/** How captions name the registry's sources (a figure that lists no sources of its own is matched by its source line). */
const NAMED_AS: [string, RegExp][] = [
  ["im-niedersachsen", /Integrationsmonitoring Niedersachsen/],
  ["kiss-md", /KISS-MD/],
  ["destatis-kreise", /Destatis|Statistisches Bundesamt/],
  ["vg250-ew", /VG250/],
  ["goettingen-sdg", /GÖSIS|SDG 10-1/]
];

/** Registry sources a caption's source line names, in registry order. */
export function sourcesNamedIn(text: string): string[] {
  return NAMED_AS.filter(([, pattern]) => pattern.test(text)).map(([id]) => id);
}

/** Concept documents by seed-file number: their reproduction page shows every printed number with its line. */
const DOCUMENT_SLUGS: Record<string, string> = {"000": "goettingen", "001": "wolfsburg", "002": "region-hannover", "003": "rotenburg", "004": "magdeburg"};

export interface RefLink {
  /** The reference as the finding prints it. */
  text: string;
  /** Where it leads: a GitHub file (and line) at the pinned commit, or a line of a concept document; null when it cannot be resolved. */
  href: string | null;
  /** A file at a commit, or a concept document's line. */
  kind: "file" | "document" | null;
}

/**
 * One link per part of a finding's "Fundstelle": `data/indicator_1-2-3.csv:628`
 * (a CSV line), `….json row 22 (K3_T36 var6)` (an entry of a JSON array: the
 * file, no line), `000_cf2b7c23d95d113b.txt:331 (abb10)` (a line of a concept
 * document). `root` is the site's root as seen from the linking page.
 */
export function refLinks(ref: string, sourceId: string, {root = "/", registry = SOURCE_REGISTRY}: {root?: string; registry?: SourceSummary[]} = {}): RefLink[] {
  if (!ref) return [];
  const src = sourceSummary(sourceId, registry);
  return ref.split("; ").map((text) => {
    const match = /^(\S+?)(?::(\d+))?(?:\s.*)?$/.exec(text.trim());
    if (!match || text.trim() === "…") return {text, href: null, kind: null};
    const [, path, line] = match;
    const seed = /^(\d{3})_[0-9a-f]{16}\.txt$/.exec(path);
    if (seed) {
      const slug = DOCUMENT_SLUGS[seed[1]];
      return slug ? {text, href: `${root}reproduktion/${slug}${line ? `#${slug}-z${line}` : ""}`, kind: "document"} : {text, href: null, kind: null};
    }
    if (!src || !/[./]/.test(path)) return {text, href: null, kind: null};
    return {text, href: blobUrl(src, path, line ? Number(line) : null), kind: "file"};
  });
}
