/**
 * What the sources hold for Gemeinden: population and area from VG250-EW
 * (BKG), the attributes of the Gemeinde boundaries, as facts. The density is
 * the atlas's own division (flag "derived"). VG250-EW names no reference day
 * in this copy, so year and reference_date stay null rather than guessed.
 */
import {gemeinden} from "./boundaries.ts";
import type {Fact} from "../model/model.ts";

export const VG250_SOURCE = "vg250-ew";
const FILE_OF = (ags: string) => `public/data/gemeinden-split/de-${ags.slice(0, 2)}.geojson`;

export async function gemeindeFacts(): Promise<Fact[]> {
  const {features} = await gemeinden();
  const facts: Fact[] = [];
  for (const f of features) {
    const ags = String(f.id);
    const pop = f.properties.pop as number;
    const area = f.properties.area_km2 as number;
    const base = {source_id: VG250_SOURCE, area_id: ags, area_name: String(f.properties.name), area_level: "gemeinde" as const, year: null, reference_date: null, sex: "total" as const, age_group: "total", category: "total", source_ref: `${FILE_OF(ags)}#ags=${ags}`};
    const popOk = Number.isFinite(pop);
    const areaOk = Number.isFinite(area) && area > 0;
    facts.push(
      {...base, indicator: "vg250:einwohner", value: popOk ? pop : null, unit: "persons", flag: popOk ? null : "missing"},
      {...base, indicator: "vg250:flaeche", value: areaOk ? area : null, unit: "km2", flag: areaOk ? null : "missing"},
      {...base, indicator: "vg250:dichte", value: popOk && areaOk ? pop / area : null, unit: "persons_per_km2", flag: popOk && areaOk ? "derived" : "missing"}
    );
  }
  return facts;
}
