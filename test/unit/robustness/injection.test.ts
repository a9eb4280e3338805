/**
 * Names and labels from sources are rendered as text, never as HTML: the
 * real components (figure, dataTable, csvOf, choropleth with its legend and
 * tooltips, pyramid, missingNotice) in jsdom, fed poisoned area names,
 * titles, sources and labels. No element and no event-handler attribute may
 * come from them, and the poison must be there, verbatim, as text.
 *
 * A control renders the same poison with innerHTML and must trip every
 * check, so the checks can fail.
 */
import {JSDOM} from "jsdom";
import {beforeEach, describe, expect, test} from "vitest";
import {choropleth, type GeoFeature} from "../../../components/choropleth.ts";
import {csvOf, dataTable, figure, missingNotice} from "../../../components/figure.ts";
import {pyramid} from "../../../components/pyramid.ts";

/** Payloads for text, attribute and SVG contexts. */
const POISON = {
  img: `<img src=x onerror="window.__pwned=1">`,
  script: `"><script>window.__pwned=2</script>`,
  svg: `</title><svg onload="window.__pwned=3"><title>`,
  attr: `" onmouseover="window.__pwned=4" x="`,
  entity: "&lt;b&gt;Altstadt&lt;/b&gt; & Co.",
  url: "javascript:window.__pwned=5"
};
const ALL = Object.values(POISON);

let dom: JSDOM;
let doc: Document;
beforeEach(() => {
  // Scripts enabled: were anything injected as script it would run and set __pwned.
  dom = new JSDOM(`<!DOCTYPE html><html lang="de"><body></body></html>`, {runScripts: "dangerously", pretendToBeVisual: true});
  doc = dom.window.document;
  // jsdom has no layout: Plot's tip asks for its text's box after drawing it.
  (dom.window.SVGElement.prototype as unknown as {getBBox: () => DOMRect}).getBBox = () => ({x: 0, y: 0, width: 120, height: 40}) as DOMRect;
});

/**
 * The tooltip Plot draws when the pointer rests on `path` (its centre, from
 * the path data: jsdom has no layout, so client coordinates are SVG ones).
 * Lines are joined with "\n"; Plot's zero-width spaces and soft wraps removed.
 */
async function tipOver(svg: SVGSVGElement, path: Element): Promise<string> {
  const numbers = (path.getAttribute("d") ?? "").match(/-?\d+(\.\d+)?/g)!.map(Number);
  const mean = (odd: number) => {
    const values = numbers.filter((_, i) => i % 2 === odd);
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  const at = {bubbles: true, clientX: mean(0), clientY: mean(1)};
  svg.dispatchEvent(new dom.window.MouseEvent("pointerenter", at));
  svg.dispatchEvent(new dom.window.MouseEvent("pointermove", at));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return [...svg.querySelectorAll("g[aria-label='tip'] tspan")].map((t) => (t.textContent ?? "").replace(/\u200b/g, "")).join("\n");
}

/** A stand-in path over a bar, for tipOver's centre. */
function makePath(x: number, y: number, w: number, h: number): Element {
  const path = doc.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", `M${x},${y}L${x + w},${y}L${x + w},${y + h}L${x},${y + h}`);
  return path;
}

/** Whether `tip` holds `line` as text, allowing for Plot's wrapping of long lines. */
const holds = (tip: string, line: string) => tip.replace(/\s+/g, "").includes(line.replace(/\s+/g, ""));

/** Everything that would execute or load: elements made from the poison and handler attributes. */
function injected(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll("img, script, iframe, object, embed, svg svg, foreignObject, a[href^='javascript'], b")) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of root.querySelectorAll("*")) {
    for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${el.tagName.toLowerCase()}[${attr}]`);
  }
  return found;
}

/** All text of the subtree, SVG <title> included. */
const text = (root: Node) => root.textContent ?? "";

/** A square around (x, y): a real polygon in lon/lat, clockwise as d3 wants it. */
function square(id: string, name: string, x: number, y: number): GeoFeature {
  const d = 0.05;
  return {type: "Feature", id, properties: {name}, geometry: {type: "Polygon", coordinates: [[[x, y], [x, y + d], [x + d, y + d], [x + d, y], [x, y]]]}};
}

describe("the control: innerHTML with the same poison trips every check", () => {
  test("an <img onerror> element and a handler attribute appear", () => {
    const div = doc.createElement("div");
    div.innerHTML = `<h3>${POISON.img}</h3><p>${POISON.svg}</p>`;
    expect(injected(div)).toEqual(expect.arrayContaining(["<img>", "img[onerror]", "svg[onload]"]));
    expect(text(div)).not.toContain(POISON.img);
  });
});

describe("components render poisoned names as text", () => {
  test("figure(): title, subtitle, source, date, definition, notes and the data table", () => {
    const rows = ALL.map((name, i) => ({name, value: i + 0.5}));
    const chart = doc.createElement("div");
    const root = figure(chart, {
      id: "gift",
      title: POISON.img,
      subtitle: POISON.script,
      source: POISON.svg,
      licence: POISON.attr,
      date: POISON.entity,
      definition: POISON.url,
      notes: [POISON.img],
      data: rows,
      columns: [
        {key: "name", label: POISON.script},
        {key: "value", label: "Wert", numeric: true}
      ],
      document: doc
    });
    doc.body.append(root);
    expect(injected(doc.body)).toEqual([]);
    expect(root.querySelector("h3")!.textContent).toBe(POISON.img);
    expect(root.querySelector(".atlas-figure-subtitle")!.textContent).toBe(POISON.script);
    const caption = text(root.querySelector("figcaption")!);
    for (const p of [POISON.svg, POISON.attr, POISON.entity, POISON.url, POISON.img]) expect(caption).toContain(p);
    const cells = [...root.querySelectorAll("tbody td:first-child")].map((td) => td.textContent);
    expect(cells).toEqual(ALL);
    expect(root.querySelector("thead th")!.textContent).toBe(POISON.script);
    expect(root.querySelector("table caption")!.textContent).toBe(POISON.img);
    expect((dom.window as unknown as {__pwned?: number}).__pwned).toBeUndefined();
  });

  test("dataTable() on its own and csvOf(): the CSV holds the names verbatim, quoted where they contain a quote", () => {
    const rows = [{name: POISON.script, value: 1}, {name: POISON.img, value: 2}];
    const columns = [{key: "name" as const, label: "Gebiet"}, {key: "value" as const, label: "Wert"}];
    const table = dataTable(rows, columns, {caption: POISON.svg, document: doc});
    expect(injected(table)).toEqual([]);
    expect([...table.querySelectorAll("td")].map((td) => td.textContent)).toEqual([POISON.script, "1", POISON.img, "2"]);
    expect(csvOf(rows, columns)).toBe(`Gebiet;Wert\n"""><script>window.__pwned=2</script>";1\n"<img src=x onerror=""window.__pwned=1"">";2\n`);
  });

  test("choropleth(): area names, value label and details in the tooltips, the value label in legend and aria-label", async () => {
    // Four Magdeburg Stadtteile ids, names replaced by the poison; one without data, one for context.
    const features = [
      square("15003000-st01", "Altstadt", 11.6, 52.1),
      square("15003000-st02", "Werder", 11.7, 52.1),
      square("15003000-st04", POISON.svg, 11.6, 52.2),
      square("15003000-st06", POISON.img, 11.7, 52.2),
      square("04011", POISON.script, 11.8, 52.2)
    ];
    const rows = [
      {area_id: "15003000-st01", name: POISON.img, value: 13.2, details: [POISON.script]},
      {area_id: "15003000-st02", name: POISON.attr, value: 7.5, details: [POISON.url]},
      {area_id: "15003000-st04", name: POISON.entity, value: 21.0}
    ];
    const map = choropleth(features, rows, {width: 500, valueLabel: POISON.svg, document: doc, selected: "15003000-st01", context: (f) => String(f.id).startsWith("04")});
    doc.body.append(map);
    expect(injected(doc.body)).toEqual([]);
    const svg = map.querySelector("svg")!;
    const paths = [...svg.querySelectorAll("g[aria-label='geo'] > path")].slice(0, features.length);
    const tips: string[] = [];
    for (const path of paths) tips.push(await tipOver(svg, path));
    // Row name, value label with the German value, rank, details — as text in the tooltip.
    for (const line of [POISON.img, `${POISON.svg}: 13,2`, "Rang 2 von 3", POISON.script]) expect(holds(tips[0], line), line).toBe(true);
    for (const line of [POISON.attr, `${POISON.svg}: 7,5`, POISON.url]) expect(holds(tips[1], line), line).toBe(true);
    expect(holds(tips[2], POISON.entity)).toBe(true);
    // No row: the feature's own name and „keine Daten“; the context area says so.
    expect(holds(tips[3], POISON.img) && holds(tips[3], "keine Daten")).toBe(true);
    expect(holds(tips[4], POISON.script) && holds(tips[4], "(außerhalb des Gebiets)")).toBe(true);
    expect(injected(doc.body)).toEqual([]);
    expect(svg.getAttribute("aria-label")).toBe(`Karte: ${POISON.svg}`);
    expect(map.querySelector(".atlas-legend")!.getAttribute("aria-label")).toBe(`Legende: ${POISON.svg} (eine Klasse anklicken hebt ihre Gebiete in Karte und Tabelle hervor)`);
    expect((dom.window as unknown as {__pwned?: number}).__pwned).toBeUndefined();
  });

  test("pyramid(): age labels in the tooltips and the comparison label as text", async () => {
    // Magdeburg 31.12.2021, K3_T1 rows 1 and 91 (ages 0 and 90+), labels poisoned
    const rows = [
      {age: 0, ageLabel: POISON.img, male: 1012, female: 953},
      {age: 90, ageLabel: POISON.script, male: 705, female: 2018}
    ];
    const chart = pyramid(rows, {width: 500, relative: true, compare: rows, compareLabel: POISON.svg, document: doc}) as SVGSVGElement | HTMLElement;
    doc.body.append(chart);
    expect(injected(doc.body)).toEqual([]);
    // With a legend Plot returns a <figure>: the swatches are SVGs too; the plot is the one with the bars.
    const svg = [chart, ...chart.querySelectorAll("svg")].find((e) => e.tagName.toLowerCase() === "svg" && e.querySelector("g[aria-label='rect']")) as SVGSVGElement;
    const bars = [...svg.querySelectorAll("g[aria-label='rect'] > rect")];
    const tips: string[] = [];
    for (const bar of bars.slice(0, 4)) {
      const [x, y, w, h] = ["x", "y", "width", "height"].map((a) => Number(bar.getAttribute(a)));
      tips.push(await tipOver(svg, makePath(x, y, w, h)));
    }
    // 1012 of 4688 people are men aged 0: 21,59 %; 2018 women of 90+: 43,05 %
    expect(tips.some((t) => holds(t, `männlich, ${POISON.img} Jahre: 21,59 %`))).toBe(true);
    expect(tips.some((t) => holds(t, `weiblich, ${POISON.script} Jahre: 43,05 %`))).toBe(true);
    expect(injected(doc.body)).toEqual([]);
    expect(text(chart)).toContain(`Linie: ${POISON.svg}`);
  });

  test("missingNotice(): a source title and how-to-get from the registry as text", () => {
    const box = missingNotice({id: POISON.attr, title: POISON.img, how_to_get: POISON.script}, doc);
    expect(injected(box)).toEqual([]);
    expect(box.querySelector("strong")!.textContent).toBe(`Quelle nicht verfügbar: ${POISON.img}`);
    expect(box.getAttribute("data-missing-source")).toBe(POISON.attr);
    expect(text(box)).toContain(POISON.script);
  });
});
