/**
 * The archive Framework serves as /abbildungen/: the static SVG of every
 * chart's default view (scripts/static-figures.ts) as <id>.svg and of every
 * profile chart (scripts/profile-figures.ts) as orte/<id>.svg. Built as an
 * output of the store (loaders/outputs.ts, "static-figures"), so that it
 * reuses the tables the build step has already built and is drawn again
 * only when its inputs or its code change.
 */
import {Worker} from "node:worker_threads";
import {profileFigures} from "./profile-figures.ts";
import {staticFigures} from "./static-figures.ts";
import {tar} from "./tar.ts";
import {siteBundle} from "../loaders/site/site-bundle.ts";

/**
 * The profile charts drawn in a worker thread: the build draws the figures
 * while Framework reads the pages and, once Framework has read them all and
 * waits for the figures, a second thread halves the wait. In the main
 * thread where a worker cannot load the TypeScript modules.
 */
function profileFiguresBeside(): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./profile-figures-worker.mjs", import.meta.url));
    } catch {
      return resolve(profileFigures());
    }
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code && reject(new Error(`profile figures: worker exited with code ${code}`)));
  });
}

export async function figureArchive(): Promise<{bytes: Uint8Array; missing: string[]}> {
  const missing = new Set<string>();
  const t0 = performance.now();
  const profiles = profileFiguresBeside();
  // Unhandled until awaited below: a failing worker must not end the process while the static figures draw.
  profiles.catch(() => {});
  const files = new Map([...(await staticFigures({missing}))].map(([id, svg]) => [`${id}.svg`, svg]));
  const drawn = await profiles;
  for (const [path, svg] of drawn) files.set(path, svg);
  for (const id of (await siteBundle()).missing) missing.add(id);
  console.error(`static figures: ${files.size - drawn.size} charts and ${drawn.size} profile charts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {bytes: tar(files), missing: [...missing].sort()};
}
