/**
 * loaders/boundaries.ts under hostile input, seeded from the real boundary
 * files of the mirror: Magdeburg's Stadtteile (40 features), Wolfsburg's
 * (42 collections), VG250-EW Gemeinden of Sachsen-Anhalt and Niedersachsen,
 * the IM Kreise (48) and Region Hannover.
 *
 * A row is a GeoJSON feature. Accounting: every feature becomes one area, or
 * (Gemeinden only) is merged into the area of the same AGS and reported in
 * `merged`: features in = areas out + merged. Anything else is refused with
 * a FormatError naming the file and the feature.
 */
import fc from "fast-check";
import {beforeAll, describe, expect, test} from "vitest";
import {gemeindenFrom, magdeburgStadtteileFrom, niKreiseFrom, parseFeatureCollection, toTopology, wolfsburgStadtteileFrom} from "../../../loaders/parse/boundaries.ts";
import {IM_SOURCE} from "../../../loaders/parse/im.ts";
import {available, cleanError, ERROR_PAGES, realText, resultOrCleanError, runs} from "./hostile.ts";

const MD = {source: "magdeburg-stadtteile", file: "data/Stadtteile/Stadtteile.geojson"};
const WOB = {source: "wolfsburg-stadtteile", file: "src/data/districtBoundaries.json"};
const GEM15 = {source: "vg250-ew", file: "public/data/gemeinden-split/de-15.geojson"};
const GEM03 = {source: "vg250-ew", file: "public/data/gemeinden-split/de-03.geojson"};
const NI = {source: IM_SOURCE, file: "NI_Kurz_diss.geojson"};
const RH = {source: IM_SOURCE, file: "NI_Region_Hannover.geojson"};
const ALL = [MD, WOB, GEM15, GEM03, NI, RH];

type Json = {type: string; features: Record<string, unknown>[]};
const text: Record<string, string> = {};
const json: Record<string, Json> = {};

/** Features a broken export or a hostile file could hold. */
const hostileFeature = fc.constantFrom<unknown>(
  null, 42, "feature", [], {}, {type: "Feature"},
  {type: "Feature", properties: null, geometry: {type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
  {type: "Feature", properties: {}, geometry: null},
  {type: "Feature", properties: {}, geometry: {type: "Point", coordinates: [11.6, 52.1]}},
  {type: "Feature", properties: {}, geometry: {type: "Polygon"}},
  {type: "Feature", properties: {}, geometry: {type: "Polygon", coordinates: []}},
  {type: "Feature", properties: {}, geometry: {type: "Polygon", coordinates: [[[0, 0], [1, 1]]]}},
  {type: "Feature", properties: {}, geometry: {type: "Polygon", coordinates: [[["11.6", "52.1"], [1, 0], [1, 1], [0, 0]]]}},
  {type: "Feature", properties: {}, geometry: {type: "Polygon", coordinates: [[[null, 0], [1, 0], [1, 1], [0, 0]]]}},
  {type: "Feature", properties: {}, geometry: {type: "MultiPolygon", coordinates: [[]]}},
  {type: "Feature", properties: {}, geometry: {type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1]]]]}}
);

/** Property values a hostile file could hold in place of a name, code or number. */
const hostileValue = fc.constantFrom<unknown>(undefined, null, "", " ", 0, -1, "0", "abc", "1e999", [], {}, true, "<img src=x onerror=alert(1)>", "K99999", "03159016", "Altstadt");

describe.runIf(ALL.every((x) => available(x.source, x.file)))("boundary files (mirror) under hostile input", () => {
  beforeAll(async () => {
    for (const x of ALL) {
      text[x.file] = await realText(x.source, x.file);
      json[x.file] = JSON.parse(text[x.file]);
    }
  });
  const md = (j: unknown) => magdeburgStadtteileFrom(JSON.stringify(j));
  const gem = (j: unknown) => gemeindenFrom([{path: GEM15.file, text: JSON.stringify(j)}]);

  test("as they are: 40 + 42 Stadtteile, 1 182 Gemeinden + 26 merged = 1 208 features, 48 Kreise and Region Hannover", () => {
    expect(magdeburgStadtteileFrom(text[MD.file])).toHaveLength(40);
    expect(wolfsburgStadtteileFrom(text[WOB.file])).toHaveLength(42);
    const g = gemeindenFrom([GEM03, GEM15].map((x) => ({path: x.file, text: text[x.file]})));
    expect([g.features.length, g.merged.length, json[GEM03.file].features.length + json[GEM15.file].features.length]).toEqual([1182, 26, 1208]);
    const ni = niKreiseFrom(text[NI.file], text[RH.file]);
    expect([ni.kreise.length, json[NI.file].features.length, ni.region.length]).toEqual([48, 48, 1]);
    expect(ni.kreise.find((k) => k.id === "03159")?.properties.name).toBe("Göttingen");
  });

  test("features reordered: the same areas; features repeated: Gemeinden merged and reported, elsewhere refused", () => {
    const mdIds = md(json[MD.file]).map((f) => f.id).sort();
    const gemIn = json[GEM15.file].features.length; // 218, no AGS twice
    expect(gem(json[GEM15.file]).merged).toEqual([]);
    fc.assert(
      fc.property(fc.shuffledSubarray([...json[MD.file].features.keys()], {minLength: 40}), fc.shuffledSubarray([...Array(gemIn).keys()], {minLength: gemIn}), fc.array(fc.nat({max: gemIn - 1}), {minLength: 1, maxLength: 5}), (order, gemOrder, dups) => {
        expect(md({...json[MD.file], features: order.map((i) => json[MD.file].features[i])}).map((f) => f.id).sort()).toEqual(mdIds);
        const features = [...gemOrder, ...dups].map((i) => json[GEM15.file].features[i]);
        const result = gem({...json[GEM15.file], features});
        expect(result.features.length + result.merged.length).toBe(features.length);
        expect(result.features).toHaveLength(gemIn);
        expect(cleanError(() => md({...json[MD.file], features: [...json[MD.file].features, json[MD.file].features[dups[0] % 40]]}), MD.source, MD.file).message).toMatch(/appears twice$/);
      }),
      runs(5)
    );
    expect(cleanError(() => niKreiseFrom(JSON.stringify({...json[NI.file], features: [...json[NI.file].features, json[NI.file].features[3]]}), text[RH.file]), NI.source, NI.file).message).toBe(
      `${IM_SOURCE}: NI_Kurz_diss.geojson: feature 49: area 03356 appears twice`
    );
  });

  test("cut at any character: refused as not valid JSON, naming the file", () => {
    fc.assert(
      fc.property(fc.constantFrom(MD, WOB, GEM15), fc.double({min: 0, max: 1, noNaN: true}), (x, share) => {
        const cut = text[x.file].slice(0, Math.floor(share * (text[x.file].length - 2)));
        const parse = x === MD ? () => magdeburgStadtteileFrom(cut) : x === WOB ? () => wolfsburgStadtteileFrom(cut) : () => gemeindenFrom([{path: x.file, text: cut}]);
        expect(cleanError(parse, x.source, x.file).message).toMatch(/not valid JSON|empty/);
      }),
      runs(30)
    );
  });

  test("a feature replaced by a hostile one, or a property by a hostile value: a FormatError naming file and feature, or every feature accounted for", () => {
    fc.assert(
      fc.property(fc.nat({max: 39}), fc.oneof(hostileFeature, fc.constant("property")), fc.constantFrom("name", "ags", "pop", "area_km2", "county", "AGS", "GEN"), hostileValue, (at, replacement, key, value) => {
        for (const [x, parse, count] of [
          [MD, md, (r: unknown) => (r as unknown[]).length],
          [GEM15, gem, (r: unknown) => (r as {features: unknown[]; merged: string[]}).features.length + (r as {merged: string[]}).merged.length]
        ] as const) {
          // The first 40 features: JSON round trips of the whole 1.3 MB file would make each run slow.
          const features = json[x.file].features.slice(0, 40);
          features[at] = replacement === "property" ? {...features[at], properties: {...(features[at].properties as object), [key]: value}} : (replacement as Record<string, unknown>);
          const result = resultOrCleanError(() => parse({...json[x.file], features}), x.source, x.file);
          if (result !== undefined) expect(count(result)).toBe(features.length);
        }
      }),
      runs(20)
    );
  });

  test("the structure broken: refused with a FormatError naming the file", () => {
    const variants: unknown[] = [null, [], 1, "x", {}, {type: "FeatureCollection"}, {type: "FeatureCollection", features: null}, {type: "FeatureCollection", features: {}}, {type: "Feature", features: []}];
    for (const v of variants) {
      cleanError(() => md(v), MD.source, MD.file);
      cleanError(() => gem(v), GEM15.source, GEM15.file);
      cleanError(() => niKreiseFrom(JSON.stringify(v), text[RH.file]), NI.source, NI.file);
      cleanError(() => parseFeatureCollection(JSON.stringify(v), "s", "f.geojson"), "s", "f.geojson");
    }
    const almke = (json[WOB.file] as unknown as Record<string, unknown>).Almke;
    for (const v of [null, [], 1, {Almke: null}, {Almke: {type: "FeatureCollection", features: [null]}}, {"": almke}, {"???": {type: "FeatureCollection", features: []}}]) {
      cleanError(() => wolfsburgStadtteileFrom(JSON.stringify(v)), WOB.source, WOB.file);
    }
    // Two names that make one id: refused, not one Stadtteil drawn twice.
    expect(cleanError(() => wolfsburgStadtteileFrom(JSON.stringify({"Almke": almke, "almke": almke})), WOB.source, WOB.file).message).toBe(
      `${WOB.source}: ${WOB.file}: feature 2: area 03103000-almke appears twice`
    );
    // No Region Hannover in the second file.
    expect(cleanError(() => niKreiseFrom(text[NI.file], JSON.stringify({type: "FeatureCollection", features: []})), RH.source, RH.file).message).toBe(`${IM_SOURCE}: NI_Region_Hannover.geojson: expected one feature RH03241, found 0`);
  });

  test("error pages, empty file and binary garbage: refused", () => {
    for (const page of [...ERROR_PAGES, "", "\u0000\u0001\u0002"]) {
      cleanError(() => magdeburgStadtteileFrom(page), MD.source, MD.file);
      cleanError(() => wolfsburgStadtteileFrom(page), WOB.source, WOB.file);
    }
  });

  test("whatever the parser accepts, toTopology can simplify (a subset of the Stadtteile)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...json[MD.file].features.keys()], {minLength: 1, maxLength: 5}), (picked) => {
        const features = magdeburgStadtteileFrom(text[MD.file]).filter((_, i) => picked.includes(i));
        const topo = toTopology({stadtteile: features}, {keep: 0.35});
        expect((topo.objects.stadtteile as {geometries: {id: string}[]}).geometries.map((g) => g.id).sort()).toEqual(features.map((f) => f.id).sort());
      }),
      runs(5)
    );
  });

  // Found by the fuzzing (fixed in loaders/boundaries.ts): a null feature or
  // one without properties ended in a TypeError („Cannot read properties of
  // null“); an unknown AGS in the Kreis file threw a plain Error naming no
  // file; a missing name became the area name "undefined" and a missing
  // population NaN; a position ["11.6", "52.1"] reached topojson.
  test("regressions: null feature, missing name and population, unknown AGS, text coordinates", () => {
    const features = json[MD.file].features;
    expect(cleanError(() => md({...json[MD.file], features: [null, ...features.slice(1)]}), MD.source, MD.file).message).toBe(`${MD.source}: ${MD.file}: feature 1: not an object`);
    const noName = {...features[0], properties: {}};
    expect(cleanError(() => md({...json[MD.file], features: [noName, ...features.slice(1)]}), MD.source, MD.file).message).toBe(`${MD.source}: ${MD.file}: feature 1: property name is missing`);
    const gemFeatures = json[GEM15.file].features;
    const noPop = {...gemFeatures[0], properties: {...(gemFeatures[0].properties as object), pop: null}};
    expect(cleanError(() => gem({...json[GEM15.file], features: [noPop]}), GEM15.source, GEM15.file).message).toMatch(/^vg250-ew: public\/data\/gemeinden-split\/de-15\.geojson: feature 1 \(15\d{6}\): pop null is not a number ≥ 0$/);
    const niFeatures = json[NI.file].features;
    const unknown = {...niFeatures[0], properties: {AGS: "K0399", GEN: "Atlantis"}};
    expect(cleanError(() => niKreiseFrom(JSON.stringify({...json[NI.file], features: [unknown]}), text[RH.file]), NI.source, NI.file).message).toBe(
      `${IM_SOURCE}: NI_Kurz_diss.geojson: feature 1: unknown GeoCode "K0399" (area "Atlantis")`
    );
    const textCoords = {...features[0], geometry: {type: "Polygon", coordinates: [[["11.6", "52.1"], [11.7, 52.1], [11.7, 52.2], [11.6, 52.1]]]}};
    expect(cleanError(() => md({...json[MD.file], features: [textCoords]}), MD.source, MD.file).message).toBe(`${MD.source}: ${MD.file}: feature 1: a position that is not two finite numbers`);
  });
});
