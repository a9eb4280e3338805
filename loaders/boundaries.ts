/**
 * Boundaries for the maps, as simplified TopoJSON whose feature ids are the
 * area ids of the fact table (so a map joins on area_id alone).
 */
import {quantize} from "topojson-client";
import {topology} from "topojson-server";
import {presimplify, quantile, simplify} from "topojson-simplify";
import type {Topology} from "topojson-specification";
import {FormatError} from "./errors.ts";
import {readSourceText} from "./fetch.ts";
import {imArea, IM_SOURCE} from "./im.ts";
import {MAGDEBURG_ID, STADTTEILE, stadtteilId} from "./kissmd.ts";
import type {AreaLevel} from "./model.ts";

type Geometry = {type: "Polygon"; coordinates: number[][][]} | {type: "MultiPolygon"; coordinates: number[][][][]};
export interface AreaFeature {
  type: "Feature";
  id: string;
  properties: {name: string; level: AreaLevel; parent_id: string | null; [key: string]: unknown};
  geometry: Geometry;
}
type FeatureCollection = {type: "FeatureCollection"; features: {type: "Feature"; properties: Record<string, unknown>; geometry: Geometry}[]};

function parseCollection(text: string, sourceId: string, file: string): FeatureCollection {
  let json: FeatureCollection;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FormatError(sourceId, file, `not valid JSON (truncated?): ${(error as Error).message}`);
  }
  if (json?.type !== "FeatureCollection" || !Array.isArray(json.features)) throw new FormatError(sourceId, file, "not a GeoJSON FeatureCollection");
  for (const f of json.features) {
    const type = (f.geometry as {type?: string} | null)?.type;
    if (type !== "Polygon" && type !== "MultiPolygon") throw new FormatError(sourceId, file, `unexpected geometry ${type}`);
  }
  return json;
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
  const split = parseCollection(await readSourceText(IM_SOURCE, "NI_Kurz_diss.geojson"), IM_SOURCE, "NI_Kurz_diss.geojson");
  const whole = parseCollection(await readSourceText(IM_SOURCE, "NI_Region_Hannover.geojson"), IM_SOURCE, "NI_Region_Hannover.geojson");
  const kreise = split.features.map((f): AreaFeature => {
    const code = String(f.properties.AGS);
    // Bremen and Bremerhaven lie inside Niedersachsen: kept as context, outside the Land.
    if (/^K04\d{3}$/.test(code)) {
      return {type: "Feature", id: code.slice(1), properties: {name: String(f.properties.GEN), level: "kreis", parent_id: "04"}, geometry: f.geometry};
    }
    const {area_id, area_level} = imArea(code);
    return {type: "Feature", id: area_id, properties: {name: String(f.properties.GEN), level: area_level, parent_id: area_level === "kreisteil" ? "03241" : "03"}, geometry: f.geometry};
  });
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

/** All Gemeinden of Niedersachsen and Sachsen-Anhalt (VG250-EW). Duplicate AGS are merged into one MultiPolygon. */
export async function gemeinden(): Promise<GemeindenResult> {
  const byAgs = new Map<string, AreaFeature>();
  const merged: string[] = [];
  for (const path of ["public/data/gemeinden-split/de-03.geojson", "public/data/gemeinden-split/de-15.geojson"]) {
    const collection = parseCollection(await readSourceText("vg250-ew", path), "vg250-ew", path);
    for (const f of collection.features) {
      const ags = String(f.properties.ags);
      if (!/^\d{8}$/.test(ags)) throw new FormatError("vg250-ew", path, `AGS "${ags}" is not 8 digits`);
      const pop = Number(f.properties.pop);
      const area = Number(f.properties.area_km2);
      const existing = byAgs.get(ags);
      if (existing) {
        merged.push(ags);
        existing.geometry = {type: "MultiPolygon", coordinates: [...polygons(existing.geometry), ...polygons(f.geometry)]};
        // The copy carries pop 0 and area 0: keep the real attributes.
        if (pop > 0) Object.assign(existing.properties, {pop, area_km2: area});
        continue;
      }
      byAgs.set(ags, {
        type: "Feature",
        id: ags,
        properties: {name: String(f.properties.name), level: "gemeinde", parent_id: ags.slice(0, 5), county: String(f.properties.county), pop, area_km2: area},
        geometry: f.geometry
      });
    }
  }
  return {features: [...byAgs.values()], merged};
}

/** Magdeburg's 40 Stadtteile (OSM), joined by name to the KISS-MD numbering. */
export async function magdeburgStadtteile(): Promise<AreaFeature[]> {
  const file = "data/Stadtteile/Stadtteile.geojson";
  const collection = parseCollection(await readSourceText("magdeburg-stadtteile", file), "magdeburg-stadtteile", file);
  const numberOf = new Map(Object.entries(STADTTEILE).map(([nr, name]) => [name, Number(nr)]));
  const features = collection.features.map((f): AreaFeature => {
    const name = String(f.properties.name);
    const nr = numberOf.get(name);
    if (nr === undefined) throw new FormatError("magdeburg-stadtteile", file, `Stadtteil "${name}" is not in the KISS-MD numbering`);
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
  const file = "src/data/districtBoundaries.json";
  let json: Record<string, FeatureCollection>;
  try {
    json = JSON.parse(await readSourceText("wolfsburg-stadtteile", file));
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError("wolfsburg-stadtteile", file, `not valid JSON: ${(error as Error).message}`);
  }
  return Object.entries(json).flatMap(([name, collection]) =>
    collection.features.map((f): AreaFeature => ({
      type: "Feature",
      id: wolfsburgStadtteilId(name),
      properties: {name, level: "stadtteil", parent_id: "03103000", origin: f.properties.source === "wolfsburg-gdi-official" ? "Stadt Wolfsburg (GDI)" : "OpenStreetMap"},
      geometry: f.geometry
    }))
  );
}
