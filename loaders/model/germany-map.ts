/**
 * The Germany map's boundaries: VG5000 Kreise simplified to TopoJSON, and
 * the 16 Länder merged from them (topojson-client's mergeArcs keeps the
 * shared borders identical to the Kreis borders).
 */
import {mergeArcs} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {toTopology} from "../parse/boundaries.ts";
import {deKreise, LAENDER} from "../parse/vg5000.ts";

export async function germanyTopology(): Promise<Topology> {
  const topology = toTopology({kreise: await deKreise()}, {keep: 0.12, quantization: 1e4});
  const kreise = (topology.objects.kreise as GeometryCollection).geometries;
  const laender = Object.entries(LAENDER).sort(([a], [b]) => a.localeCompare(b)).map(([id, name]) => ({
    ...mergeArcs(topology as never, kreise.filter((g) => String(g.id).slice(0, 2) === id) as never),
    id,
    properties: {name, level: "land"}
  }));
  topology.objects.laender = {type: "GeometryCollection", geometries: laender} as never;
  return topology;
}
