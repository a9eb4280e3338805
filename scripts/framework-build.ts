/**
 * `observable build` for the atlas's 800 pages, with Framework 1.13.4's
 * per-page lookups answered once per build.
 *
 * Framework resolves each page's files and modules again for every page:
 * `find()` globs every parent folder for loaders and archives (52 archive
 * extensions per folder, 0.3 ms a glob), and module hashes re-read the
 * transitive imports. Nothing of that changes while one build runs (the
 * loaders' sources are fixed; their outputs are hashed separately), so the
 * answers are kept for the build. The archive search runs only for paths
 * under a folder that has an archive loader beside it (the atlas has one,
 * /abbildungen.tar). A profile of the load phase showed these lookups as a
 * fifth of Framework's time.
 *
 * Any other Framework version runs unchanged: the shortcuts depend on its
 * internals.
 */
import {existsSync, readdirSync} from "node:fs";
import {createRequire, register} from "node:module";
import {join, posix} from "node:path";
import {fileURLToPath} from "node:url";

const require = createRequire(import.meta.url);
/** The Framework version whose internals these shortcuts (and scripts/node-bundles.ts, scripts/sidebar-scripts.ts) call. */
export const FRAMEWORK_VERSION = "1.13.4";

/** Whether the installed Framework is the version whose internals are called here. */
export function pinnedFramework(): boolean {
  return (require("@observablehq/framework/package.json") as {version: string}).version === FRAMEWORK_VERSION;
}

/** Every file of the source tree outside dot folders (Framework's cache), as paths from the root ("data/sources.json.ts"). */
export function sourceFiles(root: string, dir = ""): string[] {
  return readdirSync(join(root, dir), {withFileTypes: true}).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : sourceFiles(root, path);
    return [path];
  });
}

/** Archive loaders (zip, tar, tgz, tar.gz, alone or with an interpreter's extension). */
const ARCHIVE = /\.(zip|tar|tgz|tar\.gz)(\.[^./]+)?$/;

/**
 * Whether Framework could find `target` inside one of these archives: it
 * looks for "<dir>.zip" (and the other extensions) for every folder above
 * the target. A parameterised archive or folder could match anything.
 */
export function archiveMayHold(archives: readonly string[], target: string): boolean {
  if (archives.some((a) => a.includes("["))) return true;
  const folders = new Set(archives.map((a) => `/${a.replace(ARCHIVE, "")}`));
  for (let dir = posix.dirname(target); dir !== "/" && dir !== "."; dir = posix.dirname(dir)) if (folders.has(dir)) return true;
  return false;
}

type Memoized = Record<string, unknown> & {root: string};

/**
 * Framework parses every page's HTML with a new jsdom window each time
 * (`new JSDOM("<!DOCTYPE html><body>" + html)`, twice or three times per
 * page): setting up a window cost 10 s of the build, parsing 13 s. Its uses
 * are synchronous and return strings, so one window serves them all, the
 * HTML parsed into its body (the same "in body" parsing). Installed before
 * Framework's modules load, which bind jsdom's export when they do.
 */
function poolHtmlParsing(): void {
  const frameworkRequire = createRequire(require.resolve("@observablehq/framework/package.json"));
  const jsdom = frameworkRequire("jsdom") as {JSDOM: new (html?: string, options?: object) => {window: {document: Document}}};
  const Original = jsdom.JSDOM;
  const PREFIX = "<!DOCTYPE html><body>";
  let pooled: {window: {document: Document}} | undefined;
  function PooledJSDOM(html?: string, options?: {virtualConsole?: unknown}) {
    if (typeof html !== "string" || !html.startsWith(PREFIX) || !options || Object.keys(options).some((k) => k !== "virtualConsole")) return new Original(html, options);
    pooled ??= new Original(PREFIX, options);
    pooled.window.document.body.innerHTML = html.slice(PREFIX.length);
    return {window: pooled.window};
  }
  PooledJSDOM.prototype = Original.prototype;
  jsdom.JSDOM = PooledJSDOM as unknown as typeof Original;
}

let installed = false;

/** Installs the shortcuts once; false (and nothing changed) for another Framework version. */
export async function shortcutLookups(): Promise<boolean> {
  if (!pinnedFramework()) return false;
  if (installed) return true;
  installed = true;
  poolHtmlParsing();
  // @ts-expect-error Framework ships no types for its internals.
  const {LoaderResolver} = await import("@observablehq/framework/dist/loader.js");
  const proto = LoaderResolver.prototype as Record<string, (this: Memoized, path: string) => unknown>;
  for (const name of ["find", "getModuleHash", "getSourceFileHash", "resolveImportPath"]) {
    const original = proto[name];
    const cache = new Map<string, unknown>();
    proto[name] = function (this: Memoized, path: string) {
      const key = `${this.root}\0${path}`;
      if (!cache.has(key)) cache.set(key, original.call(this, path));
      return cache.get(key);
    };
  }
  // The search index loads every page a second time (parsing its Markdown again): the build's own load is kept for it.
  const loadPage = proto.loadPage as unknown as (this: Memoized, path: string, ...rest: unknown[]) => Promise<unknown>;
  const pages = new Map<string, Promise<unknown>>();
  (proto as Record<string, unknown>).loadPage = function (this: Memoized, path: string, ...rest: unknown[]) {
    const key = `${this.root}\0${path}`;
    if (!pages.has(key)) {
      const loading = loadPage.call(this, path, ...rest);
      pages.set(key, loading);
      loading.catch(() => pages.delete(key));
    }
    return pages.get(key);
  };
  const findArchive = proto.findArchive;
  const archives = new Map<string, string[]>();
  proto.findArchive = function (this: Memoized, path: string) {
    if (!archives.has(this.root)) archives.set(this.root, sourceFiles(this.root).filter((path) => ARCHIVE.test(path)));
    return archiveMayHold(archives.get(this.root) as string[], path) ? findArchive.call(this, path) : undefined;
  };
  return true;
}

/**
 * The loaders of the source tree that are not parameterised ("sources.json.ts",
 * "index.md.ts", "abbildungen.tar.ts"), as the paths Framework asks for.
 */
export function loaderTargets(root: string): string[] {
  return sourceFiles(root).flatMap((path) => {
    if (path.startsWith("components/") || path.includes("[") || /(^|\/)\./.test(path)) return [];
    const loader = /^(.+\.[a-z]+)\.(js|ts)$/.exec(path);
    return loader ? [`/${loader[1]}`] : [];
  });
}

interface Loader {
  path: string;
  load(...args: unknown[]): Promise<string>;
}

interface Loaders {
  find(path: string): Loader | undefined;
}

/**
 * Resolves when the file `marker` exists: `npm run build` finishes the data
 * outputs and draws the static figures in its own process while Framework
 * reads the pages, puts them into Framework's cache and then writes the
 * marker. Rejects if that process goes away first (this one would wait
 * forever).
 */
function whenReady(marker: string, parent = process.ppid): Promise<void> {
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (existsSync(marker)) {
        clearInterval(poll);
        resolve();
      } else if (process.ppid !== parent) {
        clearInterval(poll);
        reject(new Error(`the build step that writes the data outputs ended before it wrote ${marker}`));
      }
    }, 50);
  });
}

/**
 * Makes every load of a file that one of `loaderPaths` produces (a data
 * file; the archive of the figures and each file in it) wait for `ready`:
 * Framework then finds it in its cache, fresh, and runs no loader of its
 * own. Framework loads files only after it has read every page.
 */
export function awaitLoaders(loaders: Loaders, loaderPaths: ReadonlySet<string>, ready: Promise<void>, log: (line: string) => void = console.log): void {
  const find = loaders.find.bind(loaders);
  let asked: number | undefined;
  // How long Framework stood still for them (the build log says so; 0 when they came in time).
  ready.then(() => asked !== undefined && log(`\nbuild: Framework waited ${((performance.now() - asked) / 1000).toFixed(1)} s for the outputs of the build step`), () => {});
  loaders.find = (path: string) => {
    const loader = find(path);
    if (!loader || !loaderPaths.has(loader.path) || (loader as {ready?: boolean}).ready) return loader;
    const load = loader.load.bind(loader);
    return Object.assign(loader, {ready: true, load: async (...args: unknown[]) => ((asked ??= performance.now()), await ready, load(...args))});
  };
}

/**
 * Starts the loaders one after another in the background while Framework
 * reads the pages: they run as processes on the second core, and Framework,
 * when it gets to a file, waits for the run already under way instead of
 * starting its own (it shares runs of one loader within the process). A
 * loader whose output is cached and fresh returns at once. The archive of
 * the static figures goes first (36 s when the charts changed).
 */
function startLoaders(loaders: Loaders, root: string, skip: (target: string) => boolean = () => false): Promise<void> {
  const targets = loaderTargets(root).filter((t) => !skip(t)).sort((a, b) => Number(b.endsWith(".tar")) - Number(a.endsWith(".tar")));
  return (async () => {
    for (const target of targets) await loaders.find(target)?.load().catch(() => {});
  })();
}

/**
 * Whether post-processing leaves a built file as Framework wrote it: not the
 * pages, stylesheets and Framework's own client (German text, first paint,
 * CSP go in there, scripts/postprocess.ts).
 */
export function finalAsWritten(outputPath: string): boolean {
  const path = outputPath.replace(/^\/+/, "");
  return !/\.(html|css)$/.test(path) && !path.startsWith("_observablehq/");
}

/**
 * Framework's file effects, and every file written that post-processing
 * keeps as it is compressed into the compression cache meanwhile, one at a
 * time on zlib's thread pool (scripts/precompress.ts, `compressAhead`).
 */
async function compressingEffects(outputRoot: string, cacheDir: string, compressCache: string) {
  // @ts-expect-error Framework ships no types for its internals.
  const {FileBuildEffects} = await import("@observablehq/framework/dist/build.js");
  const {compressAhead} = await import("./precompress.ts");
  let queue = Promise.resolve();
  let stopped = false;
  const ahead = (outputPath: string) => {
    if (!finalAsWritten(outputPath)) return;
    const file = join(outputRoot, outputPath);
    // A failure here only costs the time: post-processing compresses the file again and reports.
    queue = queue.then(() => (stopped ? undefined : compressAhead(file, {cacheDir: compressCache}))).catch(() => {});
  };
  const effects = new FileBuildEffects(outputRoot, cacheDir) as {copyFile(s: string, o: string): Promise<void>; writeFile(o: string, c: unknown): Promise<void>; done: () => Promise<void>};
  const {copyFile, writeFile} = effects;
  effects.copyFile = async (sourcePath, outputPath) => (await copyFile.call(effects, sourcePath, outputPath), ahead(outputPath));
  effects.writeFile = async (outputPath, contents) => (await writeFile.call(effects, outputPath, contents), ahead(outputPath));
  // When Framework is done, what is still queued is left to post-processing (on every core); the one under way finishes.
  effects.done = () => ((stopped = true), queue);
  return effects;
}

/** Runs the build of the config file given as the first argument. */
async function main(configPath: string): Promise<void> {
  // Before Framework's renderer loads (this process runs under tsx): the sidebar's scripts bundled once per folder (scripts/sidebar-scripts.ts).
  const hooked = pinnedFramework();
  if (hooked) register("./framework-hooks.ts", import.meta.url);
  const shortcuts = await shortcutLookups();
  // @ts-expect-error Framework ships no types for its internals.
  const {readConfig} = await import("@observablehq/framework/dist/config.js");
  // @ts-expect-error Framework ships no types for its internals.
  const {build} = await import("@observablehq/framework/dist/build.js");
  const config = await readConfig(configPath);
  // Outputs the build step is still writing (ATLAS_PENDING_LOADERS: their loaders; ATLAS_OUTPUTS_READY: the marker it writes when done).
  const pending = new Set<string>(JSON.parse(process.env.ATLAS_PENDING_LOADERS ?? "[]"));
  const marker = process.env.ATLAS_OUTPUTS_READY;
  if (marker && pending.size) awaitLoaders(config.loaders, pending, whenReady(marker));
  // Errors are Framework's to report: it runs a failed loader again when it needs the file.
  const early = shortcuts ? startLoaders(config.loaders, config.root, (target) => Boolean(marker) && pending.has(`${target.slice(1)}.ts`)) : Promise.resolve();
  // ATLAS_COMPRESS_CACHE: `npm run build` compresses what it can while Framework runs.
  const compressCache = shortcuts ? process.env.ATLAS_COMPRESS_CACHE : undefined;
  const effects = compressCache ? await compressingEffects(config.output, join(config.root, ".observablehq", "cache"), compressCache) : undefined;
  await build({config}, ...(effects ? [effects] : []));
  if (hooked) {
    const {sidebarBundles} = await import("./sidebar-scripts.ts");
    const {made, uses} = sidebarBundles();
    console.log(`framework: the sidebar's scripts bundled ${made} times for ${uses} uses`);
  }
  await early;
  await effects?.done();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv[2]);
}
