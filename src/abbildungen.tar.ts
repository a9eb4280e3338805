// The static SVG of every chart's default view (scripts/static-figures.ts), as one archive:
// Framework serves each file as abbildungen/<id>.svg.
import {staticFigures, tar} from "../scripts/static-figures.ts";

const files = new Map([...(await staticFigures())].map(([id, svg]) => [`${id}.svg`, svg]));
process.stdout.write(tar(files));
