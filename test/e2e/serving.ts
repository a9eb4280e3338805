/**
 * The page and header checks every server of the atlas must pass, the same
 * for `npm run serve` (scripts/server.ts, server.test.ts) and for nginx with
 * deploy/nginx/ (nginx.test.ts). Expected values come from dist/ itself:
 * each page's <meta> policy, the bytes of the files.
 */
import {readFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {IMMUTABLE, metaPolicy} from "../../scripts/headers.ts";
import {launch} from "./browser.ts";
import {get, rawStatus} from "./http.ts";
import {dist, landmarks} from "./landmarks.ts";

export {landmarks};

export interface Served {
  url: string;
  close(): Promise<void>;
}

const ORDINARY = ["/", "/karten/magdeburg", "/quellen", "/vergleich"];
const pageFile = (path: string) => join(dist, path.endsWith("/") ? `${path}index.html` : `${path}.html`);
const policyOf = (path: string) => metaPolicy(readFileSync(pageFile(path), "utf8"));

/**
 * @param encodings the precompressed encodings this server sends, preferred first
 *   (nginx on Debian 12: gzip only, no brotli module)
 */
export function servingChecks(name: string, start: () => Promise<Served>, {encodings}: {encodings: ("br" | "gzip")[]}) {
  describe(`${name}: pages and headers`, () => {
    let server: Served;
    const at = landmarks();
    beforeAll(async () => {
      server = await start();
    });
    afterAll(async () => {
      await server?.close();
    });

    test.each(ORDINARY)("%s: its own policy plus frame-ancestors 'none', nosniff, Referrer-Policy, revalidation", async (path) => {
      const r = await get(server.url + path);
      expect(r.status).toBe(200);
      expect(r.headers["content-type"]).toMatch(/^text\/html; ?charset=utf-8$/i);
      const meta = policyOf(path);
      expect(meta).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(r.headers["content-security-policy"]).toBe(`${meta}; frame-ancestors 'none'`);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["referrer-policy"]).toBe("same-origin");
      expect(r.headers["cache-control"]).toBe("no-cache");
      expect(r.body.toString("utf8")).toBe(readFileSync(pageFile(path), "utf8"));
    });

    test("an embed page may be framed by any site; figure and chart module carry nosniff", async () => {
      const r = await get(server.url + at.embed);
      expect(r.status).toBe(200);
      expect(r.headers["content-security-policy"]).toBe(`${policyOf(at.embed)}; frame-ancestors *`);
      for (const path of [at.figure, at.module]) {
        const f = await get(server.url + path);
        expect(f.status, path).toBe(200);
        expect(f.headers["x-content-type-options"]).toBe("nosniff");
        expect(f.headers["cache-control"]).toBe("no-cache"); // stable URLs: their content changes under the same name
      }
    });

    test("content-hashed assets are cached for a year; HEAD has the headers and no body", async () => {
      const r = await get(server.url + at.hashedScript);
      expect(r.status).toBe(200);
      expect(r.headers["cache-control"]).toBe(IMMUTABLE);
      expect(r.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
      expect(r.headers.etag).toBeTruthy();
      const head = await get(server.url + at.hashedScript, {}, "HEAD");
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers.etag).toBe(r.headers.etag);
      const again = await get(server.url + at.hashedScript, {"if-none-match": String(r.headers.etag)});
      expect(again.status).toBe(304);
    });

    test("wasm and Arrow: right types, and Range gives 206 with the file's own bytes", async () => {
      for (const [path, type] of [[at.wasm, "application/wasm"], [at.arrow, "application/vnd.apache.arrow.stream"]]) {
        const bytes = readFileSync(join(dist, path));
        const full = await get(server.url + path);
        expect(full.headers["content-type"], path).toBe(type);
        expect(full.headers["accept-ranges"]).toBe("bytes");
        for (const [range, start, end] of [["bytes=0-7", 0, 7], ["bytes=100-1123", 100, 1123], [`bytes=${bytes.length - 50}-`, bytes.length - 50, bytes.length - 1], ["bytes=-32", bytes.length - 32, bytes.length - 1]] as const) {
          for (const accept of [{}, {"accept-encoding": "identity"}] as Record<string, string>[]) {
            const r = await get(server.url + path, {range, ...accept});
            expect(r.status, `${path} ${range}`).toBe(206);
            expect(r.headers["content-range"]).toBe(`bytes ${start}-${end}/${bytes.length}`);
            expect(r.headers["content-encoding"]).toBeUndefined();
            expect(Buffer.compare(r.body, bytes.subarray(start, end + 1))).toBe(0);
          }
        }
        if (path === at.wasm) expect(bytes.subarray(0, 4).toString("latin1")).toBe("\0asm");
        else expect(bytes.readUInt32LE(0)).toBe(0xffffffff); // Arrow IPC stream: continuation marker
        expect((await get(server.url + path, {range: `bytes=${bytes.length + 10}-`})).status).toBe(416);
      }
    });

    test("precompressed copies: the preferred accepted encoding, q=0 refuses, tokens case-insensitive, Vary", async () => {
      const path = "/karten/magdeburg";
      const plain = readFileSync(pageFile(path));
      const decode = (r: {headers: {"content-encoding"?: string}; body: Buffer}) =>
        r.headers["content-encoding"] === "br" ? brotliDecompressSync(r.body) : r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body;
      const cases: [string, string | undefined][] = [
        ["br, gzip", encodings[0]],
        ["gzip, deflate, br", encodings[0]],
        ["br;q=0, gzip", "gzip"],
        ["BR;Q=0, GZIP", "gzip"],
        ["gzip;q=0, br;q=0", undefined],
        ["br;q=0", undefined],
        ["identity", undefined]
      ];
      for (const [accept, expected] of cases) {
        const r = await get(server.url + path, {"accept-encoding": accept});
        expect(r.status, accept).toBe(200);
        expect(r.headers["content-encoding"], accept).toBe(expected);
        expect(r.headers.vary ?? "", accept).toMatch(/accept-encoding/i);
        expect(Buffer.compare(decode(r), plain), accept).toBe(0);
        expect(r.headers["content-security-policy"]).toBe(`${policyOf(path)}; frame-ancestors 'none'`);
      }
      const wasm = await get(server.url + at.wasm, {"accept-encoding": "gzip, br"});
      expect(wasm.headers["content-type"]).toBe("application/wasm");
      expect(encodings).toContain(wasm.headers["content-encoding"]);
      expect(Buffer.compare(decode(wasm), readFileSync(join(dist, at.wasm)))).toBe(0);
    });

    test("unknown paths: the 404 page with status 404 and the headers; dotfiles and traversal never served", async () => {
      const r = await get(server.url + "/karten/gibt-es-nicht");
      expect(r.status).toBe(404);
      expect(r.body.toString("utf8")).toBe(readFileSync(join(dist, "404.html"), "utf8"));
      expect(r.headers["content-security-policy"]).toBe(`${metaPolicy(readFileSync(join(dist, "404.html"), "utf8"))}; frame-ancestors 'none'`);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      for (const target of ["/.nginx/csp-map.conf", "/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/karten/..%2f..%2fpackage.json", "/%2e%2e%5c%2e%2e%5cpackage.json", "//etc/passwd"]) {
        const status = await rawStatus(server.url, target);
        expect([400, 403, 404], target).toContain(status);
      }
    });

    test("other methods get 405 with Allow", async () => {
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
        const r = await get(server.url + "/quellen", {}, method);
        expect(r.status, method).toBe(405);
        expect(r.headers.allow, method).toBe("GET, HEAD");
      }
      expect((await get(server.url + "/quellen")).status).toBe(200);
    });

    test("malformed escapes, NUL bytes and overlong URLs get a 4xx, and the server keeps serving", async () => {
      const targets: (string | Buffer)[] = ["/%", "/%E0%A4%A", "/karten/%ZZ", "/%00", "/karten/magdeburg%00.html", "/%C0%AF", Buffer.from("/a\0b", "latin1"), "/" + "a".repeat(10_000), "/karten/" + "%41".repeat(3_000), "/" + "x".repeat(70_000)];
      for (const target of targets) {
        const status = await rawStatus(server.url, target);
        expect(status, String(target).slice(0, 40)).toBeGreaterThanOrEqual(400);
        expect(status, String(target).slice(0, 40)).toBeLessThan(500);
        expect((await get(server.url + "/")).status).toBe(200);
      }
    });
  });

  describe(`${name}: framing in Chromium`, () => {
    let server: Served;
    let parent: Server;
    let browser: Browser;
    const at = landmarks();
    beforeAll(async () => {
      server = await start();
      browser = await launch();
      // Another origin (localhost, its own port) that frames an ordinary page and an embed page.
      parent = createServer((_req, res) => {
        res.writeHead(200, {"content-type": "text/html; charset=utf-8"}).end(
          `<!doctype html><html lang="de"><title>Fremde Seite</title><iframe name="karte" src="${server.url}/karten/magdeburg"></iframe><iframe name="einbettung" src="${server.url}${at.embed}"></iframe>`
        );
      });
      await new Promise<void>((done) => parent.listen(0, "localhost", done));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await new Promise((done) => parent?.close(done));
    });

    test("another origin's frame of an ordinary page is refused, of an embed page shown", async () => {
      const page = await browser.newPage();
      const refusals: string[] = [];
      page.on("console", (m) => void (/frame-ancestors/.test(m.text()) && refusals.push(m.text())));
      await page.goto(`http://localhost:${(parent.address() as {port: number}).port}/`, {waitUntil: "load"});
      const embed = page.frame({name: "einbettung"})!;
      await embed.waitForSelector("h1, [data-chart], main", {timeout: 30_000});
      expect(await embed.evaluate(() => document.documentElement.lang)).toBe("de");
      const map = page.frame({name: "karte"})!;
      // Chromium names only the refused origin; one refusal, and the map frame holds its error page.
      await expect.poll(() => refusals.length, {timeout: 10_000}).toBeGreaterThan(0);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toContain("frame-ancestors 'none'");
      expect(map.url()).not.toContain("/karten/magdeburg");
      await page.close();
    });
  });
}
