/**
 * Boundaries for the maps, as simplified TopoJSON whose feature ids are the
 * area ids of the fact table (so a map joins on area_id alone).
 */
import {quantize} from "topojson-client";
import {topology} from "topojson-server";
import {presimplify, quantile, simplify} from "topojson-simplify";
import type {Topology} from "topojson-specification";
import {excerpt, excerptValue} from "./csv.ts";
import {FormatError} from "../source/errors.ts";
import {readSourceText} from "../source/fetch.ts";
import {imArea, IM_SOURCE} from "./im.ts";
import {MAGDEBURG_ID, STADTTEILE, stadtteilId} from "./kissmd.ts";
import type {AreaLevel} from "../model/model.ts";

type Geometry = {type: "Polygon"; coordinates: number[][][]} | {type: "MultiPolygon"; coordinates: number[][][][]};
export interface AreaFeature {
  type: "Feature";
  id: string;
  properties: {name: string; level: AreaLevel; parent_id: string | null; [key: string]: unknown};
  geometry: Geometry;
}
type FeatureCollection = {type: "FeatureCollection"; features: {type: "Feature"; properties: Record<string, unknown>; geometry: Geometry}[]};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A position [x, y] (optionally more) of finite numbers. */
function isPosition(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === "number" && Number.isFinite(n));
}

/** A polygon: rings of at least four positions (closed). */
function polygonProblem(rings: unknown): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) return "a polygon without rings";
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return "a ring with fewer than four positions";
    if (!ring.every(isPosition)) return "a position that is not two finite numbers";
  }
  return undefined;
}

/**
 * Reads a GeoJSON FeatureCollection of (Multi)Polygons and checks every
 * feature's shape, so that a broken file ends here with its feature number
 * instead of deep inside topojson.
 */
export function parseFeatureCollection(text: string, sourceId: string, file: string): FeatureCollection {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FormatError(sourceId, file, `not valid JSON (truncated or an error page?): ${excerpt((error as Error).message, 200)}`);
  }
  return checkCollection(json, sourceId, file);
}

function checkCollection(json: unknown, sourceId: string, file: string, where = ""): FeatureCollection {
  if (!isObject(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) throw new FormatError(sourceId, file, `${where}not a GeoJSON FeatureCollection`);
  json.features.forEach((f: unknown, i: number) => {
    const at = `${where}feature ${i + 1}`;
    if (!isObject(f)) throw new FormatError(sourceId, file, `${at}: not an object`);
    if (!isObject(f.properties)) throw new FormatError(sourceId, file, `${at}: no properties`);
    const geometry = f.geometry as {type?: unknown; coordinates?: unknown} | null;
    const type = isObject(geometry) ? geometry.type : undefined;
    if (type !== "Polygon" && type !== "MultiPolygon") throw new FormatError(sourceId, file, `${at}: unexpected geometry ${typeof type === "string" ? excerpt(type) : String(type)}`);
    const coordinates = geometry!.coordinates;
    const problem =
      type === "Polygon"
        ? polygonProblem(coordinates)
        : !Array.isArray(coordinates) || coordinates.length === 0
          ? "a MultiPolygon without polygons"
          : coordinates.map(polygonProblem).find(Boolean);
    if (problem) throw new FormatError(sourceId, file, `${at}: ${problem}`);
  });
  return json as unknown as FeatureCollection;
}

const parseCollection = parseFeatureCollection;

/** A property that must be non-empty text (String(undefined) would name an area "undefined"). */
function nameProperty(f: {properties: Record<string, unknown>}, key: string, sourceId: string, file: string, at: string): string {
  const value = f.properties[key];
  if (typeof value !== "string" || value.trim() === "") throw new FormatError(sourceId, file, `${at}: property ${key} is ${value === undefined ? "missing" : `${excerptValue(value)}, not a name`}`);
  return value;
}

/** One feature per area: a second shape for the same id would be drawn twice. */
function assertUnique(features: AreaFeature[], sourceId: string, file: string): void {
  const seen = new Set<string>();
  features.forEach((f, i) => {
    if (seen.has(f.id)) throw new FormatError(sourceId, file, `feature ${i + 1}: area ${f.id} appears twice`);
    seen.add(f.id);
  });
}

function polygons(geometry: Geometry): number[][][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/**
 * d3-geo (and so Plot) reads rings spherically: an exterior ring must run
 * clockwise, or the polygon is the whole globe minus the area. Sources mix
 * both orientations (RFC 7946 asks for the opposite), so every ring is set
 * to d3's convention: exterior clockwise, holes counter-clockwise.
 */
export function rewind(geometry: Geometry): Geometry {
  const fix = (polygon: number[][][]) =>
    polygon.map((ring, i) => {
      const clockwise = ringArea(ring) < 0;
      return (i === 0) === clockwise ? ring : [...ring].reverse();
    });
  return geometry.type === "Polygon"
    ? {type: "Polygon", coordinates: fix(geometry.coordinates)}
    : {type: "MultiPolygon", coordinates: geometry.coordinates.map(fix)};
}

/**
 * Simplifies while keeping shared borders shared (TopoJSON), to a weight
 * quantile: `keep` is the share of the points that survive.
 */
export function toTopology(objects: Record<string, AreaFeature[]>, {keep = 0.15, quantization = 1e5} = {}): Topology {
  const collections = Object.fromEntries(
    Object.entries(objects).map(([name, features]) => [name, {type: "FeatureCollection", features: features.map((f) => ({...f, geometry: rewind(f.geometry)}))}])
  );
  // topojson's typings do not follow GeoJSON's nullable properties; the shapes are right.
  // As the topojson CLIs do it: build unquantized, simplify, then quantize.
  const topo = presimplify(topology(collections as Parameters<typeof topology>[0]) as never);
  // quantile() sorts weights descending: the keep-quantile is the weight that `keep` of the points exceed.
  const simplified = simplify(topo, quantile(topo, keep)) as unknown as Topology;
  // presimplify adds each point's weight as a third coordinate: drop it.
  simplified.arcs = simplified.arcs.map((arc) => arc.map(([x, y]) => [x, y]));
  return quantize(simplified as never, quantization) as Topology;
}

/** Niedersachsen's Kreise with Hannover city and Umland apart (IM GeoJSON), and Region Hannover whole. */
export async function niKreise(): Promise<{kreise: AreaFeature[]; region: AreaFeature[]}> {
  return niKreiseFrom(await readSourceText(IM_SOURCE, "NI_Kurz_diss.geojson"), await readSourceText(IM_SOURCE, "NI_Region_Hannover.geojson"));
}

/**
 * niKreise() on the two files' text. Every feature of NI_Kurz_diss becomes
 * one area (or the file is refused); of NI_Region_Hannover, which repeats
 * the other Kreise, only Region Hannover (RH03241) is read, exactly once.
 */
export function niKreiseFrom(splitText: string, wholeText: string): {kreise: AreaFeature[]; region: AreaFeature[]} {
  const split = parseCollection(splitText, IM_SOURCE, "NI_Kurz_diss.geojson");
  const whole = parseCollection(wholeText, IM_SOURCE, "NI_Region_Hannover.geojson");
  const kreise = split.features.map((f, i): AreaFeature => {
    const code = nameProperty(f, "AGS", IM_SOURCE, "NI_Kurz_diss.geojson", `feature ${i + 1}`);
    const name = nameProperty(f, "GEN", IM_SOURCE, "NI_Kurz_diss.geojson", `feature ${i + 1}`);
    // Bremen and Bremerhaven lie inside Niedersachsen: kept as context, outside the Land.
    if (/^K04\d{3}$/.test(code)) {
      return {type: "Feature", id: code.slice(1), properties: {name, level: "kreis", parent_id: "04"}, geometry: f.geometry};
    }
    let area: ReturnType<typeof imArea>;
    try {
      area = imArea(code, name);
    } catch (error) {
      throw new FormatError(IM_SOURCE, "NI_Kurz_diss.geojson", `feature ${i + 1}: ${(error as Error).message}`);
    }
    const {area_id, area_level} = area;
    return {type: "Feature", id: area_id, properties: {name, level: area_level, parent_id: area_level === "kreisteil" ? "03241" : "03"}, geometry: f.geometry};
  });
  assertUnique(kreise, IM_SOURCE, "NI_Kurz_diss.geojson");
  const region = whole.features
    .filter((f) => f.properties.AGSRH === "RH03241")
    .map((f): AreaFeature => ({type: "Feature", id: "03241", properties: {name: "Region Hannover", level: "kreis", parent_id: "03"}, geometry: f.geometry}));
  if (region.length !== 1) throw new FormatError(IM_SOURCE, "NI_Region_Hannover.geojson", `expected one feature RH03241, found ${region.length}`);
  return {kreise, region};
}

export interface GemeindenResult {
  features: AreaFeature[];
  /** AGS that appeared more than once (coastal/water parts): merged, reported. */
  merged: string[];
}

const GEMEINDEN_FILES = ["public/data/gemeinden-split/de-03.geojson", "public/data/gemeinden-split/de-15.geojson"];

/** All Gemeinden of Niedersachsen and Sachsen-Anhalt (VG250-EW). Duplicate AGS are merged into one MultiPolygon. */
export async function gemeinden(): Promise<GemeindenResult> {
  const files: {path: string; text: string}[] = [];
  for (const path of GEMEINDEN_FILES) files.push({path, text: await readSourceText("vg250-ew", path)});
  return gemeindenFrom(files);
}

/** gemeinden() on the files' text. Accounting: features in = features out + merged. */
export function gemeindenFrom(files: {path: string; text: string}[]): GemeindenResult {
  const byAgs = new Map<string, AreaFeature>();
  const merged: string[] = [];
  for (const {path, text} of files) {
    const collection = parseCollection(text, "vg250-ew", path);
    collection.features.forEach((f, i) => {
      const ags = String(f.properties.ags);
      if (!/^\d{8}$/.test(ags)) throw new FormatError("vg250-ew", path, `feature ${i + 1}: AGS ${excerpt(ags)} is not 8 digits`);
      const name = nameProperty(f, "name", "vg250-ew", path, `feature ${i + 1}`);
      const county = nameProperty(f, "county", "vg250-ew", path, `feature ${i + 1}`);
      // Number("") is 0 and Number("n/a") NaN: population and area must be numbers as published.
      const [pop, area] = (["pop", "area_km2"] as const).map((key) => {
        const v = f.properties[key];
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new FormatError("vg250-ew", path, `feature ${i + 1} (${ags}): ${key} ${excerptValue(v)} is not a number ≥ 0`);
        return v;
      });
      const existing = byAgs.get(ags);
      if (existing) {
        merged.push(ags);
        existing.geometry = {type: "MultiPolygon", coordinates: [...polygons(existing.geometry), ...polygons(f.geometry)]};
        // The copy carries pop 0 and area 0: keep the real attributes.
        if (pop > 0) Object.assign(existing.properties, {pop, area_km2: area});
        return;
      }
      byAgs.set(ags, {
        type: "Feature",
        id: ags,
        properties: {name, level: "gemeinde", parent_id: ags.slice(0, 5), county, pop, area_km2: area},
        geometry: f.geometry
      });
    });
  }
  return {features: [...byAgs.values()], merged};
}

/** Magdeburg's 40 Stadtteile (OSM), joined by name to the KISS-MD numbering. */
export async function magdeburgStadtteile(): Promise<AreaFeature[]> {
  return magdeburgStadtteileFrom(await readSourceText("magdeburg-stadtteile", "data/Stadtteile/Stadtteile.geojson"));
}

/** magdeburgStadtteile() on the file's text: exactly 40 features, each a known Stadtteil, each once. */
export function magdeburgStadtteileFrom(text: string): AreaFeature[] {
  const file = "data/Stadtteile/Stadtteile.geojson";
  const collection = parseCollection(text, "magdeburg-stadtteile", file);
  const numberOf = new Map(Object.entries(STADTTEILE).map(([nr, name]) => [name, Number(nr)]));
  const seen = new Set<number>();
  const features = collection.features.map((f, i): AreaFeature => {
    const name = nameProperty(f, "name", "magdeburg-stadtteile", file, `feature ${i + 1}`);
    const nr = numberOf.get(name);
    if (nr === undefined) throw new FormatError("magdeburg-stadtteile", file, `feature ${i + 1}: Stadtteil ${excerpt(name)} is not in the KISS-MD numbering`);
    // Two shapes for one Stadtteil would draw it twice and make 40 look complete.
    if (seen.has(nr)) throw new FormatError("magdeburg-stadtteile", file, `feature ${i + 1}: Stadtteil ${excerpt(name)} appears twice`);
    seen.add(nr);
    return {type: "Feature", id: stadtteilId(nr), properties: {name, level: "stadtteil", parent_id: MAGDEBURG_ID, nr}, geometry: f.geometry};
  });
  if (features.length !== 40) throw new FormatError("magdeburg-stadtteile", file, `expected 40 Stadtteile, found ${features.length}`);
  return features;
}

export function wolfsburgStadtteilId(name: string): string {
  return `03103000-${name.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Wolfsburg's Stadtteile (OSM admin levels 9/10 and the city's GDI). */
export async function wolfsburgStadtteile(): Promise<AreaFeature[]> {
  return wolfsburgStadtteileFrom(await readSourceText("wolfsburg-stadtteile", "src/data/districtBoundaries.json"));
}

/** wolfsburgStadtteile() on the file's text: an object of FeatureCollections keyed by Stadtteil; every feature becomes one area. */
export function wolfsburgStadtteileFrom(text: string): AreaFeature[] {
  const file = "src/data/districtBoundaries.json";
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FormatError("wolfsburg-stadtteile", file, `not valid JSON (truncated or an error page?): ${excerpt((error as Error).message, 200)}`);
  }
  if (!isObject(json)) throw new FormatError("wolfsburg-stadtteile", file, "not an object of FeatureCollections keyed by Stadtteil");
  const features = Object.entries(json).flatMap(([name, value]) => {
    if (name.trim() === "" || wolfsburgStadtteilId(name) === "03103000-") throw new FormatError("wolfsburg-stadtteile", file, `Stadtteil name ${excerpt(name)} gives no id`);
    return checkCollection(value, "wolfsburg-stadtteile", file, `Stadtteil ${excerpt(name)}: `).features.map((f): AreaFeature => ({
      type: "Feature",
      id: wolfsburgStadtteilId(name),
      properties: {name, level: "stadtteil", parent_id: "03103000", origin: f.properties.source === "wolfsburg-gdi-official" ? "Stadt Wolfsburg (GDI)" : "OpenStreetMap"},
      geometry: f.geometry
    }));
  });
  // Two names that give one id („Alt-Wolfsburg“, „Alt Wolfsburg“), or two shapes for one Stadtteil.
  assertUnique(features, "wolfsburg-stadtteile", file);
  return features;
}
