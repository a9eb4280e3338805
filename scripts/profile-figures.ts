/**
 * The static SVG of every chart on the profile pages (/orte/<slug>), drawn at
 * build time in jsdom by the same profileChart() the pages use, from the very
 * specifications the pages inline (the site bundle), with title, source,
 * reference date and licence on the image and the figure's CSV in
 * <metadata>. src/abbildungen.tar.ts packs them as orte/<id>.svg; Framework
 * serves them as /_file/abbildungen/orte/<id>.<hash>.svg (each profile page
 * names its own) and scripts/stable-urls.ts copies them to
 * /abbildungen/orte/<id>.svg.
 */
import {JSDOM} from "jsdom";
import {exportFigure} from "../components/figure.ts";
import {serializeSvg} from "../components/exportsvg.ts";
import {profileChart, profileEmbed, type ChartSpec} from "../components/profilechart.ts";
import {siteBundle} from "../loaders/site/site-bundle.ts";
import {STATIC_WIDTH} from "./static-figures.ts";

/** The archive member of a chart's SVG: its stable path below /abbildungen/. */
export function profileFigurePath(spec: ChartSpec): string {
  const svg = profileEmbed(spec)?.svgPath;
  if (!svg?.startsWith("abbildungen/")) throw new Error(`profile chart ${spec.id}: no static SVG below abbildungen/`);
  return svg.slice("abbildungen/".length);
}

/** SVG text of the given charts, by archive path (orte/<id>.svg). */
export function drawProfileFigures(specs: readonly ChartSpec[], doc: Document = new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>").window.document): Map<string, string> {
  const serializer = new (doc.defaultView as unknown as typeof globalThis).XMLSerializer();
  const out = new Map<string, string>();
  for (const spec of specs) {
    const path = profileFigurePath(spec);
    if (out.has(path)) throw new Error(`profile figures: ${spec.id} twice`);
    const root = profileChart(spec, {width: STATIC_WIDTH, document: doc});
    out.set(path, serializeSvg(exportFigure(root, {document: doc, url: spec.page}), serializer));
  }
  return out;
}

/**
 * Every profile chart's SVG. A source the build could not read leaves its
 * charts out of the bundle (the profile page and its notice say so), so there
 * is no SVG to draw for them; strict mode refuses to build without it.
 */
export async function profileFigures(): Promise<Map<string, string>> {
  const bundle = await siteBundle();
  return drawProfileFigures(Object.values(bundle.charts).flat());
}
