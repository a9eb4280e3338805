/**
 * Do the statistics' area keys join the map geometries? Every area of a
 * level the maps draw is checked against the boundary ids; keys on either
 * side without a partner are reported.
 */
import {gemeinden, magdeburgStadtteile, niKreise} from "../parse/boundaries.ts";
import type {Fact} from "./model.ts";
import type {Finding} from "./quality.ts";

interface JoinSpec {
  label: string;
  facts: (f: Fact) => boolean;
  geometry: () => Promise<Set<string>>;
  /** Geometry ids that are context, not statistics areas (Bremen inside Niedersachsen). */
  contextIds?: (id: string) => boolean;
}

export const JOINS: JoinSpec[] = [
  {
    label: "IM-Kreise ↔ NI_Kurz_diss.geojson",
    facts: (f) => f.source_id === "im-niedersachsen" && (f.area_level === "kreis" || f.area_level === "kreisteil") && f.area_id !== "03241" && f.area_id !== "03156",
    geometry: async () => new Set((await niKreise()).kreise.map((f) => f.id)),
    contextIds: (id) => id.startsWith("04")
  },
  {
    label: "Destatis-Kreise Niedersachsen ↔ NI_Kurz_diss.geojson",
    facts: (f) => f.source_id === "destatis-kreise" && f.area_level === "kreis" && f.area_id.startsWith("03") && f.value !== null && f.area_id !== "03241",
    geometry: async () => new Set((await niKreise()).kreise.map((f) => f.id)),
    contextIds: (id) => id.startsWith("04") || id.length > 5
  },
  {
    label: "KISS-MD-Stadtteile ↔ Stadtteile.geojson",
    facts: (f) => f.source_id === "kiss-md" && f.area_level === "stadtteil",
    geometry: async () => new Set((await magdeburgStadtteile()).map((f) => f.id))
  },
  {
    label: "Magdeburg (Gemeinde) ↔ VG250 de-15",
    facts: (f) => f.source_id === "kiss-md" && f.area_level === "gemeinde",
    geometry: async () => new Set((await gemeinden()).features.map((f) => f.id)),
    contextIds: () => true
  }
];

export async function checkJoins(facts: Fact[], specs: JoinSpec[] = JOINS): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const spec of specs) {
    const keys = new Map<string, Fact>();
    for (const f of facts) if (spec.facts(f) && !keys.has(f.area_id)) keys.set(f.area_id, f);
    const ids = await spec.geometry();
    const unmatchedFacts = [...keys.keys()].filter((k) => !ids.has(k));
    const unmatchedGeometry = [...ids].filter((id) => !keys.has(id) && !spec.contextIds?.(id));
    for (const key of unmatchedFacts) {
      const f = keys.get(key)!;
      findings.push({check: "join", severity: "warning", source_id: f.source_id, indicator: f.indicator, area_id: key, year: null, message: `${spec.label}: Gebiet ${key} (${f.area_name}) hat keine Geometrie`, ref: f.source_ref});
    }
    for (const id of unmatchedGeometry) {
      findings.push({check: "join", severity: "info", source_id: "", indicator: "", area_id: id, year: null, message: `${spec.label}: Geometrie ${id} hat keine Statistik`, ref: ""});
    }
    findings.push({check: "join", severity: "info", source_id: "", indicator: "", area_id: "", year: null, message: `${spec.label}: ${keys.size - unmatchedFacts.length} von ${keys.size} Gebietsschlüsseln finden ihre Geometrie`, ref: ""});
  }
  return findings;
}
