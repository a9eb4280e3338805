/**
 * loaders/fetch.ts under hostile input: the first line of defence. Whatever
 * a mirror, the cache or a server hands over in place of a pinned file —
 * cut, altered by one bit, re-encoded, an error page, compressed — is
 * refused with an IntegrityError naming source, file, expected and actual
 * SHA-256, and nothing is cached. The parsers' own checks (the other
 * robustness tests) are the second line, for content the pin cannot know.
 *
 * Seeded from real pinned files: Göttingen SDG data/indicator_10-1.csv
 * (its byte-exact copy in test/fixtures/parsers) and, when the mirror is
 * there, Destatis germany_data/schutzsuchende_2018.csv (Latin-1).
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {gzipSync} from "node:zlib";
import fc from "fast-check";
import {afterAll, describe, expect, test} from "vitest";
import {FormatError, IntegrityError} from "../../../loaders/source/errors.ts";
import {decodeText, readSource, sha256} from "../../../loaders/source/fetch.ts";
import {projectRoot} from "../../../loaders/source/paths.ts";
import {canonicalUrl, mirrorPath, source, sourceFile} from "../../../loaders/source/sources.ts";
import {available, ERROR_PAGES, realBytes, runs, utf16Bytes, utf8Bytes} from "./hostile.ts";

const root = mkdtempSync(join(tmpdir(), "atlas-fetch-fuzz-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));
let case_ = 0;

const SDG = {id: "goettingen-sdg", path: "data/indicator_10-1.csv"};
const SDG_BYTES = new Uint8Array(readFileSync(join(projectRoot, "test/fixtures/parsers/goettingen-sdg_indicator_10-1.csv")));

/** Hostile variants of real bytes: each differs from them (the property checks that it does). */
function variants(real: Uint8Array) {
  const edit = fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "flip"), fc.integer({min: 0, max: 255}));
  return fc.oneof(
    fc.nat({max: real.length - 1}).map((cut) => real.slice(0, cut)),
    fc.array(edit, {minLength: 1, maxLength: 3}).map((edits) => {
      const b = [...real];
      for (const [at, kind, value] of edits) {
        const i = at % b.length;
        if (kind === "delete") b.splice(i, 1);
        else if (kind === "insert") b.splice(i, 0, value);
        else b[i] ^= 1 << (value % 8);
      }
      return new Uint8Array(b);
    }),
    fc.uint8Array({minLength: 1, maxLength: 64}).map((extra) => new Uint8Array([...real, ...extra])),
    fc.constantFrom(
      new Uint8Array(),
      new Uint8Array([0xef, 0xbb, 0xbf, ...real]),
      new Uint8Array(gzipSync(real)),
      utf16Bytes(Buffer.from(real).toString("latin1")),
      utf8Bytes(Buffer.from(real).toString("latin1")),
      ...ERROR_PAGES.map(utf8Bytes)
    )
  );
}

/** Places `bytes` as the pinned file in a fresh mirror; returns the env that reads it. */
function mirrorWith(id: string, path: string, bytes: Uint8Array): {env: NodeJS.ProcessEnv; cache: string; where: string} {
  const dir = join(root, String(case_++));
  const where = join(dir, "mirror", mirrorPath(source(id), path));
  mkdirSync(dirname(where), {recursive: true});
  writeFileSync(where, bytes);
  return {env: {DATA_MIRROR: join(dir, "mirror"), DATA_CACHE: join(dir, "cache")}, cache: join(dir, "cache"), where};
}

async function refused(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the read to be refused");
}

async function checkRefused(id: string, path: string, real: Uint8Array, numRuns: number) {
  const expected = sourceFile(id, path).sha256;
  expect(sha256(real)).toBe(expected);
  await fc.assert(
    fc.asyncProperty(variants(real), async (bytes) => {
      fc.pre(sha256(bytes) !== expected);
      // From a mirror …
      const {env, cache, where} = mirrorWith(id, path, bytes);
      const error = await refused(readSource(id, path, {env, network: false}));
      expect(error).toBeInstanceOf(IntegrityError);
      expect(error.message).toBe(`${id}: ${path}: SHA-256 mismatch for ${canonicalUrl(source(id), path)} (read from ${where}): expected ${expected}, actual ${sha256(bytes)}`);
      // … and from a server answering 200 with these bytes: refused, nothing cached.
      const server = {env: {DATA_MIRROR: "", DATA_CACHE: cache}};
      const fromHttp = await refused(readSource(id, path, {...server, retries: 0, fetch: (async () => new Response(Buffer.from(bytes))) as typeof fetch}));
      expect(fromHttp).toBeInstanceOf(IntegrityError);
      expect(existsSync(cache) ? readdirSync(cache, {recursive: true}).filter((f) => String(f).endsWith(path.split("/").at(-1)!)) : []).toEqual([]);
    }),
    runs(numRuns)
  );
}

describe("readSource: any bytes but the pinned ones are refused", () => {
  test("Göttingen SDG 10-1 (113 bytes): cut, edited, extended, re-encoded, compressed, an error page", async () => {
    await checkRefused(SDG.id, SDG.path, SDG_BYTES, 60);
  });

  test.runIf(available("destatis-kreise", "germany_data/schutzsuchende_2018.csv"))("Destatis schutzsuchende_2018.csv (26 466 bytes, Latin-1)", async () => {
    await checkRefused("destatis-kreise", "germany_data/schutzsuchende_2018.csv", await realBytes("destatis-kreise", "germany_data/schutzsuchende_2018.csv"), 20);
  });
});

describe("decodeText: a string or a FormatError naming source and file, for any bytes", () => {
  test("UTF-8: any bytes are refused, or decode exactly (re-encoded they are the same bytes, less a BOM)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({maxLength: 300}), fc.string({unit: "grapheme", maxLength: 60}).map(utf8Bytes)), (bytes) => {
        let text: string;
        try {
          text = decodeText(bytes, "utf-8", "s", "f.csv");
        } catch (error) {
          expect(error).toBeInstanceOf(FormatError);
          expect((error as Error).message).toBe("s: f.csv: not valid utf-8 text (wrong encoding or a binary file)");
          return;
        }
        const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        expect(Buffer.from(text, "utf8").equals(Buffer.from(withoutBom))).toBe(true);
      }),
      runs(1000)
    );
  });

  test("UTF-8: valid text decodes to itself; one invalid byte anywhere is refused, never replaced by U+FFFD", () => {
    fc.assert(
      fc.property(fc.string({unit: "grapheme", maxLength: 40}), fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xf5, 0xff), (text, at, bad) => {
        const bytes = utf8Bytes(text);
        expect(decodeText(bytes, "utf-8", "s", "f.csv")).toBe(text.replace(/^\ufeff/, ""));
        const broken = new Uint8Array([...bytes.slice(0, at % (bytes.length + 1)), bad, ...bytes.slice(at % (bytes.length + 1))]);
        expect(() => decodeText(broken, "utf-8", "s", "f.csv")).toThrow(FormatError);
      }),
      runs(500)
    );
  });

  test("Latin-1: ASCII reads as in UTF-8; UTF-8 text with umlauts (or a UTF-8 BOM) is refused; genuine Latin-1 is read", () => {
    // German as the GENESIS files write it: umlauts inside words, signs before a space or digit.
    const german = fc.string({unit: fc.constantFrom("Gö", "ttingen", "Lü", "neburg", "ße", "Ä", "mter", "é", "§ 5", "30 °C", "½ ", "€ "), minLength: 1, maxLength: 5});
    fc.assert(
      fc.property(fc.string({unit: "grapheme-ascii", maxLength: 40}), german, (ascii, umlauts) => {
        fc.pre(/[^\x00-\x7f]/.test(umlauts) && !umlauts.includes("€")); // € is no Latin-1 character
        expect(decodeText(utf8Bytes(ascii), "latin1", "s", "f.csv")).toBe(ascii);
        const text = ascii + umlauts;
        expect(() => decodeText(utf8Bytes(text), "latin1", "s", "f.csv")).toThrow(/is UTF-8 \(its non-ASCII bytes form valid UTF-8 sequences\), not latin1/);
        expect(decodeText(new Uint8Array(Buffer.from(text, "latin1")), "latin1", "s", "f.csv")).toBe(text);
        expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(ascii)]), "latin1", "s", "f.csv")).toThrow(/starts with a UTF-8 byte order mark/);
      }),
      runs(300)
    );
    // The counterexample that made the check stricter: Latin-1 „ä§§“ (E4 A7 A7) is valid UTF-8 for U+49E7.
    expect(decodeText(new Uint8Array([0xe4, 0xa7, 0xa7]), "latin1", "s", "f.csv")).toBe("ä§§");
  });
});
