import {describe, expect, test} from "vitest";
import {d3de, formatChange, formatDate, formatNumber, formatPercent, formatValue, label, quote} from "../../components/format.ts";

describe("German formatting", () => {
  test("numbers: thousands dot, decimal comma, minus sign", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(239970, {digits: 0})).toBe("239.970");
    expect(formatNumber(-198, {digits: 0})).toBe("−198");
    expect(formatNumber(0.25, {digits: 2})).toBe("0,25");
  });
  test("missing values print as a dash, never as 0", () => {
    expect(formatNumber(null)).toBe("–");
    expect(formatPercent(undefined)).toBe("–");
    expect(formatValue(null, "persons")).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
  });
  test("percent, change, units", () => {
    expect(formatPercent(27.3)).toBe("27,3 %");
    expect(formatChange(3.25, {unit: "Pp."})).toBe("+3,3 Pp.");
    expect(formatChange(-0.4)).toBe("−0,4");
    expect(formatValue(43024, "persons")).toBe("43.024");
    expect(formatValue(2.5, "per_1000")).toBe("2,5 je 1.000");
  });
  test("dates as 31.12.2022", () => {
    expect(formatDate("2022-12-31")).toBe("31.12.2022");
    expect(formatDate(2022)).toBe("2022");
    expect(formatDate(new Date(Date.UTC(2018, 11, 31)))).toBe("31.12.2018");
  });
  test("d3 tick format in German", () => {
    expect(d3de.format(",.1f")(1234.56)).toBe("1.234,6");
  });
  test("quotes and labels", () => {
    expect(quote("Vielfalt leben")).toBe("„Vielfalt leben“");
    expect(label("female")).toBe("weiblich");
    expect(label("suppressed")).toBe("gesperrt/geheim");
  });
});
