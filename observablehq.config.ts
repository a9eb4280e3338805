// Observable Framework configuration of the Integrationsatlas.
// Offline by construction: no Google font (globalStylesheets: []), no DuckDB
// extensions from the extension host, telemetry off in scripts/build.ts.
import {profilePaths} from "./loaders/model/places.ts";
import {kreisPaths, profileEmbedPaths, stadtteilPaths} from "./loaders/site/site-bundle.ts";
import {CHARTS} from "./components/charts/registry.ts";
import {PLACES} from "./components/charts/bericht.ts";
import {FOOTER, HEAD} from "./scripts/page-chrome.ts";
import {headingIds} from "./scripts/heading-ids.ts";

const chromeLater = process.env.ATLAS_PAGE_CHROME === "postprocess";

export default {
  root: "src",
  title: "Integrationsatlas",
  pages: [
    {name: "Karten", pages: [{name: "Niedersachsen: Kreise", path: "/karten/niedersachsen"}, {name: "Magdeburg: Stadtteile", path: "/karten/magdeburg"}, {name: "Gemeinden: Region Hannover, LK Rotenburg", path: "/karten/gemeinden"}, {name: "Wolfsburg: Stadtteile", path: "/karten/wolfsburg"}, {name: "Deutschland: alle Kreise", path: "/karten/deutschland"}, {name: "Deutschland: Kurzprofile aller Kreise", path: "/kreise"}]},
    {name: "Altersstruktur", pages: [{name: "Magdeburg: Alterspyramide", path: "/altersstruktur/magdeburg"}, {name: "Magdeburg: Ausländer nach Alter", path: "/altersstruktur/auslaender-magdeburg"}, {name: "Niedersachsen: Ausländer nach Alter", path: "/altersstruktur/auslaender-niedersachsen"}, {name: "Göttingen: Altersstruktur", path: "/altersstruktur/goettingen"}, {name: "Alle Kreise: Alterspyramiden", path: "/altersstruktur/kreise"}]},
    {name: "Orte", pages: [{name: "Alle Orte", path: "/orte/"}, {name: "Stadt Göttingen", path: "/orte/stadt-goettingen"}, {name: "Wolfsburg", path: "/orte/wolfsburg"}, {name: "Region Hannover", path: "/orte/region-hannover"}, {name: "Landkreis Rotenburg (Wümme)", path: "/orte/landkreis-rotenburg-wuemme"}, {name: "Magdeburg", path: "/orte/magdeburg"}, {name: "Niedersachsen", path: "/orte/niedersachsen"}]},
    {name: "Vergleich", pages: [{name: "Orte vergleichen", path: "/vergleich"}]},
    {name: "Integrationskonzepte", pages: [{name: "Überblick und Themen", path: "/konzepte/"}, {name: "Katalog", path: "/konzepte/katalog"}, {name: "Maßnahmen", path: "/konzepte/massnahmen"}, {name: "Indikatoren und Daten", path: "/konzepte/indikatoren"}]},
    {
      name: "Reproduktion",
      pages: [
        {name: "Übersicht", path: "/reproduktion/"},
        {name: "Göttingen", path: "/reproduktion/goettingen"},
        {name: "Wolfsburg", path: "/reproduktion/wolfsburg"},
        {name: "Region Hannover", path: "/reproduktion/region-hannover"},
        {name: "Rotenburg (Wümme)", path: "/reproduktion/rotenburg"},
        {name: "Magdeburg", path: "/reproduktion/magdeburg"}
      ]
    },
    {name: "Daten", pages: [{name: "Quellen und Datenqualität", path: "/quellen"}, {name: "Indikatorenkatalog", path: "/indikatoren"}]},
    {name: "Weiterverwenden", pages: [{name: "Abbildungen einbetten", path: "/einbetten/"}, ...PLACES.map((p) => ({name: `Bericht: ${p.name}`, path: `/bericht/${p.slug}`}))]}
  ],
  // Profiles per place (src/orte/[ort].md.ts), one embed page per chart (src/einbetten/[chart].md), one printable report per place (src/bericht/[ort].md).
  // A function: the embed pages of the profile charts (src/einbetten/orte/[chart].md.ts) depend on the data, so the site bundle is read only when Framework asks.
  dynamicPaths: async function* () {
    yield* [...profilePaths(), ...CHARTS.map((c) => `/einbetten/${c.id}`), ...PLACES.map((p) => `/bericht/${p.slug}`)];
    yield* await profileEmbedPaths();
    // Magdeburg's Stadtteil profiles (src/orte/magdeburg/[stadtteil].md.ts), from the site bundle.
    yield* await stadtteilPaths();
    // A compact profile of every Kreis of Germany (src/kreise/[ags].md.ts), from the site bundle.
    yield* await kreisPaths();
  },
  globalStylesheets: [],
  style: "style.css",
  // In the build, head additions and the footer line are written by scripts/postprocess.ts: Framework would parse them with jsdom three times per page (scripts/page-chrome.ts).
  head: chromeLater ? null : HEAD,
  header: null,
  footer: chromeLater ? null : FOOTER,
  search: true,
  // German chrome (issue 13): the table of contents' heading; the rest of Framework's English text is rewritten by scripts/postprocess.ts.
  toc: {label: "Inhalt"},
  duckdb: {extensions: {json: null, parquet: null}},
  typographer: true,
  // Heading ids as Framework makes them, each text slugified once per build (scripts/heading-ids.ts).
  markdownIt: headingIds,
  quotes: "„“‚‘",
  preserveExtension: false
};
