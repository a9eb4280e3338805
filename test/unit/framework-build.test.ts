import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
// @ts-expect-error Framework ships no types for its internals.
import {LoaderResolver} from "@observablehq/framework/dist/loader.js";
import {archiveMayHold, awaitLoaders, finalAsWritten, loaderTargets, shortcutLookups} from "../../scripts/framework-build.ts";

const src = join(import.meta.dirname, "../../src");
const interpreters = {};
type Found = {path: string; params?: unknown; targetPath?: string; constructor: {name: string}} | undefined;
const describe = (f: Found) => (f ? {kind: f.constructor.name, path: f.path, params: f.params ?? null, target: f.targetPath ?? null} : null);

const PATHS = ["/kreise/01001.md", "/kreise/01001", "/orte/wolfsburg.md", "/einbetten/orte/wolfsburg-auslaenderanteil.md", "/karten/deutschland.md", "/data/sources.json", "/data/de-kreis-karte.arrow", "/data/boundaries/de-kreise.json", "/abbildungen/deutschland-kreise.svg", "/gibt/es/nicht.csv"];

test("the build's shortcuts answer exactly what Framework answers, on the atlas's own source tree", async () => {
  const before = new LoaderResolver({root: src, interpreters});
  const expected = PATHS.map((p) => describe(before.find(p)));
  const hashes = PATHS.map((p) => before.getSourceFileHash(p));
  expect(await shortcutLookups()).toBe(true);
  const after = new LoaderResolver({root: src, interpreters});
  // Twice: the second answer comes from the build's memory.
  for (let round = 0; round < 2; round++) {
    expect(PATHS.map((p) => describe(after.find(p)))).toEqual(expected);
    expect(PATHS.map((p) => after.getSourceFileHash(p))).toEqual(hashes);
  }
  expect(expected[0]).toMatchObject({path: "kreise/[ags].md.ts", params: {ags: "01001"}});
  // The static figures are files inside the archive /abbildungen.tar (src/abbildungen.tar.ts).
  expect(expected.at(-2)).toMatchObject({path: "abbildungen.tar.ts", target: "/abbildungen/deutschland-kreise.svg"});
  expect(expected.at(-1)).toBeNull();
});

test("the archive search is skipped only where no archive loader could hold the path", () => {
  const archives = ["abbildungen.tar.ts", "daten/paket.zip"];
  expect(archiveMayHold(archives, "/abbildungen/karte.svg")).toBe(true);
  expect(archiveMayHold(archives, "/abbildungen/unter/karte.svg")).toBe(true);
  expect(archiveMayHold(archives, "/daten/paket/tabelle.csv")).toBe(true);
  expect(archiveMayHold(archives, "/kreise/01001.md")).toBe(false);
  expect(archiveMayHold(archives, "/daten/tabelle.csv")).toBe(false);
  expect(archiveMayHold(archives, "/index.md")).toBe(false);
  expect(archiveMayHold(["[ort].zip.ts"], "/kreise/01001.md")).toBe(true);
});

test("a source tree with an archive loader still finds files inside the archive", async () => {
  await shortcutLookups();
  const root = mkdtempSync(join(tmpdir(), "atlas-archive-"));
  try {
    mkdirSync(join(root, "daten"));
    writeFileSync(join(root, "daten", "paket.zip.ts"), "process.stdout.write('')\n");
    const found = describe(new LoaderResolver({root, interpreters}).find("/daten/paket/tabelle.csv"));
    expect(found).toMatchObject({path: "daten/paket.zip.ts", target: "/daten/paket/tabelle.csv"});
    const plain = mkdtempSync(join(tmpdir(), "atlas-plain-"));
    expect(describe(new LoaderResolver({root: plain, interpreters}).find("/daten/paket/tabelle.csv"))).toBeNull();
    rmSync(plain, {recursive: true});
  } finally {
    rmSync(root, {recursive: true});
  }
});

test("the loaders started early: every loader of a file or page that is not parameterised, the chart modules not", () => {
  const targets = loaderTargets(src);
  expect(targets).toEqual(expect.arrayContaining(["/abbildungen.tar", "/data/sources.json", "/data/boundaries/de-kreise.json", "/index.md", "/kreise.md"]));
  expect(targets.some((t) => t.includes("[") || t.startsWith("/components/"))).toBe(false);
});

test("Framework's HTML functions give the same result with the build's one shared jsdom window as with a window each", async () => {
  const {spawnSync} = await import("node:child_process");
  // @ts-expect-error Framework ships no types for its internals.
  const {findAssets, rewriteHtml} = await import("@observablehq/framework/dist/html.js");
  const samples = [
    "Text first, <b>then</b> markup &amp; entities &nbsp;",
    '<h2 id="kennzahlen">Kennzahlen</h2><table class="atlas-table"><tr><th scope="row">A</th><td class="num">1.234</td></tr></table>',
    '<p><a href="../quellen">Quellen</a> <a href="https://example.org/">extern</a> <img src="../data/bild.png"></p>',
    '<script type="module">const x = 1 < 2;</script><div class="observablehq observablehq--block"><observablehq-loading></observablehq-loading><!--:abc:--></div>',
    '<meta name="x" content="y"><link rel="stylesheet" href="./a.css"><svg viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg>',
    '<pre><code class="language-js">const a = "</code>";</code></pre><details><summary>Mehr</summary><p>Inhalt</p></details>',
    ""
  ];
  const expected = samples.map((html) => {
    const assets = findAssets(html, "/kreise/01001");
    return {rewritten: rewriteHtml(html, {resolveLink: (h: string) => `${h}#x`}), files: [...assets.files], links: [...assets.localLinks], anchors: [...assets.anchors]};
  });
  const root = join(import.meta.dirname, "../..");
  const child = spawnSync(process.execPath, ["--import", "tsx", join(root, "test/fixtures/pooled-html.ts"), JSON.stringify(samples)], {cwd: root, encoding: "utf8"});
  expect(child.stderr).toBe("");
  expect(JSON.parse(child.stdout)).toEqual(expected);
});

test("files the build step still writes: their loads wait until it is done, other loads do not, and the wait is reported", async () => {
  const loads: string[] = [];
  const loader = (path: string) => ({path, load: async () => (loads.push(path), `.observablehq/cache/${path}`)});
  const found = new Map([["/data/quality.json", loader("data/quality.json.ts")], ["/abbildungen/karte.svg", loader("abbildungen.tar.ts")], ["/data/sources.json", loader("data/sources.json.ts")]]);
  const loaders = {find: (path: string) => found.get(path)};
  let done!: () => void;
  const ready = new Promise<void>((resolve) => (done = resolve));
  const said: string[] = [];
  awaitLoaders(loaders, new Set(["data/quality.json.ts", "abbildungen.tar.ts"]), ready, (line) => said.push(line));
  const quality = loaders.find("/data/quality.json")!.load();
  const figure = loaders.find("/abbildungen/karte.svg")!.load();
  await loaders.find("/data/sources.json")!.load();
  // Asked twice, wrapped once.
  expect(loaders.find("/data/quality.json")).toBe(loaders.find("/data/quality.json"));
  expect(loads).toEqual(["data/sources.json.ts"]);
  done();
  expect(await Promise.all([quality, figure])).toEqual([".observablehq/cache/data/quality.json.ts", ".observablehq/cache/abbildungen.tar.ts"]);
  expect(loads).toEqual(["data/sources.json.ts", "data/quality.json.ts", "abbildungen.tar.ts"]);
  expect(said.join("")).toMatch(/Framework waited \d+\.\d s for the outputs of the build step/);
});

test("compressed while Framework runs: what post-processing keeps as written, not pages, stylesheets or Framework's client", () => {
  expect(finalAsWritten("/_file/data/vergleich.fa5db1ee.arrow")).toBe(true);
  expect(finalAsWritten("/_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm")).toBe(true);
  expect(finalAsWritten("/_import/components/figure.1a2b3c4d.js")).toBe(true);
  expect(finalAsWritten("/kreise/01001.html")).toBe(false);
  expect(finalAsWritten("/_import/style.292e5469.css")).toBe(false);
  expect(finalAsWritten("/_observablehq/client.b7642b81.js")).toBe(false);
});

test("the node imports bundled beforehand are exactly the bare imports of the pages and components", async () => {
  const {bareImports} = await import("../../scripts/node-bundles.ts");
  const imports = bareImports([join(src, "../components"), src]);
  expect(imports).toEqual(expect.arrayContaining(["@observablehq/plot", "d3", "topojson-client", "apache-arrow"]));
  expect(imports.some((i) => i.startsWith("node:") || i.startsWith("npm:") || i.startsWith("."))).toBe(false);
});
