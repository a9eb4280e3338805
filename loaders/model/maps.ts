/** The map boundary files (src/data/boundaries/*.json), one builder each. */
import {gemeinden, magdeburgStadtteile, niKreise, toTopology, wolfsburgStadtteile} from "../parse/boundaries.ts";
import {germanyTopology} from "./germany-map.ts";

export const BOUNDARIES = {
  "ni-kreise": async () => toTopology(await niKreise(), {keep: 0.35}),
  "gemeinden": async () => toTopology({gemeinden: (await gemeinden()).features}, {keep: 0.08}),
  // All of Niedersachsen at once: 990 Gemeinden at 1.5 % of the points (about 33,000 instead of 176,000), enough for 800 px.
  "gemeinden-ni": async () => toTopology({gemeinden: (await gemeinden()).features.filter((f) => String(f.id).startsWith("03"))}, {keep: 0.015}),
  "magdeburg-stadtteile": async () => toTopology({stadtteile: await magdeburgStadtteile()}, {keep: 0.6}),
  "wolfsburg-stadtteile": async () => toTopology({stadtteile: await wolfsburgStadtteile()}, {keep: 0.6}),
  // All Kreise of Germany (VG5000, 01.01.2021) with the Länder merged from them.
  "de-kreise": germanyTopology
} as const;

export type BoundaryName = keyof typeof BOUNDARIES;
