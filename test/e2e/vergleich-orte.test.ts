/**
 * The place picker of /vergleich in the browser: an unknown place id in the
 * URL is named in a notice (page and embed), typing a name adds a chip and a
 * line, the preset „Nachbarkreise“ takes the neighbours from the Kreis map, a
 * place keeps its colour whatever else is chosen, and a missing year is a
 * gap in the line on the page (Rotenburg, migration background, no 2020).
 */
import {describe, expect, test} from "vitest";
import {placeColor} from "../../components/charts/vergleich.ts";
import {useSite} from "./site.ts";

const site = useSite();
const lineStrokes = (page: import("playwright-core").Page) => page.locator('[data-chart="vergleich-linien"] g[aria-description="Linien"] path').evaluateAll((paths) => paths.map((p) => p.getAttribute("stroke")));

describe("/vergleich: places", {timeout: 240_000}, () => {
  test("an unknown place id in the URL produces a notice naming it", async () => {
    const page = await site.open("/vergleich?indikator=im:1-2-2&orte=03,03103,99999", {timeout: 90_000});
    try {
      await expect.poll(() => page.locator("[data-unknown-places]").textContent()).toBe("Unbekannte Ortskennung in der Adresse, nicht angezeigt: 99999. Orte über die Suche oben wählen.");
      expect(await page.locator(".atlas-chip .atlas-chip-name").allTextContents()).toEqual(["Niedersachsen", "Wolfsburg"]);
    } finally {
      await page.close();
    }
  });

  test("the embed page names an unknown place id too", async () => {
    const page = await site.open("/einbetten/vergleich-linien?indikator=im:1-2-2&orte=03,03103,0310x", {timeout: 90_000});
    try {
      expect(await page.locator("[data-unknown-places]").textContent()).toBe("Unbekannte Ortskennung in der Adresse, nicht angezeigt: 0310x.");
    } finally {
      await page.close();
    }
  });

  test("typing a name and Enter adds a chip, a line in the place's fixed colour and the id in the URL", async () => {
    const page = await site.open("/vergleich?indikator=im:1-2-2&orte=03,03103", {timeout: 90_000});
    try {
      expect(await lineStrokes(page)).toEqual([placeColor("03103")]);
      const search = page.getByLabel("Orte", {exact: true});
      await search.fill("Gifh");
      await search.press("Enter");
      await expect.poll(() => new URL(page.url()).searchParams.get("orte")).toBe("03,03103,03151");
      await expect.poll(() => lineStrokes(page)).toEqual(expect.arrayContaining([placeColor("03103"), placeColor("03151")]));
      // Wolfsburg keeps its colour with Gifhorn chosen before it.
      await page.getByRole("button", {name: "Wolfsburg entfernen"}).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("orte")).toBe("03,03151");
      await search.fill("Wolfsburg");
      await search.press("Enter");
      await expect.poll(() => new URL(page.url()).searchParams.get("orte")).toBe("03,03151,03103");
      await expect.poll(() => lineStrokes(page)).toEqual(expect.arrayContaining([placeColor("03103"), placeColor("03151")]));
    } finally {
      await page.close();
    }
  });

  test("preset „Nachbarkreise von Wolfsburg“: Gifhorn and Helmstedt (shared boundaries)", async () => {
    const page = await site.open("/vergleich?indikator=im:1-2-2&orte=03,03103", {timeout: 90_000});
    try {
      await page.getByRole("button", {name: "Nachbarkreise von Wolfsburg"}).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("orte")).toBe("03,03103,03151,03154");
      expect(await page.locator(".atlas-chip .atlas-chip-name").allTextContents()).toEqual(["Niedersachsen", "Wolfsburg", "Landkreis Gifhorn", "Landkreis Helmstedt"]);
    } finally {
      await page.close();
    }
  });

  test("Kreisgruppen and former Kreise are not in the search list but in their own labelled list", async () => {
    const page = await site.open("/vergleich?indikator=im:1-3-1&orte=03,03357", {timeout: 90_000});
    try {
      const options = await page.locator(".atlas-picker datalist option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
      expect(options).not.toContain("Osterode");
      expect(options.some((o) => o.includes(" / "))).toBe(false);
      const asides = await page.locator(".atlas-picker-asides li").allTextContents();
      expect(asides).toEqual(expect.arrayContaining(["Osterode – früherer Landkreis Osterode am Harz, seit 1.11.2016 Teil des Landkreises Göttingen"]));
      expect(asides.some((a) => a.includes(" / ") && a.includes("Kreisgruppe des Mikrozensus"))).toBe(true);
    } finally {
      await page.close();
    }
  });

  test("a series with a missing year draws two line pieces on the page (Rotenburg 1.3.1, no 2020)", async () => {
    const page = await site.open("/vergleich?indikator=im:1-3-1&orte=03,03357", {timeout: 90_000});
    try {
      const d = await page.locator(`[data-chart="vergleich-linien"] g[aria-description="Linien"] path[stroke="${placeColor("03357")}"]`).getAttribute("d");
      expect(d?.match(/M/g)).toHaveLength(2);
    } finally {
      await page.close();
    }
  });
});
