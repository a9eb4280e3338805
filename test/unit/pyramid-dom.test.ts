import {JSDOM} from "jsdom";
import {expect, test} from "vitest";
import {OUTLINE_COLORS, pyramid} from "../../components/pyramid.ts";

// Magdeburg 31.12.2021 and 31.12.2024, ages 0, 89, 90+ (KISS-MD K3_T1) as a tiny population
const y2021 = [
  {age: 0, ageLabel: "0", male: 1012, female: 953},
  {age: 89, ageLabel: "89", male: 256, female: 461},
  {age: 90, ageLabel: "90 und älter", male: 705, female: 2018}
];
const other = y2021.map((r) => ({...r, male: r.male + 10, female: r.female - 10}));

test("each bar carries age, sex and the value it draws; widths are proportional to the values", () => {
  const document = new JSDOM("<!doctype html><body></body>").window.document;
  const chart = pyramid(y2021, {width: 640, document}) as Element;
  const bars = [...chart.querySelectorAll<SVGRectElement>("rect[data-age]")];
  expect(bars.map((b) => [b.dataset.age, b.dataset.sex, b.dataset.value])).toEqual([
    ["0", "male", "1012"], ["0", "female", "953"], ["89", "male", "256"], ["89", "female", "461"], ["90", "male", "705"], ["90", "female", "2018"]
  ]);
  const width = (age: string, sex: string) => Number(bars.find((b) => b.dataset.age === age && b.dataset.sex === sex)!.getAttribute("width"));
  expect(width("90", "female") / width("0", "male")).toBeCloseTo(2018 / 1012, 2);
});

test("up to five comparison outlines, each in its colour with its label", () => {
  const document = new JSDOM("<!doctype html><body></body>").window.document;
  const compares = [2, 3, 4, 5, 6, 7].map((k) => ({rows: other, label: `31.12.202${k}`}));
  const chart = pyramid(y2021, {width: 640, relative: true, compares, document}) as Element;
  const strokes = new Set([...chart.querySelectorAll("path")].map((p) => p.getAttribute("stroke") ?? p.parentElement?.getAttribute("stroke")).filter((s) => s && OUTLINE_COLORS.includes(s)));
  expect(strokes.size).toBe(5);
  const labels = [...chart.querySelectorAll("text")].map((t) => t.textContent).filter((t) => t?.startsWith("Linie: "));
  expect(labels).toEqual(["Linie: 31.12.2022", "Linie: 31.12.2023", "Linie: 31.12.2024", "Linie: 31.12.2025", "Linie: 31.12.2026"]);
});
