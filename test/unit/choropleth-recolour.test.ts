/**
 * A map drawn with `reuse` is recoloured in place on the next draw with the
 * same areas: what it shows must equal a map drawn afresh from the new values
 * (fills, values, classes, tooltips, hatching of areas without data, legend).
 */
import {JSDOM} from "jsdom";
import {expect, test} from "vitest";
import {choropleth, type GeoFeature, type MapRow} from "../../components/choropleth.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;

// Nine small squares near Kassel, as Kreise.
const features: GeoFeature[] = Array.from({length: 9}, (_, i) => {
  const [x, y] = [9 + (i % 3) * 0.2, 51 + Math.floor(i / 3) * 0.2];
  return {type: "Feature", id: `0${i + 1}000`, properties: {name: `Kreis ${i + 1}`}, geometry: {type: "Polygon", coordinates: [[[x, y], [x, y + 0.2], [x + 0.2, y + 0.2], [x + 0.2, y], [x, y]]]}};
});
const rowsOf = (year: number): MapRow[] => features.map((f, i) => ({area_id: String(f.id), name: String(f.properties.name), value: (i + year) % 4 === 0 ? null : ((i * 7 + year) % 11) + 0.5, details: [`Stand: 31.12.${year}`]}));

function shown(map: HTMLElement) {
  return {
    paths: [...map.querySelectorAll<SVGPathElement>("path[data-area-id]")].map((p) => ({id: p.dataset.areaId, fill: p.getAttribute("fill"), value: p.dataset.value, cls: p.dataset.class, label: p.dataset.label, aria: p.getAttribute("aria-label"), d: p.getAttribute("d")})),
    hatched: [...map.querySelectorAll("g.atlas-hatch-layer > path")].map((p) => p.getAttribute("d")).sort(),
    legend: map.querySelector(".atlas-legend")?.textContent
  };
}

test("recoloured for another year, the map equals one drawn afresh for that year, and is the same drawing", () => {
  const options = {width: 400, valueLabel: "je 1.000", onSelect: () => {}, reuse: "test-map", document};
  const first = choropleth(features, rowsOf(2016), options);
  const svg = first.querySelector("svg");
  const again = choropleth(features, rowsOf(2019), options);
  // The same svg element moved into the new figure: nothing projected again.
  expect(again.querySelector("svg")).toBe(svg);
  const fresh = choropleth(features, rowsOf(2019), {...options, reuse: undefined});
  expect(shown(again)).toEqual(shown(fresh));
  expect(shown(again).hatched.length).toBe(rowsOf(2019).filter((r) => r.value === null).length);
  expect(shown(again).paths.find((p) => p.id === "01000")?.label).toContain("31.12.2019");
});

test("a map drawn without gaps, recoloured for a year with gaps, hatches exactly the areas without data", () => {
  const options = {width: 400, valueLabel: "je 1.000", reuse: "test-map-3", document};
  const complete = rowsOf(2016).map((r, i) => ({...r, value: r.value ?? i + 0.25}));
  const first = choropleth(features, complete, options);
  expect(first.querySelectorAll("g.atlas-hatch-layer > path").length).toBe(0);
  const svg = first.querySelector("svg");
  const gaps = choropleth(features, rowsOf(2019), options);
  expect(gaps.querySelector("svg") === svg).toBe(true);
  const hatched = [...gaps.querySelectorAll("g.atlas-hatch-layer > path")].map((p) => p.getAttribute("d")).sort();
  const noData = [...gaps.querySelectorAll<SVGPathElement>("path[data-area-id]")].filter((p) => p.dataset.value === "").map((p) => p.getAttribute("d")).sort();
  expect(noData.length).toBe(rowsOf(2019).filter((r) => r.value === null).length);
  expect(hatched).toEqual(noData);
  // Hatched over the areas, under the outlines: right after the areas' layer.
  expect(!!gaps.querySelector("g.atlas-hatch-layer")?.previousElementSibling?.querySelector("path[data-area-id]")).toBe(true);
});

test("another width or selection draws afresh; other reuse keys and maps without one never share a drawing", () => {
  const options = {width: 400, valueLabel: "je 1.000", reuse: "test-map-2", document};
  const a = choropleth(features, rowsOf(2016), options).querySelector("svg");
  const wider = choropleth(features, rowsOf(2017), {...options, width: 500}).querySelector("svg");
  expect(a && wider && wider !== a).toBe(true);
  const selected = choropleth(features, rowsOf(2017), {...options, width: 500, selected: "03000"}).querySelector("svg");
  expect(selected && selected !== wider).toBe(true);
  // The control: the same options again reuse the drawing.
  const same = choropleth(features, rowsOf(2018), {...options, width: 500, selected: "03000"}).querySelector("svg");
  expect(same === selected).toBe(true);
  const plain1 = choropleth(features, rowsOf(2016), {...options, reuse: undefined});
  const plain2 = choropleth(features, rowsOf(2016), {...options, reuse: undefined});
  expect(plain1.querySelector("svg") !== null && plain1.querySelector("svg") !== plain2.querySelector("svg")).toBe(true);
});

test("a figure updated into the one in the page keeps the map where it is: the svg is never taken out, title, legend, caption and downloads are the new year's", async () => {
  const {figure, figureFiles} = await import("../../components/figure.ts");
  const options = {width: 400, valueLabel: "je 1.000", reuse: "test-map-in-place", document};
  const meta = (year: number) => ({id: "test-in-place", title: `Karte 31.12.${year}`, source: "Quelle", date: `31.12.${year}`, definition: "Def", data: rowsOf(year).map((r) => ({Kreis: r.name, Wert: r.value})), columns: [{key: "Kreis", label: "Kreis"}, {key: "Wert", label: "Wert", numeric: true}] as never, document});
  const slot = document.body.appendChild(document.createElement("div"));
  const first = figure(choropleth(features, rowsOf(2016), options), meta(2016));
  slot.append(first);
  const svg = first.querySelector("svg") as SVGSVGElement;
  const removed: Node[] = [];
  const observer = new document.defaultView!.MutationObserver((records) => records.forEach((r) => removed.push(...r.removedNodes)));
  observer.observe(slot, {childList: true, subtree: true});
  const again = figure(choropleth(features, rowsOf(2019), options), {...meta(2019), into: first});
  await Promise.resolve();
  observer.disconnect();
  expect(again).toBe(first);
  expect(again.querySelector("svg")).toBe(svg);
  // Nothing that holds the svg was taken out of the page (the old legend, title and caption were).
  expect(removed.some((n) => n === svg || n.contains(svg))).toBe(false);
  expect(removed.length).toBeGreaterThan(0);
  expect(again.querySelector("h3")?.textContent).toBe("Karte 31.12.2019");
  expect(again.querySelectorAll("h3, .atlas-legend, figcaption, .atlas-figure-actions").length).toBe(4);
  const fresh = figure(choropleth(features, rowsOf(2019), {...options, reuse: undefined}), meta(2019));
  expect(shown(again)).toEqual(shown(fresh));
  expect([...again.children].map((c) => c.className)).toEqual([...fresh.children].map((c) => c.className));
  expect(figureFiles(again).german).toBe(figureFiles(fresh).german);
  slot.remove();
});

test("`into` a figure whose chart was drawn afresh (another width) replaces nothing in place: a new figure", async () => {
  const {figure} = await import("../../components/figure.ts");
  const options = {width: 400, valueLabel: "je 1.000", reuse: "test-map-in-place-2", document};
  const meta = {id: "test-in-place-2", title: "Karte", source: "Quelle", date: "2020", definition: "Def", data: [], columns: [], document};
  const first = figure(choropleth(features, rowsOf(2016), options), meta);
  const wider = figure(choropleth(features, rowsOf(2016), {...options, width: 500}), {...meta, into: first});
  expect(wider).not.toBe(first);
  expect(wider.querySelector("svg")).not.toBe(first.querySelector("svg"));
});
