// The static SVG of every chart's default view (scripts/static-figures.ts) and of every profile chart
// (scripts/profile-figures.ts), as one archive: Framework serves each file as abbildungen/<id>.svg
// and abbildungen/orte/<id>.svg.
import {profileFigures} from "../scripts/profile-figures.ts";
import {staticFigures, tar} from "../scripts/static-figures.ts";

const files = new Map([...(await staticFigures())].map(([id, svg]) => [`${id}.svg`, svg]));
const t0 = performance.now();
const profiles = await profileFigures();
for (const [path, svg] of profiles) files.set(path, svg);
console.error(`profile figures: ${profiles.size} SVGs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
process.stdout.write(tar(files));
