/**
 * Writes components/source-registry.ts: what pages, embeds and static figures
 * need to name a source and its licence (no file pins), projected from
 * data/sources.json so the browser gets it without loading the whole
 * registry. Run after editing data/sources.json; a unit test fails while the
 * two differ.
 *
 *   npx tsx scripts/source-registry.ts
 */
import {writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {registry, type Source} from "../loaders/source/sources.ts";

export function registrySummary(sources: Source[] = registry().sources) {
  return sources.map((s) => ({
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    attribution: s.attribution,
    repository: s.repository,
    commit: s.commit,
    homepage: s.homepage,
    data_licence: s.data_licence,
    repository_licence: s.repository_licence,
    terms_url: s.terms_url
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const text = `// Written by scripts/source-registry.ts from data/sources.json; do not edit by hand.
import type {SourceSummary} from "./provenance.js";

export const SOURCE_REGISTRY: SourceSummary[] = ${JSON.stringify(registrySummary(), null, 2)};
`;
  writeFileSync(join(root, "components", "source-registry.ts"), text);
  console.log("components/source-registry.ts written");
}
