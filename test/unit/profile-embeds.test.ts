/**
 * Profile charts outside the registry: their embed page and static SVG
 * addresses, the embed page's Markdown (the spec inlined as the profile page
 * inlines it, no site chrome, a way out of the iframe) and the static SVG
 * drawn from the spec (its CSV and title are the figure's).
 */
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {embedPaths} from "../../components/charts/registry.ts";
import {csvOf} from "../../components/figure.ts";
import {profileChart, profileEmbed, type ChartSpec} from "../../components/profilechart.ts";
import type {Place} from "../../loaders/model/places.ts";
import {profileChartList, profileEmbedMarkdown, profileEmbedRoute} from "../../loaders/site/profile-embed-page.ts";
import {fromPage} from "../../loaders/site/profile-page.ts";
import {drawProfileFigures, profileFigurePath} from "../../scripts/profile-figures.ts";

// Integrationsmonitoring Niedersachsen 1-2-2 (share of foreigners), 31.12.2023 and 2024, as facts-im holds them.
const spec: ChartSpec = {
  id: "wolfsburg-auslaenderanteil",
  title: "Anteil der ausländischen Bevölkerung, Wolfsburg und Niedersachsen, 2023–2024",
  unit: "percent",
  rows: [
    {series: "Wolfsburg", year: 2023, value: 19.8733262085874, flag: null},
    {series: "Wolfsburg", year: 2024, value: 20.0254708243285, flag: null},
    {series: "Niedersachsen", year: 2023, value: null, flag: "missing"},
    {series: "Niedersachsen", year: 2024, value: 13.6562121579529, flag: null}
  ],
  highlight: ["Wolfsburg"],
  reference: "Niedersachsen",
  breaks: [],
  source: "Integrationsmonitoring Niedersachsen, LSN",
  date: "jeweils 31.12., 2023–2024",
  definition: "Ausländerinnen und Ausländer je 100 Einwohner.",
  notes: ["Lücken in den Linien: kein Wert in der Quelle (nie als 0 gezeichnet)."],
  page: "/orte/wolfsburg"
};

const place = {slug: "wolfsburg", area_id: "03103", name: "Wolfsburg", kind: "kreisfreie_stadt"} as Place;
const dom = () => new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>").window.document;

describe("addresses", () => {
  test("a profile chart names its embed page and SVG below /einbetten/orte/ and /abbildungen/orte/, one view without parameters", () => {
    const entry = profileEmbed(spec)!;
    expect(entry).toMatchObject({id: spec.id, title: spec.title, page: "/orte/wolfsburg", static: true, params: []});
    expect(embedPaths(entry)).toEqual({embed: "einbetten/orte/wolfsburg-auslaenderanteil", svg: "abbildungen/orte/wolfsburg-auslaenderanteil.svg"});
    expect(profileEmbedRoute(spec)).toBe("/einbetten/orte/wolfsburg-auslaenderanteil");
    expect(profileFigurePath(spec)).toBe("orte/wolfsburg-auslaenderanteil.svg");
  });

  test("without a profile page there is no embed page (and no route for one)", () => {
    expect(profileEmbed({...spec, page: undefined})).toBeUndefined();
    expect(() => profileEmbedRoute({...spec, page: undefined})).toThrow(/no embed page/);
  });

  test("paths below the root as a page refers to them", () => {
    expect(fromPage("/orte/wolfsburg", "abbildungen/orte/x.svg")).toBe("../abbildungen/orte/x.svg");
    expect(fromPage("/einbetten/orte/wolfsburg-auslaenderanteil", "components/profilechart.js")).toBe("../../components/profilechart.js");
    expect(fromPage("/vergleich", "data/x.json")).toBe("./data/x.json");
  });
});

describe("the figure on the profile page", () => {
  test("offers the embed code of its own embed page and SVG (no query string)", () => {
    const doc = dom();
    const root = profileChart(spec, {width: 760, document: doc});
    doc.body.append(root);
    const details = root.querySelector<HTMLDetailsElement>("details.atlas-embed")!;
    expect(details).not.toBeNull();
    details.open = true;
    details.dispatchEvent(new doc.defaultView!.Event("toggle"));
    const code = root.querySelector("textarea")!.value;
    expect(code).toMatch(/^<iframe src="\/einbetten\/orte\/wolfsburg-auslaenderanteil" title="Anteil der ausländischen Bevölkerung, Wolfsburg und Niedersachsen, 2023–2024" width="100%" height="\d+"/);
    expect(root.querySelector("details.atlas-embed li")?.textContent).toMatch(/^Einbettungsseite \(ohne Navigation, eine feste Ansicht\): /);
    expect([...root.querySelectorAll("details.atlas-embed a")].map((a) => a.getAttribute("href"))).toEqual(["/einbetten/orte/wolfsburg-auslaenderanteil", "/abbildungen/orte/wolfsburg-auslaenderanteil.svg", "/einbetten/"]);
  });

  test("a spec without a page has no Einbetten disclosure", () => {
    expect(profileChart({...spec, page: undefined}, {width: 760, document: dom()}).querySelector("details.atlas-embed")).toBeNull();
  });
});

describe("embed page", () => {
  const md = profileEmbedMarkdown(place, spec);

  test("no site chrome, the spec inlined unchanged, drawn by profileChart", () => {
    const front = md.split("---")[1];
    for (const key of ["sidebar", "header", "footer", "toc", "pager"]) expect(front).toContain(`\n${key}: false\n`);
    expect(front).toContain(`title: ${JSON.stringify(spec.title)}`);
    expect(md).toContain(`import {profileChart} from "../../components/profilechart.js";`);
    const literal = /const spec = JSON\.parse\((".*")\);\n/.exec(md)![1];
    expect(JSON.parse(JSON.parse(literal))).toEqual(spec);
    expect(md).toContain("display(profileChart(spec, {width: Math.min(width, 900)}));");
  });

  test("a line leads to the whole profile, out of the iframe; names go in as text", () => {
    expect(md).toContain(`<a href="/orte/wolfsburg" target="_top">Profil Wolfsburg:`);
    const odd = profileEmbedMarkdown({...place, name: "<b>A&B ${x}</b>"}, spec);
    expect(odd).toContain("Profil &lt;b&gt;A&amp;B &#36;{x}&lt;/b&gt;:");
    // A title from a source can not close the script: the spec's literal escapes "<".
    const script = profileEmbedMarkdown(place, {...spec, title: "</script><b>"});
    const code = script.slice(script.indexOf("```js"));
    expect(code).not.toContain("</script>");
    expect(code).toContain("\\u003c/script>");
  });
});

describe("static SVG", () => {
  test("drawn from the spec: the figure's title, CSV, source, date and licence on the image", () => {
    const doc = dom();
    const svgs = drawProfileFigures([spec], doc);
    expect([...svgs.keys()]).toEqual(["orte/wolfsburg-auslaenderanteil.svg"]);
    const svg = new JSDOM(svgs.get("orte/wolfsburg-auslaenderanteil.svg")!, {contentType: "image/svg+xml"}).window.document;
    expect(svg.querySelector("title")?.textContent).toBe(spec.title);
    const csv = svg.querySelector("metadata#atlas-data")?.textContent ?? "";
    expect(csv).toContain("Wolfsburg;2024;20.0254708243285;\n");
    // The missing value stays empty with its flag, never 0.
    expect(csv).toMatch(/\nNiedersachsen;2023;;[^\n]+\n/);
    const page = profileChart(spec, {width: 760, document: doc});
    const fromPage = [...page.querySelectorAll("details.atlas-figure-data tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.getAttribute("data-value")).join(";"));
    expect(csv.trim().split("\n").slice(1)).toEqual(fromPage);
    expect(csv.split("\n")[0]).toBe("Reihe;Jahr;Wert;Kennzeichen");
    const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ");
    for (const part of ["Quelle: Integrationsmonitoring Niedersachsen, LSN", "Stand: jeweils 31.12., 2023–2024", "Lizenz: ", "/orte/wolfsburg"]) expect(texts).toContain(part);
    // The dots carry their values in German format.
    expect([...svg.querySelectorAll("circle title")].map((t) => t.textContent)).toContain("Wolfsburg 2024: 20,0 %");
  });

  test("the CSV is exactly what the figure's download gives", () => {
    const doc = dom();
    const svg = new JSDOM(drawProfileFigures([spec], doc).get("orte/wolfsburg-auslaenderanteil.svg")!, {contentType: "image/svg+xml"}).window.document;
    const columns = [{key: "Reihe" as const, label: "Reihe"}, {key: "Jahr" as const, label: "Jahr"}, {key: "Wert" as const, label: "Wert"}, {key: "Kennzeichen" as const, label: "Kennzeichen"}];
    const data = spec.rows.map((r) => ({Reihe: r.series, Jahr: r.year, Wert: r.value, Kennzeichen: r.flag === "missing" ? "keine Angabe" : ""}));
    expect(svg.querySelector("metadata#atlas-data")?.textContent).toBe(csvOf(data, columns));
  });

  test("two charts with one id are refused (one address, one image)", () => {
    expect(() => drawProfileFigures([spec, spec], dom())).toThrow(/twice/);
  });
});

describe("the list on /einbetten/", () => {
  test("places in order, each chart with its embed page and SVG; places without charts are left out", () => {
    const other = {...place, slug: "magdeburg", name: "Magdeburg"};
    const list = profileChartList({profiles: [{place: other}, {place}], charts: {wolfsburg: [spec], magdeburg: []}});
    expect(list).toEqual([
      {group: "ort", slug: "wolfsburg", name: "Wolfsburg", page: "/orte/wolfsburg", charts: [{id: spec.id, kind: "auslaenderanteil", title: spec.title, embed: "einbetten/orte/wolfsburg-auslaenderanteil", svg: "abbildungen/orte/wolfsburg-auslaenderanteil.svg"}]}
    ]);
  });
});
