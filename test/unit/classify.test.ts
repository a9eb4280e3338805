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
