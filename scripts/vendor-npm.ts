/**
 * Fills Observable Framework's npm cache (src/.observablehq/cache/_npm) from
 * node_modules, so that `npm:` imports, implicit imports (Plot, d3, Inputs,
 * Arrow, aq, topojson, sql blocks) and DuckDB-WASM resolve without a CDN.
 *
 * Framework looks for `_npm/<name>@<version>/_esm.js` before it fetches
 * anything; the directory name also settles the version. Each package becomes
 * one ESM bundle; imports of other vendored packages stay relative imports of
 * their cache folders, so there is exactly one apache-arrow (DuckDB-WASM and
 * the page must share it, see ../shared/design/offline-build.md).
 */
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join, posix, relative} from "node:path";
import {fileURLToPath} from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const npmCache = join(root, "src", ".observablehq", "cache", "_npm");
const stamp = join(npmCache, ".vendored");

/** Packages served under /_npm/, with the browser ESM entry to bundle. */
const PACKAGES: {name: string; entry?: string; files?: string[]}[] = [
  {name: "apache-arrow"},
  {
    name: "@duckdb/duckdb-wasm",
    entry: "dist/duckdb-browser.mjs",
    files: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js"
    ]
  },
  {name: "d3"},
  {name: "d3-dsv"},
  {name: "htl"},
  {name: "@observablehq/plot"},
  {name: "arquero"},
  {name: "topojson-client"},
  // Imported by Framework's Inputs (stdlib) as npm:isoformat.
  {name: "isoformat"}
];

function packageDir(name: string): string {
  // The top-level copy only: nested copies (duckdb-wasm's own apache-arrow)
  // are exactly what must not be bundled.
  for (const base of [root, join(root, "node_modules/@observablehq/framework")]) {
    const dir = join(base, "node_modules", name);
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error(`vendor-npm: ${name} is not installed; run npm install`);
}

function version(name: string): string {
  return JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")).version;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The fingerprint of what is vendored: the lockfile and this script. */
function fingerprint(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(join(root, "package-lock.json")));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  return hash.digest("hex");
}

export async function vendor({force = false} = {}): Promise<boolean> {
  const print = fingerprint();
  if (!force && existsSync(stamp) && readFileSync(stamp, "utf8") === print) return false;
  rmSync(npmCache, {recursive: true, force: true});
  // Framework's node_modules bundles (/_node/) are keyed by version only.
  rmSync(join(root, "src", ".observablehq", "cache", "_node"), {recursive: true, force: true});
  const versions = new Map(PACKAGES.map(({name}) => [name, version(name)]));
  for (const {name, entry, files = []} of PACKAGES) {
    const dir = join(npmCache, `${name}@${versions.get(name)}`);
    mkdirSync(dir, {recursive: true});
    const result = await esbuild.build({
      // Without an explicit entry, esbuild resolves the package's browser ESM
      // build from the top-level node_modules.
      ...(entry
        ? {entryPoints: [join(packageDir(name), entry)]}
        : {stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: root}}),
      conditions: ["browser", "import"],
      mainFields: ["browser", "module", "main"],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      write: false,
      legalComments: "none",
      logLevel: "error",
      plugins: [
        {
          name: "vendored-externals",
          setup(build) {
            build.onResolve({filter: /^[@a-z]/}, (args) => {
              const dep = packageName(args.path);
              if (dep === name || !versions.has(dep) || args.path !== dep) return undefined;
              const target = posix.join(`${dep}@${versions.get(dep)}`, "_esm.js");
              const from = posix.dirname(posix.join(`${name}@${versions.get(name)}`, "_esm.js"));
              return {path: posix.relative(from, target).replace(/^(?!\.)/, "./"), external: true};
            });
          }
        }
      ]
    });
    writeFileSync(join(dir, "_esm.js"), result.outputFiles[0].text);
    for (const file of files) {
      mkdirSync(join(dir, dirname(file)), {recursive: true});
      copyFileSync(join(packageDir(name), file), join(dir, file));
    }
  }
  writeFileSync(stamp, print);
  return true;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === "") {
  const done = await vendor({force: process.argv.includes("--force")});
  console.log(done ? `vendored ${PACKAGES.length} packages into ${relative(root, npmCache)}` : "npm cache up to date");
}
