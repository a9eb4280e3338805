/**
 * /quellen in the browser: each source's commit as a link, every pinned file
 * with SHA-256 and canonical URL, licences by name; the findings load on
 * request and show a page at a time (the old page rendered 500 at once,
 * 49.957 px tall), filters in the URL, every Fundstelle a link that leads
 * somewhere on the site or to the file at the pinned commit; 390 px wide
 * without horizontal scrolling.
 */
import {describe, expect, test} from "vitest";
import {PAGE_SIZE} from "../../components/findings.ts";
import {registry} from "../../loaders/source/sources.ts";
import {useSite} from "./site.ts";

const site = useSite();

describe("/quellen", () => {
  test("every source: commit link, SHA-256 and canonical URL of each pinned file, licence by name", async () => {
    const page = await site.open("/quellen");
    try {
      for (const src of registry().sources) {
        const section = page.locator(`#quelle-${src.id}`);
        expect(await section.locator("a.atlas-commit").getAttribute("href")).toBe(`https://github.com/${src.repository}/tree/${src.commit}`);
        const hashes = await section.locator("code.atlas-sha256").allTextContents();
        expect(hashes).toEqual(src.files.map((f) => f.sha256));
        const raw = await section.locator("a.atlas-file-raw").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
        expect(raw).toEqual(src.files.map((f) => `https://raw.githubusercontent.com/${src.repository}/${src.commit}/${f.path}`));
        if (src.data_licence) expect(await section.locator("a.atlas-licence").textContent()).toBe(src.data_licence.name);
        else expect(await section.locator("a.atlas-terms").getAttribute("href")).toBe(src.terms_url);
      }
      // The findings are not loaded until asked for.
      expect(await page.locator("li.atlas-finding").count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test("findings: loaded on request, a page at a time, filters in the URL, Fundstellen linked", async () => {
    const page = await site.open("/quellen");
    try {
      await page.getByRole("button", {name: "Befunde laden und durchsuchen"}).click();
      await page.waitForSelector("li.atlas-finding");
      expect(await page.locator("li.atlas-finding").count()).toBe(PAGE_SIZE);
      await page.click(".atlas-pager-next");
      expect(new URL(page.url()).searchParams.get("seite")).toBe("2");
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(25_000);
    } finally {
      await page.close();
    }
    const linked = await site.open("/quellen?suche=Beyendorfer%20Grund%202021&art=warning");
    try {
      await linked.waitForSelector("li.atlas-finding");
      const item = linked.locator("li.atlas-finding", {hasText: "= 35.00; nicht gezeigt und nicht ersetzt"});
      expect(await item.count()).toBe(1);
      const hrefs = await item.locator(".atlas-finding-ref a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^https:\/\/github\.com\/SmartCityMagdeburg2026\/Datasources\/blob\/477945707257cd1023fc16f4c50dbe0b6b4fd75d\/data\/kiss-md\//);
    } finally {
      await linked.close();
    }
  });

  test("a concept document's Fundstelle lands on its line in the reproduction", async () => {
    const page = await site.open("/quellen?tabelle=facts-documents&art=");
    let href: string | null;
    try {
      await page.waitForSelector("li.atlas-finding");
      href = await page.locator('.atlas-finding-ref a[data-kind="document"]').first().getAttribute("href");
      expect(href).toMatch(/reproduktion\/[a-z-]+#[a-z-]+-z\d+$/);
    } finally {
      await page.close();
    }
    const target = new URL(href!, "http://x/quellen");
    const repro = await site.open(target.pathname);
    try {
      expect(await repro.locator(target.hash).count()).toBe(1);
      expect(await repro.locator(`${target.hash} td`).first().textContent()).toBe(target.hash.replace(/^.*-z/, ""));
    } finally {
      await repro.close();
    }
  });

  test("390 px: no horizontal scrolling with the file lists open and the findings shown", async () => {
    const page = await site.open("/quellen?art=warning");
    try {
      await page.setViewportSize({width: 390, height: 844});
      await page.waitForSelector("li.atlas-finding");
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.close();
    }
  });
});
