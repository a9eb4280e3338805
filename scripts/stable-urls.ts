/**
 * Stable addresses for what report authors link to, next to Framework's
 * content-hashed files (which change with every data update):
 * - /abbildungen/<id>.svg: the static SVG of each chart (from
 *   _file/abbildungen/<id>.<hash>.svg);
 * - /modul/abbildungen.js: the chart module with renderChart(id, options),
 *   wired to this build's data files.
 * Runs after `observable build`, before post-processing (which compresses
 * these copies too).
 */
import {copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";

/** `name.<8 hex>.ext` → `name.ext`; else null. */
export function unhashed(file: string): string | null {
  const m = /^(.+)\.[0-9a-f]{8}(\.[a-z0-9]+)$/.exec(file);
  return m ? m[1] + m[2] : null;
}

function* files(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!/\.(gz|br)$/.test(entry)) yield path;
  }
}

export interface StableReport {
  figures: string[];
  module: boolean;
}

export function stableUrls(dist: string): StableReport {
  const figures: string[] = [];
  const source = join(dist, "_file", "abbildungen");
  for (const path of files(source)) {
    // Kept in their folder: /abbildungen/orte/<id>.svg as well as /abbildungen/<id>.svg.
    const rel = relative(source, path).split("/");
    const name = unhashed(rel.pop() as string);
    if (!name?.endsWith(".svg")) continue;
    const target = join(dist, "abbildungen", ...rel);
    mkdirSync(target, {recursive: true});
    copyFileSync(path, join(target, name));
    figures.push([...rel, name.replace(/\.svg$/, "")].join("/"));
  }
  const charts = join(dist, "_import", "components", "charts");
  const embed = existsSync(charts) ? readdirSync(charts).find((f) => unhashed(f) === "embed.js") : undefined;
  if (embed) {
    const data: Record<string, string> = {};
    const dataDir = join(dist, "_file", "data");
    for (const path of files(dataDir)) {
      const rel = relative(dataDir, path);
      const name = unhashed(rel.split("/").pop() as string);
      if (name) data[rel.includes("/") ? `${rel.split("/").slice(0, -1).join("/")}/${name}` : name] = `../_file/data/${rel}`;
    }
    const module = `// Stable address of the Integrationsatlas chart module, written at build time (scripts/stable-urls.ts).
// renderChart(id, {params, width}) draws a chart as its embed page does, from this build's data files.
import {renderChart as render} from "../_import/components/charts/${embed}";
export * from "../_import/components/charts/${embed}";
export const FILES = Object.fromEntries(Object.entries(${JSON.stringify(data, null, 2)}).map(([name, path]) => [name, new URL(path, import.meta.url).href]));
export function renderChart(id, options = {}) {
  return render(id, {files: FILES, ...options});
}
`;
    mkdirSync(join(dist, "modul"), {recursive: true});
    writeFileSync(join(dist, "modul", "abbildungen.js"), module);
  }
  return {figures: figures.sort(), module: embed !== undefined};
}
