// The home page's place search over the real index (data/places.csv and Magdeburg's 40 Stadtteile).
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {attachPlaceSearch, searchPlaces} from "../../components/placesearch.ts";
import {searchablePlaces, stadtteilSlug} from "../../loaders/site/place-index.ts";

const index = searchablePlaces(new Set(["/karten/magdeburg"]));
const names = (q: string) => searchPlaces(index, q).map((e) => e.name);

describe("place index", () => {
  test("every profile place and every Magdeburg Stadtteil, each with a page", () => {
    expect(index).toHaveLength(50 + 40);
    expect(index.find((e) => e.ags === "03357")).toMatchObject({name: "Landkreis Rotenburg (Wümme)", href: "/orte/landkreis-rotenburg-wuemme"});
    expect(index.find((e) => e.ags === "15003000-st01")).toMatchObject({name: "Altstadt", href: "/karten/magdeburg?gebiet=15003000-st01", kind: "Stadtteil von Magdeburg"});
    expect(new Set(index.map((e) => e.href)).size).toBe(index.length);
  });
  test("Stadtteile link to their profile once the build has Stadtteil profiles", () => {
    const later = searchablePlaces(new Set(["/karten/magdeburg", "/orte/magdeburg/altstadt"]));
    expect(later.find((e) => e.name === "Neustädter See")?.href).toBe("/orte/magdeburg/neustaedter-see");
    expect(stadtteilSlug("Randau-Calenberge")).toBe("randau-calenberge");
  });
  test("without the Magdeburg map the Stadtteile have no page and are not offered", () => {
    expect(searchablePlaces(new Set())).toHaveLength(50);
  });
});

describe("searchPlaces", () => {
  test("Göttingen finds Stadt and Landkreis, however the umlaut is typed", () => {
    for (const q of ["Göttingen", "goettingen", "Gottingen", "GÖTTINGEN "]) expect(names(q).slice(0, 2).sort()).toEqual(["Landkreis Göttingen", "Stadt Göttingen"]);
  });
  test("Hannover: the Landeshauptstadt first, then Region and Umland", () => {
    expect(names("Hannover")).toEqual(["Landeshauptstadt Hannover", "Region Hannover", "Hannover-Umland"]);
  });
  test("AGS: exact code first, a prefix finds the Kreise below it", () => {
    expect(names("03357")).toEqual(["Landkreis Rotenburg (Wümme)"]);
    expect(names("03159016")).toEqual(["Stadt Göttingen"]);
    expect(names("0315")).toContain("Landkreis Göttingen");
    expect(names("15003000-st01")).toEqual(["Altstadt"]);
  });
  test("Magdeburg: the city before its Stadtteile; a Stadtteil by name", () => {
    expect(names("Magdeburg")[0]).toBe("Landeshauptstadt Magdeburg");
    expect(names("neustädter")).toEqual(["Neustädter Feld", "Neustädter See"]);
  });
  test("nothing for an empty query, punctuation or an unknown name", () => {
    expect(names("")).toEqual([]);
    expect(names("  -- ")).toEqual([]);
    expect(names("Atlantis")).toEqual([]);
    expect(names("99999")).toEqual([]);
  });
});

describe("attachPlaceSearch", () => {
  const dom = () => {
    const {window} = new JSDOM(`<form><input id="q"><ul id="l" hidden></ul><p id="s"></p></form>`);
    const doc = window.document;
    return {window, doc, input: doc.getElementById("q") as HTMLInputElement, list: doc.getElementById("l")!, status: doc.getElementById("s")!};
  };
  test("typing lists the places as options; Enter goes to the first, arrows move", () => {
    const {window, input, list, status} = dom();
    const went: string[] = [];
    attachPlaceSearch(input, list, status, index, {go: (href) => went.push(href)});
    input.value = "Göttingen";
    input.dispatchEvent(new window.Event("input"));
    expect([...list.querySelectorAll("[role=option]")].map((o) => o.textContent)).toEqual(["Landkreis GöttingenLandkreis in Niedersachsen · 03159", "Stadt GöttingenKreisangehörige Stadt in Niedersachsen · 03159016"]);
    expect(list.hidden).toBe(false);
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(status.textContent).toBe("2 Orte gefunden");
    input.dispatchEvent(new window.KeyboardEvent("keydown", {key: "ArrowDown"}));
    input.dispatchEvent(new window.KeyboardEvent("keydown", {key: "Enter"}));
    expect(went).toEqual(["/orte/stadt-goettingen"]);
  });
  test("no match says so in German; text typed before the script ran is searched at once", () => {
    const {window, input, list, status} = dom();
    input.value = "Rotenburg";
    attachPlaceSearch(input, list, status, index, {go: () => {}});
    expect(list.querySelectorAll("[role=option]")).toHaveLength(1);
    input.value = "Xyz";
    input.dispatchEvent(new window.Event("input"));
    expect(list.hidden).toBe(true);
    expect(status.textContent).toMatch(/^Kein Ort gefunden/);
  });
});

// issue 17: every Kreis a page. Names and codes from Destatis 12411-0018 (Gebietsstand 31.12.2020, 401 Kreise).
describe("the Kreise of Germany in the search", () => {
  test("each Kreis without a full profile leads to its short profile /kreise/<AGS>; the profiled ones are not doubled", async () => {
    const {buildGermanyFacts} = await import("../../loaders/model/germany.ts");
    const kreise = (await buildGermanyFacts()).facts.filter((f) => f.area_level === "kreis" && f.indicator === "destatis:bevoelkerung" && f.year === 2020);
    expect(new Set(kreise.map((f) => f.area_id)).size).toBe(401);
    const all = searchablePlaces(new Set(["/karten/magdeburg", "/kreise"]), kreise);
    const short = all.filter((e) => e.href.startsWith("/kreise/"));
    // 401 Kreise less the 45 Kreise of Niedersachsen with a profile of their own and Magdeburg.
    expect(short).toHaveLength(355);
    expect(new Set(all.map((e) => e.href)).size).toBe(all.length);
    const find = (q: string) => searchPlaces(all, q).map((e) => `${e.name} ${e.href}`);
    expect(find("München")).toEqual(["München, kreisfreie Stadt /kreise/09162", "München, Landkreis /kreise/09184"]);
    expect(find("09162")).toEqual(["München, kreisfreie Stadt /kreise/09162"]);
    expect(find("Landkreis Harz")[0]).toBe("Harz, Landkreis /kreise/15085");
    // Magdeburg and Wolfsburg lead to their full profiles only.
    expect(find("Wolfsburg")).toEqual(["Wolfsburg /orte/wolfsburg"]);
    expect(find("Magdeburg")[0]).toBe("Landeshauptstadt Magdeburg /orte/magdeburg");
    expect(all.filter((e) => e.ags === "15003" || e.ags === "03103" && e.href.startsWith("/kreise"))).toEqual([]);
  });
});
