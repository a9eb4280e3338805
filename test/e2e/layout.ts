/**
 * Layout checks for a page at a phone's width: the page must not be wider
 * than the window, and no chart text may run past its SVG's edge or over
 * another text of the same chart (bounding boxes as Chromium laid them out).
 */
import type {Page} from "playwright-core";

export interface LayoutReport {
  viewport: number;
  scrollWidth: number;
  /** The outermost elements reaching past the window's right edge. */
  wide: string[];
  /** Text running past its SVG's box. */
  clipped: string[];
  /** Pairs of texts of one SVG drawn over each other. */
  overlapping: string[];
}

export async function checkLayout(page: Page): Promise<LayoutReport> {
  // tsx (esbuild keepNames) wraps named functions in __name(); the page has no such helper.
  await page.evaluate("globalThis.__name ??= (f) => f");
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const describe = (e: Element) => {
      const chart = e.closest("[data-chart]") as HTMLElement | null;
      const id = chart?.dataset.chart ? `[${chart.dataset.chart}] ` : "";
      return `${id}${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.classList.length ? `.${[...e.classList].join(".")}` : ""}`;
    };
    const visible = (e: Element) => {
      const style = getComputedStyle(e);
      if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return false;
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    // Elements past the right edge whose parent is not (the place where the layout breaks), skipping those inside a box that scrolls on its own.
    const wide: string[] = [];
    const scrolls = (e: Element | null): boolean => {
      for (let p = e?.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === "auto" || o === "scroll" || o === "hidden") && p.getBoundingClientRect().right <= viewport + 1) return true;
      }
      return false;
    };
    for (const e of document.body.querySelectorAll("*")) {
      if (!visible(e) || e.closest("svg") !== null && e.tagName.toLowerCase() !== "svg") continue;
      const r = e.getBoundingClientRect();
      const right = r.right + window.scrollX;
      if (right <= viewport + 1 || scrolls(e)) continue;
      const parent = e.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right + window.scrollX > viewport + 1 && !scrolls(parent)) continue;
      wide.push(`${describe(e)} bis ${Math.round(right)} px`);
    }
    const clipped: string[] = [];
    const overlapping: string[] = [];
    for (const svg of document.querySelectorAll("svg")) {
      if (!visible(svg) || svg.parentElement?.closest("svg")) continue;
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")].filter((t) => visible(t) && (t.textContent ?? "").trim() !== "" && !t.closest("[aria-label=tip], .plot-tip, defs, title"));
      const rects = texts.map((t) => t.getBoundingClientRect());
      texts.forEach((t, i) => {
        const r = rects[i];
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) clipped.push(`${describe(svg)}: „${t.textContent?.trim().slice(0, 40)}“ (${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} von ${Math.round(box.width)} px)`);
      });
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = rects[i], b = rects[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // Glyph boxes include line spacing: a few pixels of touching boxes is not text over text.
          if (w > 2 && h > 3) overlapping.push(`${describe(svg)}: „${texts[i].textContent?.trim().slice(0, 30)}“ über „${texts[j].textContent?.trim().slice(0, 30)}“`);
        }
      }
    }
    return {viewport, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 8), clipped: clipped.slice(0, 12), overlapping: overlapping.slice(0, 12)};
  });
}
