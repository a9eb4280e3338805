/**
 * The embed page of one profile chart (/einbetten/orte/<id>), written at
 * build time by src/einbetten/orte/[chart].md.ts from the site bundle: the
 * chart's specification inlined, drawn by the same profileChart() as the
 * profile page, without site chrome, and a line that leads to the whole
 * profile (out of the iframe).
 */
import {profileEmbed, type ChartSpec} from "../../components/profilechart.ts";
import {esc, jsonLiteral} from "./html.ts";
import type {Place} from "../model/places.ts";
import {fromPage} from "./profile-page.ts";

/** The route of a profile chart's embed page (/einbetten/orte/<id>). */
export function profileEmbedRoute(spec: ChartSpec): string {
  const entry = profileEmbed(spec);
  if (!entry?.embedPath) throw new Error(`profile chart ${spec.id}: no profile page, so no embed page`);
  return `/${entry.embedPath}`;
}

export function profileEmbedMarkdown(place: Place, spec: ChartSpec): string {
  const route = profileEmbedRoute(spec);
  return [
    "---",
    `title: ${JSON.stringify(spec.title)}`,
    "sidebar: false",
    "header: false",
    "footer: false",
    "toc: false",
    "pager: false",
    "---",
    "",
    "```js",
    `import {profileChart} from ${JSON.stringify(fromPage(route, "components/profilechart.js"))};`,
    `const spec = ${jsonLiteral(spec)};`,
    "```",
    "",
    "```js",
    // As the profile page draws it (at most 900 px wide).
    "display(profileChart(spec, {width: Math.min(width, 900)}));",
    "```",
    "",
    `<p class="atlas-embed-origin">Integrationsatlas · <a href="${esc(spec.page)}" target="_top">Profil ${esc(place.name)}: alle Kennzahlen, Erläuterungen und Hinweise zur Vergleichbarkeit</a></p>`,
    ""
  ].join("\n");
}

export interface ProfileChartListing {
  /** A place of data/places.csv, or a Stadtteil of Magdeburg (magdeburg/<slug>, its own profile since issue 15). */
  group: "ort" | "stadtteil";
  slug: string;
  name: string;
  /** The profile page (/orte/<slug>). */
  page: string;
  /** Each chart with its kind (the id without the place: auslaenderanteil …), embed page and static SVG below the site root (no leading slash). */
  charts: {id: string; kind: string; title: string; embed: string; svg: string}[];
}

/** Every place's profile charts with their addresses, in the order of the places (the list on /einbetten/). */
export function profileChartList(bundle: {profiles: {place: Place}[]; charts: Record<string, ChartSpec[]>; stadtteile?: {slug: string; name: string}[]}): ProfileChartListing[] {
  const charts = (key: string, kind: (spec: ChartSpec) => string) =>
    (bundle.charts[key] ?? []).map((spec) => {
      const entry = profileEmbed(spec)!;
      return {id: spec.id, kind: kind(spec), title: spec.title, embed: entry.embedPath!, svg: entry.svgPath!};
    });
  const places = bundle.profiles.map(({place}): ProfileChartListing => ({
    group: "ort",
    slug: place.slug,
    name: place.name,
    page: `/orte/${place.slug}`,
    charts: charts(place.slug, (spec) => spec.id.slice(place.slug.length + 1))
  }));
  // Magdeburg's Stadtteile after the places: md-stadtteil-<slug>-auslaenderanteil is of kind auslaenderanteil.
  const stadtteile = (bundle.stadtteile ?? []).map((st): ProfileChartListing => ({
    group: "stadtteil",
    slug: `magdeburg/${st.slug}`,
    name: st.name,
    page: `/orte/magdeburg/${st.slug}`,
    charts: charts(`magdeburg/${st.slug}`, (spec) => spec.id.slice(`md-stadtteil-${st.slug}-`.length))
  }));
  return [...places, ...stadtteile].filter((p) => p.charts.length);
}
