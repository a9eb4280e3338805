/**
 * npm run build: the one way the site is built.
 *
 * 1. fill Framework's npm cache from node_modules (no CDN), copy
 *    components/ into the Framework root, and start bundling the node
 *    imports in a process of its own (scripts/node-bundles.ts);
 * 2. build the outputs Framework reads first (the site bundle with the
 *    generated pages, the home and Kreise pages) into the output store
 *    (loaders/output-store.ts; tables shared; only what changed), drop
 *    Framework's cached copies whose inputs moved, put the stored ones into
 *    its cache;
 * 3. observable build (scripts/framework-build.ts), telemetry off, in a
 *    child process; meanwhile this one builds the other outputs (data
 *    files, static figures) from the tables it holds and hands them over
 *    before Framework copies files, and the child compresses each file it
 *    writes that step 4 leaves as it is;
 * 4. post-process dist/: lang="de", Content-Security-Policy, precompressed
 *    copies; and refuse any reference that loads from a third-party host.
 */
import {spawn, type ChildProcess, type SpawnOptions} from "node:child_process";
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync} from "node:fs";
import {setPriority, tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {dropStaleLoaderOutputs, loaderOf, writeGeneratedPages, writeStoredOutput, writeStoredOutputs} from "./framework-cache.ts";
import {ensureAllOutputs, ensureOutput, outputDir} from "../loaders/output-store.ts";
import {output, OUTPUTS} from "../loaders/outputs.ts";
import {writeAtomic} from "../loaders/source/fetch.ts";
import {writeNginxCspMap} from "./nginx.ts";
import {COMPRESS_CACHE, postprocess} from "./postprocess.ts";
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

/** A child process; resolves with its exit code. */
function started(command: string, args: string[], options: SpawnOptions): {child: ChildProcess; exit: Promise<number>} {
  const child = spawn(command, args, options);
  const exit = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  return {child, exit};
}

const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
/**
 * What Framework reads before anything else: its config's routes and the
 * generated pages. Every other output (data files, static figures) is
 * needed only when Framework copies the files, after it has read all pages,
 * so this process builds them meanwhile.
 */
const FIRST = ["site-bundle", "index.md", "kreise.md"];
const FIGURES = "static-figures";

export async function build({cwd = root, site = cwd === root, allowThirdParty = false, quiet = false}: BuildOptions = {}) {
  const t0 = performance.now();
  let keysFile: string | undefined;
  let marker: string | undefined;
  let pending: string[] = [];
  let pagesWritten = 0;
  const log = quiet ? () => {} : console.log;
  // The static figures last: they read the data outputs as stored.
  const later = OUTPUTS.map((o) => o.name).filter((name) => !FIRST.includes(name)).sort((a, b) => Number(a === FIGURES) - Number(b === FIGURES));
  if (site) {
    if (await vendor()) log("build: npm cache filled from node_modules");
    syncComponents();
    // Framework's bundles of d3, Plot, … (scripts/node-bundles.ts) made by a process of their own beside the data step.
    const nodeBundles = started(process.execPath, ["--import", tsx, join(root, "scripts/node-bundles.ts"), "src", "components", "src"], {cwd: root, stdio: ["ignore", "ignore", "inherit"]});
    // At a lower priority: the data step is what Framework waits for, the bundles are done before it in any case (its esbuild inherits the priority).
    try {
      if (nodeBundles.child.pid) setPriority(nodeBundles.child.pid, 10);
    } catch {
      // gone already, or not allowed: it only runs at the same priority
    }
    reportMissingSources(log);
    const t1 = performance.now();
    const store = await ensureAllOutputs(process.env, {later});
    log(`build: ${FIRST.join(", ")}: ${store.rebuilt.length} rebuilt, ${store.reused.length} reused in ${((performance.now() - t1) / 1000).toFixed(1)} s; the other ${later.length} outputs follow while Framework reads the pages`);
    const dropped = dropStaleLoaderOutputs(root, OUTPUTS, store.keys);
    if (dropped) log(`build: ${dropped} cached loader outputs of Framework dropped (inputs changed or undeclared)`);
    writeStoredOutputs(root, OUTPUTS, outputDir(), later);
    // Every generated page (profiles, 197 chart embeds, catalogue) in one step instead of one loader process each.
    const bundle = JSON.parse((await ensureOutput("site-bundle")).bytes.toString("utf8")) as {pages: Record<string, string>};
    pagesWritten = writeGeneratedPages(root, bundle.pages);
    log(`build: ${Object.keys(bundle.pages).length} generated pages from the site bundle, ${pagesWritten} written`);
    // The loader processes Framework starts serve what this step ensured, without hashing the inputs again.
    keysFile = `${outputDir()}/.build-keys.json`;
    writeAtomic(keysFile, JSON.stringify(store.keys));
    marker = `${outputDir()}/.outputs-ready`;
    rmSync(marker, {force: true});
    pending = later.flatMap((name) => loaderOf(root, output(name)) ?? []);
    lastStore = store;
    if ((await nodeBundles.exit) !== 0) log("build: bundling the node imports beforehand failed; Framework bundles them itself");
  }
  const tFramework = performance.now();
  // Under tsx so that the TypeScript config file can be imported; Framework's build with its per-page lookups kept for the build (scripts/framework-build.ts).
  // A larger young generation: Framework's jsdom parses allocate a lot of short-lived objects (fewer scavenges).
  // Quiet: into a file, not a pipe (this process builds outputs meanwhile and would not drain a pipe).
  const logFile = join(mkdtempSync(join(tmpdir(), "atlas-framework-")), "build.log");
  const fd = quiet ? openSync(logFile, "w") : undefined;
  const framework = started(
    process.execPath,
    ["--max-semi-space-size=32", "--import", tsx, frameworkBuild, join(cwd, "observablehq.config.ts")],
    {
      cwd,
      stdio: fd === undefined ? "inherit" : ["ignore", fd, fd],
      env: {
        ...process.env,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
        ATLAS_COMPRESS_CACHE: COMPRESS_CACHE,
        ...(keysFile ? {ATLAS_OUTPUT_KEYS: keysFile} : {}),
        ...(marker ? {ATLAS_OUTPUTS_READY: marker, ATLAS_PENDING_LOADERS: JSON.stringify(pending)} : {}),
        ...(site ? {ATLAS_PAGE_CHROME: "postprocess"} : {})
      }
    }
  );
  if (fd !== undefined) closeSync(fd);
  if (marker && lastStore) {
    const store = lastStore;
    try {
      const t = performance.now();
      // Built here, from the tables this process holds (the static figures too: a loader process would build them again).
      for (const name of later) {
        const done = await ensureOutput(name);
        (done.rebuilt ? store.rebuilt : store.reused).push(name);
        if (done.missing.length) store.missing[name] = done.missing;
        writeStoredOutput(root, output(name), outputDir());
      }
      writeAtomic(marker, "");
      const missing = Object.entries(store.missing).map(([name, ids]) => `${name} (${ids.join(", ")})`);
      log(`build: outputs: ${store.rebuilt.length} rebuilt, ${store.reused.length} reused of ${OUTPUTS.length}; the last ${later.length} (static figures among them) in ${((performance.now() - t) / 1000).toFixed(1)} s while Framework ran${missing.length ? `; built without a source: ${missing.join("; ")}` : ""}`);
    } catch (error) {
      framework.child.kill();
      await framework.exit.catch(() => {});
      throw error;
    }
  }
  const status = await framework.exit;
  const frameworkLog = fd !== undefined ? readFileSync(logFile, "utf8") : "";
  if (fd !== undefined) rmSync(dirname(logFile), {recursive: true, force: true});
  if (status !== 0) {
    throw new Error(`observable build failed (exit ${status})\n${frameworkLog.slice(-20_000)}`);
  }
  if (site && lastStore) writeAtomic(`${outputDir()}/.last-build.json`, JSON.stringify({rebuilt: lastStore.rebuilt, reused: lastStore.reused, pagesWritten}));
  const t2 = performance.now();
  log(`build: Framework built the pages in ${((t2 - tFramework) / 1000).toFixed(1)} s`);
  if (site) {
    const stable = stableUrls(join(cwd, "dist"));
    log(`build: ${stable.figures.length} static figures at /abbildungen/, chart module ${stable.module ? "at /modul/abbildungen.js" : "missing"}`);
  }
  const report = await postprocess(join(cwd, "dist"), {allowThirdParty, chrome: site});
  // After postprocess: the policies are final; nginx reads them from this map (deploy/nginx/).
  writeNginxCspMap(join(cwd, "dist"));
  log(`build: ${report.pages} pages, ${report.compressed} files precompressed (${report.cached} of them compressed while Framework ran or unchanged since an earlier build) in ${((performance.now() - t2) / 1000).toFixed(1)} s after Framework; ${((performance.now() - t0) / 1000).toFixed(1)} s in all`);
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
