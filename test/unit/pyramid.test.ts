import {expect, test} from "vitest";
import {toShares} from "../../components/pyramid.ts";

test("relative mode: shares of men and women together sum to 100 %", () => {
  // Magdeburg 31.12.2021, ages 0 and 89 and 90+ (KISS-MD K3_T1 rows 1, 90, 91) as a tiny population
  const rows = [
    {age: 0, ageLabel: "0", male: 1012, female: 953},
    {age: 89, ageLabel: "89", male: 256, female: 461},
    {age: 90, ageLabel: "90 und älter", male: 705, female: 2018}
  ];
  const shares = toShares(rows);
  const sum = shares.reduce((s, r) => s + (r.male ?? 0) + (r.female ?? 0), 0);
  expect(sum).toBeCloseTo(100, 10);
  expect(shares[2].female).toBeCloseTo((100 * 2018) / 5405, 10);
});

test("a missing cell stays missing in relative mode", () => {
  const shares = toShares([{age: 0, ageLabel: "0", male: null, female: 10}, {age: 1, ageLabel: "1", male: 10, female: 10}]);
  expect(shares[0].male).toBeNull();
  expect(shares[0].female).toBeCloseTo(100 / 3, 10);
});
