/**
 * npm run build: the one way the site is built.
 *
 * 1. fill Framework's npm cache from node_modules (no CDN);
 * 2. copy components/ into the Framework root;
 * 3. build every data output whose inputs changed, once, into the output
 *    store (loaders/output-store.ts; tables shared), and drop Framework's
 *    cached copies of exactly those (Framework would reuse a stale copy);
 * 4. observable build (scripts/framework-build.ts), telemetry off;
 * 5. post-process dist/: lang="de", Content-Security-Policy, precompressed
 *    copies; and refuse any reference that loads from a third-party host.
 */
import {spawnSync} from "node:child_process";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {dropStaleLoaderOutputs, writeGeneratedPages, writeStoredOutputs} from "./framework-cache.ts";
import {ensureAllOutputs, ensureOutput, outputDir} from "../loaders/output-store.ts";
import {OUTPUTS} from "../loaders/outputs.ts";
import {writeAtomic} from "../loaders/source/fetch.ts";
import {writeNginxCspMap} from "./nginx.ts";
import {postprocess} from "./postprocess.ts";
import {invalidateStaleFigures} from "./figure-fingerprint.ts";
import {stableUrls} from "./stable-urls.ts";
import {syncComponents} from "./sync-components.ts";
import {vendor} from "./vendor-npm.ts";
import {availability} from "../loaders/source/fetch.ts";
import {isStrict} from "../loaders/source/paths.ts";
import {registry} from "../loaders/source/sources.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const frameworkBuild = join(root, "scripts/framework-build.ts");

/**
 * Lists the sources with no local copy (mirror or download cache). Online,
 * the loaders will still fetch them; offline, their tables stay empty and the
 * pages say so. Strict mode (CI) refuses to build without them.
 */
function reportMissingSources(log: (message: string) => void): void {
  const missing = registry().sources.map((s) => ({id: s.id, ...availability(s.id)})).filter((s) => s.missing.length);
  if (!missing.length) return;
  const lines = missing.map((s) => `  ${s.id}: ${s.missing.length} of ${s.missing.length + s.available.length} files without a local copy (${s.missing.slice(0, 3).join(", ")}${s.missing.length > 3 ? ", …" : ""})`);
  if (isStrict()) throw new Error(`sources missing (ATLAS_STRICT=1; set DATA_MIRROR to a mirror folder):\n${lines.join("\n")}`);
  log(`build: sources without a local copy (fetched over HTTP if the network allows, else their pages show a notice):\n${lines.join("\n")}`);
}

/** What the output store did in the last build of this process (the benchmark prints it). */
export let lastStore: Awaited<ReturnType<typeof ensureAllOutputs>> | undefined;

export interface BuildOptions {
  /** Project folder holding the config, src/ and dist/. */
  cwd?: string;
  /** The atlas itself needs its npm cache, components and data checks. */
  site?: boolean;
  /** Tests build deliberately broken fixtures past the third-party guard. */
  allowThirdParty?: boolean;
  quiet?: boolean;
}

export async function build({cwd = root, site = cwd === root, allowThirdParty = false, quiet = false}: BuildOptions = {}) {
  const t0 = performance.now();
  let keysFile: string | undefined;
  const log = quiet ? () => {} : console.log;
  if (site) {
    if (await vendor()) log("build: npm cache filled from node_modules");
    syncComponents();
    if (invalidateStaleFigures(root)) log("build: chart code changed, static figures will be redrawn");
    reportMissingSources(log);
    const t1 = performance.now();
    const store = await ensureAllOutputs();
    const missing = Object.entries(store.missing).map(([name, ids]) => `${name} (${ids.join(", ")})`);
    log(`build: outputs: ${store.rebuilt.length} rebuilt, ${store.reused.length} reused of ${OUTPUTS.length} in ${((performance.now() - t1) / 1000).toFixed(1)} s${missing.length ? `; built without a source: ${missing.join("; ")}` : ""}`);
    const dropped = dropStaleLoaderOutputs(root, OUTPUTS, store.keys);
    if (dropped) log(`build: ${dropped} cached loader outputs of Framework dropped (inputs changed or undeclared)`);
    const stored = writeStoredOutputs(root, OUTPUTS, outputDir());
    log(`build: ${stored} data files put into Framework's cache from the output store (no loader process for them)`);
    // Every generated page (profiles, 197 chart embeds, catalogue) in one step instead of one loader process each.
    const bundle = JSON.parse((await ensureOutput("site-bundle")).bytes.toString("utf8")) as {pages: Record<string, string>};
    const pages = writeGeneratedPages(root, bundle.pages);
    log(`build: ${Object.keys(bundle.pages).length} generated pages from the site bundle, ${pages} written`);
    // The loader processes Framework starts serve what this step ensured, without hashing the inputs again.
    keysFile = `${outputDir()}/.build-keys.json`;
    writeAtomic(keysFile, JSON.stringify(store.keys));
    lastStore = store;
    // For the benchmark, which runs the build quietly in its own process.
    writeAtomic(`${outputDir()}/.last-build.json`, JSON.stringify({rebuilt: store.rebuilt, reused: store.reused, pagesWritten: pages}));
  }
  const tFramework = performance.now();
  // Under tsx so that the TypeScript config file can be imported; Framework's build with its per-page lookups kept for the build (scripts/framework-build.ts).
  // A larger young generation: Framework's jsdom parses allocate a lot of short-lived objects (fewer scavenges).
  const result = spawnSync(
    process.execPath,
    ["--max-semi-space-size=32", "--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, frameworkBuild, join(cwd, "observablehq.config.ts")],
    {cwd, stdio: quiet ? "pipe" : "inherit", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...(keysFile ? {ATLAS_OUTPUT_KEYS: keysFile} : {}), ...(site ? {ATLAS_PAGE_CHROME: "postprocess"} : {})}}
  );
  if (result.status !== 0) {
    throw new Error(`observable build failed (exit ${result.status})\n${result.stderr ?? ""}${result.stdout ?? ""}`);
  }
  const t2 = performance.now();
  log(`build: Framework built the pages in ${((t2 - tFramework) / 1000).toFixed(1)} s`);
  if (site) {
    const stable = stableUrls(join(cwd, "dist"));
    log(`build: ${stable.figures.length} static figures at /abbildungen/, chart module ${stable.module ? "at /modul/abbildungen.js" : "missing"}`);
  }
  const report = await postprocess(join(cwd, "dist"), {allowThirdParty, chrome: site});
  // After postprocess: the policies are final; nginx reads them from this map (deploy/nginx/).
  writeNginxCspMap(join(cwd, "dist"));
  log(`build: ${report.pages} pages, ${report.compressed} files precompressed (${report.cached} unchanged, from the cache) in ${((performance.now() - t2) / 1000).toFixed(1)} s after Framework; ${((performance.now() - t0) / 1000).toFixed(1)} s in all`);
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
