import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, expect, test} from "vitest";
import {brokenLinks} from "../../scripts/postprocess.ts";

let dir: string;
afterEach(() => rmSync(dir, {recursive: true, force: true}));

test("internal links: query strings and anchors are fine, a missing page is reported with its source page", () => {
  dir = mkdtempSync(join(tmpdir(), "atlas-links-"));
  mkdirSync(join(dir, "karten"));
  writeFileSync(join(dir, "index.html"), `<a href="./karten/magdeburg?jahr=2020&amp;gebiet=15003000-st01">ok</a><a href="https://example.org/">external is another check</a><a href="#top">anchor</a>`);
  writeFileSync(join(dir, "karten/magdeburg.html"), `<a href="../">home</a><a href="./niedersachsen?gebiet=03103">missing</a><a href="/karten/magdeburg#karte">self</a>`);
  expect(brokenLinks(dir)).toEqual(["/karten/magdeburg.html: ./niedersachsen?gebiet=03103"]);
  writeFileSync(join(dir, "karten/niedersachsen.html"), "");
  expect(brokenLinks(dir)).toEqual([]);
});
