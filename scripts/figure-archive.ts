/**
 * The archive Framework serves as /abbildungen/: the static SVG of every
 * chart's default view (scripts/static-figures.ts) as <id>.svg and of every
 * profile chart (scripts/profile-figures.ts) as orte/<id>.svg. Built as an
 * output of the store (loaders/outputs.ts, "static-figures"), so that it
 * reuses the tables the build step has already built and is drawn again
 * only when its inputs or its code change.
 */
import {profileFigures} from "./profile-figures.ts";
import {staticFigures} from "./static-figures.ts";
import {tar} from "./tar.ts";
import {siteBundle} from "../loaders/site/site-bundle.ts";

export async function figureArchive(): Promise<{bytes: Uint8Array; missing: string[]}> {
  const missing = new Set<string>();
  const files = new Map([...(await staticFigures({missing}))].map(([id, svg]) => [`${id}.svg`, svg]));
  const t0 = performance.now();
  const profiles = await profileFigures();
  for (const [path, svg] of profiles) files.set(path, svg);
  for (const id of (await siteBundle()).missing) missing.add(id);
  console.error(`profile figures: ${profiles.size} SVGs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {bytes: tar(files), missing: [...missing].sort()};
}
