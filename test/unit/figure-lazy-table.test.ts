/**
 * A figure's data table of more than LAZY_ROWS rows is built when the reader
 * first opens it (or prints): a year change on the Germany map redraws 401
 * rows nobody looks at otherwise. The downloads never depend on it.
 */
import {JSDOM} from "jsdom";
import {expect, test} from "vitest";
import {LAZY_ROWS, figure, figureFiles, installPrintSupport} from "../../components/figure.ts";

const dom = new JSDOM("<!doctype html><body></body>");
const {document} = dom.window;

function make(rows: number): HTMLElement {
  const data = Array.from({length: rows}, (_, i) => ({Kreis: `K${i}`, Wert: i / 4}));
  const chart = document.createElement("div");
  const fig = figure(chart, {id: `test-${rows}`, title: "Test", source: "Quelle", date: 2020, definition: "Def", data, columns: [{key: "Kreis", label: "Kreis"}, {key: "Wert", label: "Wert", numeric: true}], document});
  document.body.append(fig);
  return fig;
}
const rowsOf = (fig: HTMLElement) => fig.querySelectorAll("details.atlas-figure-data tbody tr").length;
const toggled = (details: HTMLDetailsElement) => new Promise((resolve) => details.addEventListener("toggle", resolve, {once: true}));

test("a table of up to LAZY_ROWS rows is there at once; a longer one on first opening, whole", async () => {
  expect(rowsOf(make(LAZY_ROWS))).toBe(LAZY_ROWS);
  const long = make(401);
  expect(rowsOf(long)).toBe(0);
  const details = long.querySelector("details.atlas-figure-data") as HTMLDetailsElement;
  const done = toggled(details);
  details.open = true;
  await done;
  expect(rowsOf(long)).toBe(401);
  expect(long.querySelectorAll("details.atlas-figure-data table").length).toBe(1);
  // Closed and opened again: still one table.
  details.open = false;
  await toggled(details);
  details.open = true;
  await toggled(details);
  expect(long.querySelectorAll("details.atlas-figure-data table").length).toBe(1);
});

test("printing builds every long table before the page is laid out, and the downloads have every row unopened", () => {
  const long = make(250);
  expect(figureFiles(long).german.trim().split("\n").length).toBeGreaterThanOrEqual(251);
  installPrintSupport(document);
  dom.window.dispatchEvent(new dom.window.Event("beforeprint"));
  // Synchronously: no toggle event has run yet.
  expect(rowsOf(long)).toBe(250);
  dom.window.dispatchEvent(new dom.window.Event("afterprint"));
  expect((long.querySelector("details.atlas-figure-data") as HTMLDetailsElement).open).toBe(false);
});
