/**
 * The place picker of /vergleich: typeahead matching, chips, presets, the
 * areas kept out of the main list, unknown URL ids, fixed colours, and the
 * neighbouring Kreise from the real Kreis boundaries (shared arcs).
 */
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import {aggregateLabel, neighbourKreise, placeColor, similarInSize, unknownPlaceIds, type Area} from "../../components/charts/vergleich.ts";
import {matchPlace, placePicker} from "../../components/placepicker.ts";
import {SERIES_COLORS} from "../../components/timeseries.ts";
import {availability} from "../../loaders/source/fetch.ts";
import {BOUNDARIES} from "../../loaders/model/maps.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;
const areas: Area[] = [
  {area_id: "03", name: "Niedersachsen", level: "land"},
  {area_id: "03103", name: "Wolfsburg", level: "kreis"},
  {area_id: "03151", name: "Gifhorn", level: "kreis"},
  {area_id: "03154", name: "Helmstedt", level: "kreis"},
  {area_id: "03357", name: "Rotenburg (Wümme)", level: "kreis"},
  {area_id: "03156", name: "Osterode", level: "kreis"},
  {area_id: "03402+03457", name: "Emden, Stadt / Leer", level: "kreisgruppe"}
];

test("typeahead: exact name, the only name containing the text, else the first starting with it", () => {
  expect(matchPlace(areas, "wolfsburg")?.area_id).toBe("03103");
  expect(matchPlace(areas, "Wümme")?.area_id).toBe("03357");
  expect(matchPlace(areas, "xyz")).toBeUndefined();
});

test("Kreisgruppen and former Kreise are labelled and kept out of the main list", () => {
  expect(aggregateLabel(areas[5])).toMatch(/früherer Landkreis Osterode/);
  expect(aggregateLabel(areas[6])).toMatch(/Kreisgruppe/);
  expect(aggregateLabel(areas[1])).toBeNull();
  const picker = placePicker(areas, {value: [areas[1]], aside: aggregateLabel, document});
  const options = [...picker.querySelectorAll("datalist option")].map((o) => (o as HTMLOptionElement).value);
  expect(options).toEqual(["Niedersachsen", "Gifhorn", "Helmstedt", "Rotenburg (Wümme)"]);
  expect([...picker.querySelectorAll(".atlas-picker-asides button")].map((b) => b.textContent)).toEqual(["Osterode", "Emden, Stadt / Leer"]);
});

test("chips: typing a name and Enter adds it, × removes it, each change is an input event", () => {
  const picker = placePicker(areas, {value: [areas[1]], aside: aggregateLabel, document});
  let events = 0;
  picker.addEventListener("input", () => events++);
  const search = picker.querySelector("input")!;
  search.value = "Gifh";
  search.dispatchEvent(new document.defaultView!.KeyboardEvent("keydown", {key: "Enter"}));
  expect(picker.value.map((a) => a.area_id)).toEqual(["03103", "03151"]);
  (picker.querySelector('button[aria-label="Wolfsburg entfernen"]') as HTMLButtonElement).click();
  expect(picker.value.map((a) => a.area_id)).toEqual(["03151"]);
  expect(events).toBe(2);
  search.value = "Atlantis";
  search.dispatchEvent(new document.defaultView!.KeyboardEvent("keydown", {key: "Enter"}));
  expect(picker.querySelector('[role="status"]')?.textContent).toBe("Kein Ort „Atlantis“ in den Daten dieses Vergleichs.");
  expect(events).toBe(2);
});

test("at most `max` places; a preset over the limit says what it left out", () => {
  const picker = placePicker(areas, {value: [], max: 2, presets: () => [{label: "alle", ids: areas.map((a) => a.area_id)}], document});
  (picker.querySelector(".atlas-preset") as HTMLButtonElement).click();
  expect(picker.value).toHaveLength(2);
  expect(picker.querySelector('[role="status"]')?.textContent).toMatch(/^Höchstens 2 Orte; 5 nicht übernommen: Gifhorn, Helmstedt/);
  expect((picker.querySelector("input") as HTMLInputElement).disabled).toBe(true);
});

test("unknown place ids in the URL are named", () => {
  expect(unknownPlaceIds(areas, ["03103", "99999", " ", "03999", "99999"])).toEqual(["99999", "03999"]);
});

test("a place's colour does not depend on what else is chosen; the concept places differ", () => {
  expect(placeColor("03103")).toBe(SERIES_COLORS[1]);
  expect(placeColor("03357")).toBe(SERIES_COLORS[3]);
  const concept = ["03159016", "03103", "03241", "03357", "15003000", "03159"].map((id) => placeColor(id));
  expect(new Set(concept).size).toBe(6);
  // Neighbouring Kreise with consecutive numbers differ.
  expect(placeColor("03151")).not.toBe(placeColor("03152"));
});

test("ähnlich groß: closest populations by ratio, not the place itself, not aggregates", () => {
  const population = new Map([["03103", 125_000], ["03151", 180_000], ["03154", 91_000], ["03357", 166_000], ["03402+03457", 200_000]]);
  expect(similarInSize(population, "03103", areas, 2)).toEqual(["03357", "03154"]);
});

const boundaries = availability("im-niedersachsen").available.includes("NI_Kurz_diss.geojson");
describe.runIf(boundaries)("Nachbarkreise from the real Kreis boundaries", () => {
  let topology: Parameters<typeof neighbourKreise>[0];
  beforeAll(async () => {
    topology = (await BOUNDARIES["ni-kreise"]()) as never;
  }, 60_000);
  test("Wolfsburg borders Gifhorn and Helmstedt", () => {
    expect(neighbourKreise(topology, "03103")).toEqual(["03151", "03154"]);
  });
  test("the Region Hannover's neighbours are those of its parts, without the parts", () => {
    const n = neighbourKreise(topology, "03241");
    expect(n.some((id) => id.startsWith("03241"))).toBe(false);
    expect(n).toEqual(expect.arrayContaining(["03254", "03256", "03257", "03351", "03252"]));
  });
  test("a place that is no Kreis of the map has none", () => {
    expect(neighbourKreise(topology, "15003000")).toEqual([]);
  });
});
