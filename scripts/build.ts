/**
 * npm run build: the one way the site is built.
 *
 * 1. fill Framework's npm cache from node_modules (no CDN);
 * 2. copy components/ into the Framework root;
 * 3. drop loader outputs whose inputs changed (Framework itself would reuse a
 *    stale cached output after its loader changed);
 * 4. observable build, telemetry off;
 * 5. post-process dist/: lang="de", Content-Security-Policy, precompressed
 *    copies; then refuse any reference to a third-party host.
 */
import {spawnSync} from "node:child_process";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {invalidateStaleData} from "./data-fingerprint.ts";
import {postprocess} from "./postprocess.ts";
import {syncComponents} from "./sync-components.ts";
import {vendor} from "./vendor-npm.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const observableBin = join(root, "node_modules/@observablehq/framework/dist/bin/observable.js");

export async function build({config = join(root, "observablehq.config.ts")} = {}): Promise<void> {
  const t0 = performance.now();
  if (await vendor()) console.log("build: npm cache filled from node_modules");
  syncComponents();
  const stale = invalidateStaleData(root);
  if (stale) console.log(`build: data inputs changed, ${stale} cached loader outputs dropped`);
  // Under tsx so that the TypeScript config file can be imported.
  const result = spawnSync(process.execPath, ["--import", "tsx", observableBin, "build", "--config", config], {
    cwd: root,
    stdio: "inherit",
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}
  });
  if (result.status !== 0) throw new Error(`observable build failed (exit ${result.status})`);
  const report = await postprocess(join(root, "dist"));
  console.log(`build: ${report.pages} pages, ${report.compressed} files precompressed, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
