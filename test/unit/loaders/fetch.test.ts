/**
 * loaders/fetch.ts: mirror → cache → HTTP, SHA-256 verified every time.
 * Every test uses its own temporary DATA_MIRROR and DATA_CACHE and either
 * network: false or an injected fetch: no test touches the network.
 *
 * The pinned file used is a REAL entry of data/sources.json: goettingen-sdg
 * data/indicator_10-1.csv (113 bytes, sha256 aa141ba6…3ac0). Its real bytes
 * are kept in test/fixtures/parsers/goettingen-sdg_indicator_10-1.csv (a copy
 * of /work/shared/data/mirror/OpenSDGde/goettingen-data/a0fca0b1ca7711f7a1eedc5eebf68fce6aad049d/data/indicator_10-1.csv),
 * so these tests run without the shared mirror.
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {FormatError, IntegrityError, SourceUnavailableError} from "../../../loaders/source/errors.ts";
import {availability, decodeText, readSource, readSourceText, sha256, writeAtomic} from "../../../loaders/source/fetch.ts";
import {projectRoot} from "../../../loaders/source/paths.ts";
import {canonicalUrl, mirrorPath, source, sourceFile} from "../../../loaders/source/sources.ts";

const SOURCE = "goettingen-sdg";
const PATH = "data/indicator_10-1.csv";
const COMMIT = "a0fca0b1ca7711f7a1eedc5eebf68fce6aad049d";
const EXPECTED_SHA = "aa141ba6662a10a755b972a73cc8d8b4191a6723d1191b99253374b546233ac0";
const URL = `https://raw.githubusercontent.com/OpenSDGde/goettingen-data/${COMMIT}/data/indicator_10-1.csv`;
const REAL = new Uint8Array(readFileSync(join(projectRoot, "test/fixtures/parsers/goettingen-sdg_indicator_10-1.csv")));

let root: string;
let mirror: string;
let cache: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "atlas-fetch-"));
  mirror = join(root, "mirror");
  cache = join(root, "cache");
  env = {DATA_MIRROR: mirror, DATA_CACHE: cache};
});

afterEach(() => {
  rmSync(root, {recursive: true, force: true});
});

/** Every file below a folder, relative to it. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function place(dir: string, bytes: Uint8Array): string {
  const path = join(dir, "OpenSDGde/goettingen-data", COMMIT, PATH);
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, bytes);
  return path;
}

function corrupted(): Uint8Array {
  const bytes = REAL.slice();
  // "2014,\t203" → "2014,\t204": one byte changed (the 3 of 203 on line 2)
  const at = Buffer.from(bytes).indexOf("203");
  bytes[at + 2] = "4".charCodeAt(0);
  return bytes;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the promise to reject");
}

/** A fetch that records its calls and answers with the given responses in turn (the last one repeats). */
function fakeFetch(...responses: (() => Response)[]) {
  const calls: string[] = [];
  const fn = (async (input: string | URL | Request) => {
    calls.push(String(input));
    return responses[Math.min(calls.length - 1, responses.length - 1)]();
  }) as typeof globalThis.fetch;
  return {fn, calls};
}

test("the fixture holds the real pinned bytes", () => {
  expect(REAL.byteLength).toBe(113);
  expect(sha256(REAL)).toBe(EXPECTED_SHA);
  expect(sourceFile(SOURCE, PATH)).toEqual({path: PATH, sha256: EXPECTED_SHA, bytes: 113});
  expect(canonicalUrl(source(SOURCE), PATH)).toBe(URL);
  expect(mirrorPath(source(SOURCE), PATH)).toBe(join("OpenSDGde/goettingen-data", COMMIT, PATH));
});

describe("from the mirror", () => {
  test("the real bytes verify and are returned unchanged", async () => {
    place(mirror, REAL);
    const bytes = await readSource(SOURCE, PATH, {env, network: false});
    expect(Buffer.from(bytes).equals(Buffer.from(REAL))).toBe(true);
    const text = await readSourceText(SOURCE, PATH, {env, network: false});
    expect(text.split("\n")[1]).toBe("2014,\t203");
    // reading from the mirror writes nothing to the cache
    expect(filesBelow(cache)).toEqual([]);
  });

  test("one changed byte is an IntegrityError naming source, URL, expected and actual hash", async () => {
    const bad = corrupted();
    const where = place(mirror, bad);
    const error = await rejection(readSource(SOURCE, PATH, {env, network: false}));
    expect(error).toBeInstanceOf(IntegrityError);
    const integrity = error as IntegrityError;
    expect(integrity.sourceId).toBe(SOURCE);
    expect(integrity.url).toBe(URL);
    expect(integrity.expected).toBe(EXPECTED_SHA);
    expect(integrity.actual).toBe(sha256(bad));
    expect(integrity.actual).not.toBe(EXPECTED_SHA);
    expect(error.message).toBe(`${SOURCE}: ${PATH}: SHA-256 mismatch for ${URL} (read from ${where}): expected ${EXPECTED_SHA}, actual ${sha256(bad)}`);
  });

  test("a corrupt mirror copy is not replaced by a download behind the reader's back", async () => {
    place(mirror, corrupted());
    const fetch = fakeFetch(() => new Response(REAL));
    await expect(readSource(SOURCE, PATH, {env, fetch: fetch.fn})).rejects.toBeInstanceOf(IntegrityError);
    expect(fetch.calls).toEqual([]);
  });

  test("availability lists the file as present once it is mirrored", () => {
    expect(availability(SOURCE, env).available).toEqual([]);
    place(mirror, REAL);
    const {available, missing} = availability(SOURCE, env);
    expect(available).toEqual([PATH]);
    expect([...missing].sort()).toEqual(["LICENSE", "meta/10-1.md"]);
  });
});

describe("from the download cache", () => {
  test("used when the mirror lacks the file", async () => {
    place(cache, REAL);
    const bytes = await readSource(SOURCE, PATH, {env, network: false});
    expect(sha256(bytes)).toBe(EXPECTED_SHA);
  });

  test("a corrupt cached copy fails verification too", async () => {
    const where = place(cache, corrupted());
    const error = await rejection(readSource(SOURCE, PATH, {env, network: false}));
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error.message).toContain(`(read from ${where})`);
  });
});

describe("nothing at hand", () => {
  test("no mirror, no cache, network off → SourceUnavailableError listing what was tried", async () => {
    const error = await rejection(readSource(SOURCE, PATH, {env, network: false}));
    expect(error).toBeInstanceOf(SourceUnavailableError);
    const unavailable = error as SourceUnavailableError;
    expect(unavailable.sourceId).toBe(SOURCE);
    expect(unavailable.file).toBe(PATH);
    expect(unavailable.tried).toEqual([
      `mirror ${join(mirror, "OpenSDGde/goettingen-data", COMMIT, PATH)}`,
      `cache ${join(cache, "OpenSDGde/goettingen-data", COMMIT, PATH)}`,
      `network off (${URL})`
    ]);
    expect(error.message).toMatch(/^goettingen-sdg: data\/indicator_10-1\.csv: not available \(tried: mirror .*; cache .*; network off/);
  });

  test("DATA_MIRROR='' switches the mirror off and ATLAS_OFFLINE=1 the network", async () => {
    const error = await rejection(readSource(SOURCE, PATH, {env: {DATA_MIRROR: "", DATA_CACHE: cache, ATLAS_OFFLINE: "1"}}));
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as SourceUnavailableError).tried[0]).toBe("no mirror configured (DATA_MIRROR)");
    expect((error as SourceUnavailableError).tried[2]).toBe(`network off (${URL})`);
  });

  test("a file that is not pinned is refused before anything is read", async () => {
    await expect(readSource(SOURCE, "data/indicator_10-2.csv", {env, network: false})).rejects.toThrow(/goettingen-sdg: data\/indicator_10-2\.csv is not pinned/);
    await expect(readSource("no-such-source", PATH, {env, network: false})).rejects.toThrow(/unknown source "no-such-source"/);
  });
});

describe("over HTTP (injected fetch)", () => {
  test("the right bytes are verified and land in the cache, atomically", async () => {
    const fetch = fakeFetch(() => new Response(REAL));
    const bytes = await readSource(SOURCE, PATH, {env, fetch: fetch.fn});
    expect(sha256(bytes)).toBe(EXPECTED_SHA);
    expect(fetch.calls).toEqual([URL]);
    const cached = join("OpenSDGde/goettingen-data", COMMIT, PATH);
    // exactly the one file, no *.partial left behind
    expect(filesBelow(cache)).toEqual([cached]);
    expect(sha256(readFileSync(join(cache, cached)))).toBe(EXPECTED_SHA);
    // the next read comes from the cache, not the network
    const offline = fakeFetch(() => new Response("must not be called", {status: 500}));
    await readSource(SOURCE, PATH, {env, fetch: offline.fn});
    expect(offline.calls).toEqual([]);
  });

  test("wrong bytes are an IntegrityError and nothing is written to the cache", async () => {
    const html = new TextEncoder().encode("<!DOCTYPE html><html><body>rate limit exceeded</body></html>");
    const fetch = fakeFetch(() => new Response(html));
    const error = await rejection(readSource(SOURCE, PATH, {env, fetch: fetch.fn}));
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error.message).toContain(`(read from ${URL})`);
    expect((error as IntegrityError).actual).toBe(sha256(html));
    expect(filesBelow(cache)).toEqual([]);
  });

  test("HTTP 500 is retried `retries` times, then SourceUnavailableError; nothing cached", async () => {
    const fetch = fakeFetch(() => new Response("oops", {status: 500, statusText: "Internal Server Error"}));
    const error = await rejection(readSource(SOURCE, PATH, {env, fetch: fetch.fn, retries: 2}));
    expect(fetch.calls).toEqual([URL, URL, URL]); // 1 try + 2 retries
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as SourceUnavailableError).tried.at(-1)).toBe(`${URL}: HTTP 500 Internal Server Error`);
    expect(filesBelow(cache)).toEqual([]);
  });

  test("a failure followed by success is retried into success", async () => {
    const fetch = fakeFetch(
      () => new Response("busy", {status: 503}),
      () => new Response(REAL)
    );
    const bytes = await readSource(SOURCE, PATH, {env, fetch: fetch.fn, retries: 1});
    expect(sha256(bytes)).toBe(EXPECTED_SHA);
    expect(fetch.calls).toHaveLength(2);
  });

  test("a request that hangs is aborted after timeoutMs", async () => {
    const hanging = (async (_input: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)))) as typeof globalThis.fetch;
    const started = Date.now();
    const error = await rejection(readSource(SOURCE, PATH, {env, fetch: hanging, retries: 0, timeoutMs: 50}));
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect(error.message).toMatch(/timed out|TimeoutError|aborted/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("writeAtomic", () => {
  test("writes the whole file and leaves no temporary file", () => {
    const target = join(root, "out", "deep", "table.csv");
    writeAtomic(target, "a,b\n1,2\n");
    expect(readFileSync(target, "utf8")).toBe("a,b\n1,2\n");
    expect(filesBelow(join(root, "out"))).toEqual([join("deep", "table.csv")]);
  });
});

describe("decodeText", () => {
  test("invalid UTF-8 is a FormatError, not U+FFFD", () => {
    const latin1 = Uint8Array.from([0x47, 0xf6, 0x74, 0x74, 0x69, 0x6e, 0x67, 0x65, 0x6e]); // „Göttingen“ in Latin-1
    let error: unknown;
    try {
      decodeText(latin1, "utf-8", "destatis-kreise", "germany_data/schutzsuchende_2018.csv");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toBe("destatis-kreise: germany_data/schutzsuchende_2018.csv: not valid utf-8 text (wrong encoding or a binary file)");
  });

  test("Latin-1: 0xFC is „ü“, 0xDF „ß“, 0xE4 „ä“", () => {
    expect(decodeText(Uint8Array.from([0x4c, 0xfc, 0x62, 0x65, 0x63, 0x6b]), "latin1", "s", "f")).toBe("Lübeck");
    expect(decodeText(Uint8Array.from([0xdf, 0xe4]), "latin1", "s", "f")).toBe("ßä");
  });

  test("UTF-8 with a BOM: the BOM is dropped", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x59, 0xc3, 0xa4]), "utf-8", "s", "f")).toBe("Yä");
  });
});
