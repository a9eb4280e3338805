import {describe, expect, test} from "vitest";
import {breaks, classOf, equalBreaks, jenksBreaks, quantileBreaks, stddevBreaks} from "../../components/classify.ts";

const values = [1, 2, 3, 4, 10, 11, 12, 30, 31, null];

describe("classification", () => {
  test("quantile breaks split the sorted values evenly", () => {
    expect(quantileBreaks([1, 2, 3, 4, 5], 2)).toEqual([3]);
    expect(quantileBreaks([0, 10, 20, 30, 40], 4)).toEqual([10, 20, 30]);
  });
  test("equal intervals span the range in equal steps", () => {
    expect(equalBreaks([0, 100, null], 4)).toEqual([25, 50, 75]);
    expect(equalBreaks([5, 5], 3)).toEqual([]);
  });
  test("natural breaks find the gaps", () => {
    expect(jenksBreaks(values, 3)).toEqual([10, 30]);
  });
  test("standard deviation breaks lie around the mean", () => {
    const b = stddevBreaks([2, 4, 4, 4, 5, 5, 7, 9], 4);
    expect(b[1]).toBeCloseTo(5, 10);
    expect(b[2] - b[1]).toBeCloseTo(2.138, 3);
  });
  test("classOf puts a value at a break into the upper class", () => {
    expect(classOf(10, [10, 30])).toBe(1);
    expect(classOf(9.99, [10, 30])).toBe(0);
    expect(classOf(31, breaks("jenks", values, 3))).toBe(2);
  });
});

describe("class colours", () => {
  test("exactly k colours for every class count the maps offer, sequential and diverging", async () => {
    const {classColors, legendOf} = await import("../../components/choropleth.ts");
    for (let k = 1; k <= 9; k++) {
      expect(classColors(k)).toHaveLength(k);
      expect(classColors(k, true)).toHaveLength(k);
      expect(new Set(classColors(k)).size).toBe(k);
    }
    // 4 equal intervals over 0..8: 3 breaks, 4 colours (Plot's quantize gave 5 here).
    const legend = legendOf([0, 1, 2, 3, 4, 5, 6, 7, 8], {method: "equal", classes: 4});
    expect(legend.breaks).toEqual([2, 4, 6]);
    expect(legend.colors).toHaveLength(4);
  });
  test("a diverging legend keeps zero a break and colours decreases blue, increases red", async () => {
    const {legendOf} = await import("../../components/choropleth.ts");
    const legend = legendOf([-3, -1, 2, 4, 6], {method: "equal", classes: 3, diverging: true, center: 0});
    expect(legend.breaks).toContain(0);
    expect(legend.colors).toHaveLength(legend.breaks.length + 1);
    const below = legend.breaks.indexOf(0) + 1;
    const rgb = (c: string) => c.match(/\d+/g)!.map(Number);
    for (const c of legend.colors.slice(0, below)) expect(rgb(c)[2]).toBeGreaterThan(rgb(c)[0]);
    for (const c of legend.colors.slice(below)) expect(rgb(c)[0]).toBeGreaterThan(rgb(c)[2]);
  });
});
