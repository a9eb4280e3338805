/**
 * The places that get a profile page (data/places.csv): Niedersachsen, every
 * Kreis of Niedersachsen (Region Hannover with Landeshauptstadt and Umland),
 * the Stadt Göttingen and Magdeburg. One readable slug per place is its route
 * (/orte/<slug>); the AGS stays on the page, where search finds it.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parseCsv} from "../parse/csv.ts";
import {projectRoot} from "../source/paths.ts";

export type PlaceKind = "land" | "kreisfreie_stadt" | "landkreis" | "region" | "kreisteil" | "gemeinde" | "kreisfreie_stadt_st";

export interface Place {
  slug: string;
  area_id: string;
  name: string;
  kind: PlaceKind;
  /** Slug of the place's concept document (data/concepts/<slug>.csv), if it has one. */
  concept: string;
  /** The enclosing profile place (Stadt Göttingen → Landkreis Göttingen). */
  parent_id: string;
  /** The area id Destatis uses for the same territory (Magdeburg: 15003). */
  destatis_id: string;
  note: string;
}

export const PLACE_COLUMNS = ["slug", "area_id", "name", "kind", "concept", "parent_id", "destatis_id", "note"];

export const KIND_LABELS: Record<PlaceKind, string> = {
  land: "Land",
  kreisfreie_stadt: "Kreisfreie Stadt in Niedersachsen",
  landkreis: "Landkreis in Niedersachsen",
  region: "Region (Kommunalverband besonderer Art) in Niedersachsen",
  kreisteil: "Teil der Region Hannover",
  gemeinde: "Kreisangehörige Stadt in Niedersachsen",
  kreisfreie_stadt_st: "Kreisfreie Stadt in Sachsen-Anhalt"
};

let cached: Place[] | undefined;

export function places(): Place[] {
  if (cached) return cached;
  const file = "data/places.csv";
  const {rows} = parseCsv(readFileSync(join(projectRoot, file), "utf8"), {sourceId: "data/places", file, required: PLACE_COLUMNS});
  cached = rows.map(({values: v}) => ({...v, kind: v.kind as PlaceKind}) as Place);
  return cached;
}

/**
 * The Kreis (5-digit AGS in Destatis's tables) a place is, for a Kreis or
 * kreisfreie Stadt (Magdeburg 15003000 is 15003); null for the Land, a
 * Gemeinde or a part of a Kreis.
 */
export function kreisIdOf(place: Place): string | null {
  return /^\d{5}$/.test(place.destatis_id) ? place.destatis_id : null;
}

export function placeBySlug(slug: string): Place | undefined {
  return places().find((p) => p.slug === slug);
}

/** Routes of the profile pages, for the config's dynamicPaths. */
export function profilePaths(): string[] {
  return places().map((p) => `/orte/${p.slug}`);
}
