/**
 * `npm run serve` (scripts/server.ts in its own process): the page and
 * header checks of serving.ts, and what once brought the hand-written
 * server down: aborted downloads leaking descriptors, distinct paths growing
 * memory without bound, a malformed escape ending the process.
 */
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {abortedDownloads, distinctPaths, spelling} from "../../bench/load.ts";
import {get, rawStatus} from "./http.ts";
import {openDescriptors, residentBytes, startServe, type ServeProcess} from "./serve-process.ts";
import {dist, landmarks} from "./landmarks.ts";
import {servingChecks} from "./serving.ts";
import {serve} from "./server.ts";

servingChecks("npm run serve", startServe, {encodings: ["br", "gzip"]});

/** Waits until the descriptor count is back at `start` (closing sockets takes the event loop a moment). */
async function settledDescriptors(pid: number, start: number): Promise<number> {
  const t0 = Date.now();
  let now = openDescriptors(pid);
  while (now > start && Date.now() - t0 < 10_000) {
    await new Promise((r) => setTimeout(r, 100));
    now = openDescriptors(pid);
  }
  return now;
}

describe("npm run serve under abuse", () => {
  let server: ServeProcess;
  const at = landmarks();
  beforeAll(async () => {
    server = await startServe();
  });
  afterAll(async () => {
    await server?.close();
  });

  test("1,000 aborted downloads of DuckDB's wasm leave the descriptor count where it started", {timeout: 300_000}, async () => {
    expect((await get(server.url + "/")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500)); // that connection closed
    const before = openDescriptors(server.pid);
    const aborted = await abortedDownloads(server.url + at.wasm, 1000, 50);
    expect(aborted).toBe(1000);
    expect(await settledDescriptors(server.pid, before)).toBeLessThanOrEqual(before);
    const r = await get(server.url + at.wasm, {range: "bytes=0-3"});
    expect(r.body.toString("latin1")).toBe("\0asm");
  });

  test("20,000 distinct paths grow memory by no more than a few MB", {timeout: 300_000}, async () => {
    expect(spelling("/karten/magdeburg", 0b101)).toBe("/%6Ba%72ten/magdeburg");
    // Warm up first: V8's heap and the sockets' buffers find their size.
    await distinctPaths(server.url, 10_000);
    const before = residentBytes(server.pid);
    const statuses = await distinctPaths(server.url, 20_000);
    const after = residentBytes(server.pid);
    expect(statuses.get(404)).toBe(10_000);
    expect(statuses.get(200)).toBe(10_000);
    expect((after - before) / 2 ** 20).toBeLessThan(6);
  });

  test("a malformed escape does not end the process", async () => {
    for (const target of ["/%", "/%%", "/%E0%A4%A", "/%00"]) expect(await rawStatus(server.url, target)).toBe(400);
    expect((await get(server.url + "/quellen")).status).toBe(200);
  });
});

describe("the server module", () => {
  test("compression: false serves the plain files (the benchmark's yardstick); stats count served files only", async () => {
    const server = await serve(dist, {compression: false});
    try {
      const r = await get(server.url + "/karten/magdeburg", {"accept-encoding": "br, gzip"});
      expect(r.headers["content-encoding"]).toBeUndefined();
      await get(server.url + "/gibt-es-nicht-1");
      await get(server.url + "/gibt-es-nicht-2");
      expect([...server.sent.keys()]).toEqual(["/karten/magdeburg.html"]);
      expect(server.encodings.get("/karten/magdeburg.html")).toBe("identity");
    } finally {
      await server.close();
    }
  });

  test("ATLAS_FRAME_ANCESTORS narrows who may frame the embed pages", async () => {
    const server = await serve(join(dist), {embedAncestors: "https://www.magdeburg.de"});
    try {
      const r = await get(server.url + landmarks().embed);
      expect(r.headers["content-security-policy"]).toMatch(/; frame-ancestors https:\/\/www\.magdeburg\.de$/);
      expect((await get(server.url + "/quellen")).headers["content-security-policy"]).toMatch(/; frame-ancestors 'none'$/);
    } finally {
      await server.close();
    }
  });
});
