/** The archive of the static figures: written by `tar`, read back by `untar` when the build puts its files into Framework's cache. */
import {expect, test} from "vitest";
import {tar, untar} from "../../scripts/tar.ts";

test("untar gives back every file of tar, bytes and order, across block boundaries", () => {
  const files = new Map<string, string | Uint8Array>([
    ["a.svg", "<svg/>"],
    ["orte/wolfsburg-bevoelkerung.svg", "ä".repeat(700)],
    ["leer.txt", ""],
    ["genau.bin", new Uint8Array(512).fill(7)]
  ]);
  const back = untar(tar(files));
  expect([...back.keys()]).toEqual([...files.keys()]);
  const enc = new TextEncoder();
  for (const [name, content] of files) expect(Buffer.from(back.get(name)!).equals(Buffer.from(typeof content === "string" ? enc.encode(content) : content))).toBe(true);
});

test("a cut archive is refused with the place, not read short", () => {
  const archive = tar(new Map([["a.svg", "x".repeat(2000)]]));
  expect(() => untar(archive.slice(0, 1024))).toThrow(/runs past the end/);
  expect(untar(new Uint8Array(1024)).size).toBe(0);
});
