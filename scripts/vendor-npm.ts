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
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const npmCache = join(root, "src", ".observablehq", "cache", "_npm");
const stamp = join(npmCache, ".vendored");

const require = createRequire(join(root, "package.json"));

/**
 * An ESM entry for a CommonJS package: esbuild cannot re-export `*` of a
 * CommonJS module by name, so the names are read from the package itself.
 */
function commonJsEntry(modules: string[]): string {
  const taken = new Set<string>();
  return modules
    .map((m) => {
      const names = Object.keys(require(m)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== "default" && !taken.has(k));
      for (const k of names) taken.add(k);
      return `export {${names.join(", ")}} from ${JSON.stringify(m)};`;
    })
    .join("\n");
}

/** Packages served under /_npm/, with the browser ESM entry to bundle. */
const PACKAGES: {name: string; entry?: string; contents?: () => string; files?: string[]}[] = [
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
  {name: "isoformat"},
  // Framework's client imports npm:react-dom (for JSX pages) in every build and
  // would ask the registry for its version: served from here, one React for both.
  {name: "react", contents: () => commonJsEntry(["react"])},
  {name: "react-dom", contents: () => commonJsEntry(["react-dom", "react-dom/client"])}
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

/**
 * Libraries Framework's client names for pages that might use them (its
 * recommended libraries, sample data sets). A build resolves only their
 * version, from the registry unless the cache has a `<name>@<version>`
 * folder. The atlas uses none of them: an empty folder with this version
 * settles it offline; a page that imports one gets a missing file, never a
 * download (vendor it above instead).
 */
const UNUSED_CLIENT_LIBRARIES = ["@observablehq/sample-datasets", "@uwdata/vgplot", "@viz-js/viz", "echarts", "exceljs", "jszip", "katex", "leaflet", "lodash", "mapbox-gl", "mermaid", "parquet-wasm", "sql.js", "vega", "vega-lite", "vega-lite-api"];
const NOT_VENDORED = "0.0.0-not-vendored";

export async function vendor({force = false} = {}): Promise<boolean> {
  const print = fingerprint();
  if (!force && existsSync(stamp) && readFileSync(stamp, "utf8") === print) return false;
  rmSync(npmCache, {recursive: true, force: true});
  // Framework's node_modules bundles (/_node/) are keyed by version only.
  rmSync(join(root, "src", ".observablehq", "cache", "_node"), {recursive: true, force: true});
  const versions = new Map(PACKAGES.map(({name}) => [name, version(name)]));
  for (const {name, entry, contents, files = []} of PACKAGES) {
    const dir = join(npmCache, `${name}@${versions.get(name)}`);
    mkdirSync(dir, {recursive: true});
    const result = await esbuild.build({
      // Without an explicit entry, esbuild resolves the package's browser ESM
      // build from the top-level node_modules.
      ...(entry
        ? {entryPoints: [join(packageDir(name), entry)]}
        : {stdin: {contents: contents?.() ?? `export * from ${JSON.stringify(name)};`, resolveDir: root}}),
      // React picks its production build by this.
      define: {"process.env.NODE_ENV": JSON.stringify("production")},
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
            const relativeTo = (dep: string) => {
              const target = posix.join(`${dep}@${versions.get(dep)}`, "_esm.js");
              const from = posix.dirname(posix.join(`${name}@${versions.get(name)}`, "_esm.js"));
              return posix.relative(from, target).replace(/^(?!\.)/, "./");
            };
            build.onResolve({filter: /^vendored:/}, (args) => ({path: relativeTo(args.path.slice("vendored:".length)), external: true}));
            build.onResolve({filter: /^[@a-z]/}, (args) => {
              const dep = packageName(args.path);
              if (dep === name || !versions.has(dep) || args.path !== dep) return undefined;
              // A CommonJS require() of another vendored package (react-dom → react) goes through
              // an ESM wrapper: a require() of an external file would fail in the browser.
              if (args.kind === "require-call") return {path: dep, namespace: "vendored-cjs"};
              return {path: relativeTo(dep), external: true};
            });
            build.onLoad({filter: /.*/, namespace: "vendored-cjs"}, (args) => ({contents: `export * from ${JSON.stringify(`vendored:${args.path}`)};`, loader: "js"}));
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
  for (const name of UNUSED_CLIENT_LIBRARIES) mkdirSync(join(npmCache, `${name}@${NOT_VENDORED}`), {recursive: true});
  writeFileSync(stamp, print);
  return true;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === "") {
  const done = await vendor({force: process.argv.includes("--force")});
  console.log(done ? `vendored ${PACKAGES.length} packages into ${relative(root, npmCache)}` : "npm cache up to date");
}
