/**
 * The reproduction tables as embeddable figures: the registry names every
 * table of every transcribed document, and the embed renderer draws each
 * under its page's figure id with the page's numbers.
 */
import {JSDOM} from "jsdom";
import {expect, test} from "vitest";
import {reproductionById} from "../../components/charts/embed.ts";
import {CHARTS} from "../../components/charts/registry.ts";
import {buildReproduction} from "../../loaders/model/reproduction.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;
const data = await buildReproduction();
const entries = CHARTS.filter((c) => c.page.startsWith("/reproduktion/"));

test("the registry lists the overview and exactly the documents' tables, each on its document's page", () => {
  const tables = data.documents.flatMap((d) => d.tables.map((t) => `reproduktion-${d.slug}-${t.table_id}`));
  expect(tables).toHaveLength(11);
  expect(entries.map((e) => e.id).sort()).toEqual(["reproduktion-uebersicht", ...tables].sort());
  for (const e of entries.filter((x) => x.id !== "reproduktion-uebersicht")) expect(e.id.startsWith(`reproduktion-${e.page.split("/").pop()}-`), e.id).toBe(true);
});

test("Göttingen, Abb. 10 (naturalisations by sex): drawn under its id, with its 15 numbers and their lines", () => {
  const node = reproductionById("reproduktion-goettingen-abb10", data, {document, base: "./"});
  expect(node?.getAttribute("data-chart")).toBe("reproduktion-goettingen-abb10");
  const table = data.documents.find((d) => d.slug === "goettingen")?.tables.find((t) => t.table_id === "abb10");
  expect(table?.rows).toHaveLength(15);
  expect(node?.querySelectorAll("details.atlas-figure-data tbody tr").length).toBeGreaterThanOrEqual(15);
  expect(reproductionById("reproduktion-goettingen-abb99", data, {document, base: "./"})).toBeNull();
});

test("the overview counts the same tables as the pages", () => {
  const node = reproductionById("reproduktion-uebersicht", data, {document, base: "../reproduktion/"}) as HTMLElement;
  const cells = [...node.querySelectorAll('tr[data-document="goettingen"] td[data-key="tabellen"]')].map((td) => td.textContent);
  expect(cells).toEqual(["6"]);
  expect(node.querySelector('tr[data-document="goettingen"] a')?.getAttribute("href")).toBe("../reproduktion/goettingen");
});
