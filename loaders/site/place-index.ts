/**
 * Every place the atlas has a page for, as the home page's search finds it
 * (written to /data/orte-suche.json). One list, grown by adding a source
 * below: the profiles of data/places.csv, Magdeburg's Stadtteile (their map
 * view until a Stadtteil profile exists), and the Kreise of Germany with
 * their short profile (/kreise/<AGS>).
 */
import {STADTTEILE, stadtteilId} from "../parse/kissmd.ts";
import {KIND_LABELS, kreisIdOf, places, type Place} from "../model/places.ts";
import type {PlaceEntry} from "../../components/placesearch.ts";
import {existingRoutes} from "./routes.ts";

/** Names readers type for a place that its official name does not start with. */
function variantsOf(place: Place): string[] {
  const variants = [place.slug.replaceAll("-", " ")];
  // "Stadt Göttingen" and "Landkreis Göttingen" both answer "Göttingen"; "Landeshauptstadt Hannover" answers "Hannover".
  const bare = place.name.replace(/^(Stadt|Landkreis|Region|Landeshauptstadt)\s+/, "");
  if (bare !== place.name) variants.push(bare);
  if (place.area_id === "03241001") variants.push("Hannover Stadt", "LHH");
  if (place.kind === "landkreis") variants.push(`LK ${bare}`, `Kreis ${bare}`);
  return variants;
}

function profileEntries(): PlaceEntry[] {
  return places().map((p) => ({name: p.name, kind: KIND_LABELS[p.kind], ags: p.area_id, href: `/orte/${p.slug}`, variants: variantsOf(p)}));
}

/** A Stadtteil's slug as a future profile route would spell it (Neustädter See → neustaedter-see). */
export function stadtteilSlug(name: string): string {
  return name.toLowerCase().replaceAll("ä", "ae").replaceAll("ö", "oe").replaceAll("ü", "ue").replaceAll("ß", "ss").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function magdeburgStadtteile(routes: ReadonlySet<string>): PlaceEntry[] {
  // A Stadtteil profile page (/orte/magdeburg/<stadtteil>) where the build has one, else the map with the Stadtteil selected.
  const profiles = [...routes].some((r) => r.startsWith("/orte/magdeburg/"));
  return Object.entries(STADTTEILE).map(([nr, name]) => {
    const id = stadtteilId(Number(nr));
    return {name, kind: "Stadtteil von Magdeburg", ags: id, href: profiles ? `/orte/magdeburg/${stadtteilSlug(name)}` : `/karten/magdeburg?gebiet=${id}`, variants: [`Magdeburg ${name}`]};
  });
}

/** A Kreis of Germany (5-digit AGS) with its name as Destatis writes it ("Göttingen, Landkreis"). */
export interface KreisName {
  area_id: string;
  area_name: string;
}

/**
 * The Kreise of Germany whose page is their short profile (/kreise/<AGS>): every
 * Kreis without a full profile of its own (the Niedersachsen Kreise and
 * Magdeburg have one, and the search leads there).
 */
function kreisEntries(kreise: readonly KreisName[]): PlaceEntry[] {
  const profiled = new Set(places().map(kreisIdOf).filter(Boolean));
  const seen = new Set<string>();
  return kreise
    .filter((k) => /^\d{5}$/.test(k.area_id) && !profiled.has(k.area_id) && !seen.has(k.area_id) && seen.add(k.area_id))
    .sort((a, b) => a.area_name.localeCompare(b.area_name, "de"))
    .map((k) => {
      // "Göttingen, Landkreis" → also "Landkreis Göttingen" and "Göttingen"; "Berlin, Stadt" → "Berlin".
      const [bare, kind] = k.area_name.split(/,\s*/);
      const variants = kind ? [`${kind} ${bare}`, bare] : [];
      return {name: k.area_name, kind: "Kreis (Kurzprofil)", ags: k.area_id, href: `/kreise/${k.area_id}`, variants};
    });
}

/** The search index: every place with a page, profiles first, then Magdeburg's Stadtteile and the Kreise of Germany. */
export function searchablePlaces(routes: ReadonlySet<string> = existingRoutes(), kreise: readonly KreisName[] = []): PlaceEntry[] {
  const entries = [...profileEntries()];
  if (routes.has("/karten/magdeburg") || [...routes].some((r) => r.startsWith("/orte/magdeburg/"))) entries.push(...magdeburgStadtteile(routes));
  if (routes.has("/kreise")) entries.push(...kreisEntries(kreise));
  return entries;
}
