/**
 * BKG VG5000 (Stand 01.01.2021): the 401 Kreise of Germany, ids = ARS (the
 * 5-digit Kreis key the fact tables use). The Länder are not in the file:
 * the map derives them by merging the Kreise on the first two digits.
 */
import {excerpt} from "./csv.ts";
import {parseFeatureCollection, type AreaFeature} from "./boundaries.ts";
import {FormatError} from "../source/errors.ts";
import {readSourceText} from "../source/fetch.ts";

export const VG5000_SOURCE = "vg5000";
export const VG5000_FILE = "geojson/Ebene_Kreise.geojson";
/** The boundary year every Germany map uses. */
export const VG5000_DATE = "01.01.2021";

export const LAENDER: Record<string, string> = {
  "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen", "05": "Nordrhein-Westfalen", "06": "Hessen",
  "07": "Rheinland-Pfalz", "08": "Baden-Württemberg", "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg",
  "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen"
};

export function deKreiseFrom(text: string): AreaFeature[] {
  const collection = parseFeatureCollection(text, VG5000_SOURCE, VG5000_FILE);
  const seen = new Set<string>();
  return collection.features.map((f, i): AreaFeature => {
    const at = `feature ${i + 1}`;
    const ars = f.properties.ARS;
    const name = f.properties.GEN;
    if (typeof ars !== "string" || !/^\d{5}$/.test(ars) || !LAENDER[ars.slice(0, 2)]) throw new FormatError(VG5000_SOURCE, VG5000_FILE, `${at}: ARS ${excerpt(String(ars))} is not a 5-digit Kreis key of a Land`);
    if (typeof name !== "string" || name.trim() === "") throw new FormatError(VG5000_SOURCE, VG5000_FILE, `${at}: GEN is not a name`);
    if (seen.has(ars)) throw new FormatError(VG5000_SOURCE, VG5000_FILE, `${at}: Kreis ${ars} appears twice`);
    seen.add(ars);
    const bez = typeof f.properties.BEZ === "string" ? f.properties.BEZ : "";
    return {type: "Feature", id: ars, properties: {name, level: "kreis", parent_id: ars.slice(0, 2), bez}, geometry: f.geometry};
  });
}

export async function deKreise(): Promise<AreaFeature[]> {
  return deKreiseFrom(await readSourceText(VG5000_SOURCE, VG5000_FILE));
}
