// The static SVG of every chart's default view and of every profile chart, as one archive
// (scripts/figure-archive.ts): Framework serves each file as abbildungen/<id>.svg and
// abbildungen/orte/<id>.svg. `npm run build` puts the stored archive into Framework's cache
// itself; this loader serves it to `npm run dev`.
import {serveOutput} from "../loaders/output-store.ts";

await serveOutput("static-figures");
