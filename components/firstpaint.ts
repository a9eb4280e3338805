/**
 * First paint from the build. A page that queries with DuckDB-WASM marks
 * where a chart goes with `<div class="atlas-firstpaint" data-firstpaint="<id>">`
 * right before the chart's cell; the build (scripts/firstpaint.ts) fills it
 * with the static SVG of the default view (/abbildungen/<id>.svg, drawn by
 * the same chart code) or, for a view given by URL parameters, a loading
 * state. The chart's cell then calls
 *
 *     display(firstPaint("<id>", chart))
 *
 * which takes the placeholder away in the same task as the interactive chart
 * arrives in the cell right below it: no blank frame, and the chart lands
 * where the picture was.
 */

const SELECTOR = ".atlas-firstpaint";

/** Removes the build-time picture (or loading state) of chart `id` and hands back the interactive chart. */
export function firstPaint<T>(id: string, chart: T, doc: Document = document): T {
  for (const slot of doc.querySelectorAll<HTMLElement>(`${SELECTOR}[data-firstpaint="${CSS.escape(id)}"]`)) slot.remove();
  return chart;
}

/** The state a placeholder is in: "static" (the build's picture), "pending" (loading a URL view) or undefined once replaced. */
export function firstPaintState(id: string, doc: Document = document): string | undefined {
  return doc.querySelector<HTMLElement>(`${SELECTOR}[data-firstpaint="${CSS.escape(id)}"]`)?.dataset.state;
}

/**
 * Runs `work` once the browser has painted what changed so far (the next
 * frame, then a task): a chart first, what lies below it a frame later. The
 * returned function cancels it (a cell's invalidation, when the reader
 * changes the view again first). Without a browser, runs at once.
 */
export function afterPaint(work: () => void): () => void {
  if (typeof requestAnimationFrame === "undefined") {
    work();
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
