/**
 * Framework bundles each bare import of the pages and components (d3,
 * Plot, topojson-client, apache-arrow and what they import) with rollup into
 * src/.observablehq/cache/_node when it first meets it, on its one thread:
 * about 8 s of a build without that cache. This runs Framework's own
 * bundling beforehand, in a process of its own that `npm run build` starts
 * while it builds the data (on the core that step leaves idle), so that
 * Framework finds the bundles made. Only for the Framework version whose
 * internals it calls; any other version bundles as before.
 */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {pinnedFramework, sourceFiles} from "./framework-build.ts";

const require = createRequire(import.meta.url);
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"'./][^"']*)["']/g;
const PACKAGE = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]+)?$/;

/** The bare specifiers imported anywhere under the folders ("d3", "@observablehq/plot"), but node: and npm: ones. */
export function bareImports(dirs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const dir of dirs) {
    for (const file of sourceFiles(dir).filter((path) => /\.(js|ts|md)$/.test(path))) {
      for (const [, specifier] of readFileSync(join(dir, file), "utf8").matchAll(IMPORT)) if (PACKAGE.test(specifier)) found.add(specifier);
    }
  }
  return [...found].sort();
}

/** Bundles every bare import of `components/` and the pages into the cache of the Framework root `root`; returns what was bundled or failed. */
export async function bundleNodeImports(root: string, dirs: readonly string[]): Promise<{bundled: string[]; failed: string[]}> {
  if (!pinnedFramework()) return {bundled: [], failed: []};
  // @ts-expect-error Framework ships no types for its internals.
  const {resolveNodeImport} = await import("@observablehq/framework/dist/node.js");
  const bundled: string[] = [];
  const failed: string[] = [];
  for (const specifier of bareImports(dirs)) {
    try {
      require.resolve(specifier, {paths: [root]});
    } catch {
      continue; // not installed: Framework resolves it from npm: (the vendored cache) instead
    }
    try {
      await resolveNodeImport(root, specifier);
      bundled.push(specifier);
    } catch (error) {
      // Framework bundles it again when it meets it and reports the error there.
      failed.push(`${specifier}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {bundled, failed};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = "src", ...dirs] = process.argv.slice(2);
  const {failed} = await bundleNodeImports(root, dirs.length ? dirs : ["components", root]);
  for (const line of failed) console.error(`node bundles: ${line}`);
}
