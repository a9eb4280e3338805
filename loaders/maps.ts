/** The map boundary files (src/data/boundaries/*.json), one builder each. */
import {gemeinden, magdeburgStadtteile, niKreise, toTopology, wolfsburgStadtteile} from "./boundaries.ts";

export const BOUNDARIES = {
  "ni-kreise": async () => toTopology(await niKreise(), {keep: 0.2}),
  "gemeinden": async () => toTopology({gemeinden: (await gemeinden()).features}, {keep: 0.08}),
  "magdeburg-stadtteile": async () => toTopology({stadtteile: await magdeburgStadtteile()}, {keep: 0.35}),
  "wolfsburg-stadtteile": async () => toTopology({stadtteile: await wolfsburgStadtteile()}, {keep: 0.35})
} as const;

export type BoundaryName = keyof typeof BOUNDARIES;
