/**
 * /quellen's parts with the real register and real findings: each source's
 * commit as a link, every pinned file with its SHA-256 and canonical URL,
 * licences by name; findings a page at a time with every Fundstelle linked.
 */
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import {findingsBrowser, findingsList, PAGE_SIZE, type FindingRow} from "../../components/findings.ts";
import {sourceSection, type PinnedFile} from "../../components/sourceregister.ts";
import {buildMagdeburgFacts} from "../../loaders/model/tables.ts";
import {mirrorDir} from "../../loaders/source/paths.ts";
import {registry} from "../../loaders/source/sources.ts";
import {allSourceStatus} from "../../loaders/source/status.ts";

const dom = () => new JSDOM("<!doctype html><body></body>").window;

describe("the source register", () => {
  test("every source: commit as a link, every pinned file with its SHA-256 (that of the mirror's bytes) and canonical URL, licence by name or its absence with the source's terms", async () => {
    const {document} = dom();
    const statuses = await allSourceStatus();
    for (const status of statuses) {
      const src = registry().sources.find((s) => s.id === status.id)!;
      const files: PinnedFile[] = src.files.map((f) => [f.path, f.sha256, f.bytes]);
      const section = sourceSection(status, files, {document});
      expect(section.id).toBe(`quelle-${src.id}`);
      expect(section.querySelector("a.atlas-commit")?.getAttribute("href")).toBe(`https://github.com/${src.repository}/tree/${src.commit}`);
      expect(section.querySelector("a.atlas-commit")?.textContent).toBe(`${src.repository} @ ${src.commit}`);
      const items = [...section.querySelectorAll(".atlas-file-list li")];
      expect(items.length).toBe(src.files.length);
      for (const [i, li] of items.entries()) {
        expect(li.querySelector("code.atlas-sha256")?.textContent).toBe(src.files[i].sha256);
        expect(li.querySelector("a.atlas-file-raw")?.getAttribute("href")).toBe(`https://raw.githubusercontent.com/${src.repository}/${src.commit}/${src.files[i].path}`);
      }
      if (src.data_licence) expect(section.querySelector("a.atlas-licence")?.textContent).toBe(src.data_licence.name);
      else expect(section.querySelector("a.atlas-terms")?.getAttribute("href")).toBe(src.terms_url);
    }
    // The hash printed is that of the bytes: IM 1-1-2 as the mirror holds it.
    const im = registry().sources.find((s) => s.id === "im-niedersachsen")!;
    const bytes = readFileSync(join(mirrorDir() as string, im.repository, im.commit, "data/indicator_1-1-2.csv"));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(im.files.find((f) => f.path === "data/indicator_1-1-2.csv")?.sha256);
    expect(statuses.find((s) => s.id === "destatis-kreise")?.data_licence?.name).toBe("dl-de/by-2-0");
    expect(statuses.find((s) => s.id === "wolfsburg-stadtteile")?.data_licence?.name).toBe("ODbL 1.0");
  }, 120_000);
});

describe("findings", () => {
  let findings: FindingRow[];
  beforeAll(async () => {
    findings = (await buildMagdeburgFacts()).findings.map((f) => ({table: "facts-magdeburg", ...f}) as FindingRow);
  }, 120_000);

  test(`a page of ${PAGE_SIZE} at a time, never all; the pager walks through all`, () => {
    const {document} = dom();
    expect(findings.length).toBeGreaterThan(500);
    const first = findingsList(findings, {document});
    expect(first.querySelectorAll("li.atlas-finding").length).toBe(PAGE_SIZE);
    const pages = Math.ceil(findings.length / PAGE_SIZE);
    expect(first.dataset.pages).toBe(String(pages));
    const last = findingsList(findings, {page: pages, document});
    expect(last.querySelectorAll("li.atlas-finding").length).toBe(findings.length - (pages - 1) * PAGE_SIZE);
    // Beyond the last page: the last page, not an empty list.
    expect(findingsList(findings, {page: pages + 5, document}).dataset.page).toBe(String(pages));
  });

  test("filtered to Beyendorfer Grund: the printed 0 % against 7 of 20 is listed, its Fundstellen link the KISS-MD files at the pinned commit", () => {
    const {document} = dom();
    let state = {};
    const browser = findingsBrowser(findings, {state: {search: "Beyendorfer Grund 2021", severity: "warning"}, document, onChange: (s) => (state = s)});
    const items = [...browser.querySelectorAll("li.atlas-finding")];
    expect(items.length).toBeGreaterThan(0);
    const item = items.find((li) => li.textContent?.includes("die Quelle nennt einen Anteil von 0, ihre eigenen Anzahlen ergeben 7 von 20 = 35.00"));
    expect(item).toBeTruthy();
    const hrefs = [...item!.querySelectorAll(".atlas-finding-ref a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toContain("https://github.com/SmartCityMagdeburg2026/Datasources/blob/477945707257cd1023fc16f4c50dbe0b6b4fd75d/data/kiss-md/json/bevoelkerung/hauptwohnsitzbevoelkerung-nach-ausgewaehlten-indikatoren.json");
    // Changing a filter reports the state (the page writes it into its URL) and goes back to page 1.
    const search = browser.querySelector("input[name=suche]") as HTMLInputElement;
    search.value = "Zipkeleben";
    search.dispatchEvent(new document.defaultView!.Event("input"));
    expect(state).toMatchObject({search: "Zipkeleben", severity: "warning", page: 1});
    expect([...browser.querySelectorAll("li.atlas-finding")].every((li) => li.textContent?.includes("Zipkeleben"))).toBe(true);
  });

  test("a concept document's line links to its number in the reproduction", () => {
    const {document} = dom();
    const li = findingsList([{table: "facts-documents", check: "duplicate", severity: "info", source_id: "doc-goettingen", indicator: "goettingen:migration_background_persons", area_id: "03159016", year: 2022, message: "dieselbe Angabe steht zweimal im Dokument: 43024 und 43024", ref: "000_cf2b7c23d95d113b.txt:263 (abb05); 000_cf2b7c23d95d113b.txt:320 (abb09)"}], {root: "../", document});
    expect([...li.querySelectorAll(".atlas-finding-ref a")].map((a) => a.getAttribute("href"))).toEqual(["../reproduktion/goettingen#goettingen-z263", "../reproduktion/goettingen#goettingen-z320"]);
  });
});
