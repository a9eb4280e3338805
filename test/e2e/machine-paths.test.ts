/**
 * Nothing of the build machine in the published site (issue 14): no
 * absolute path of the project, the mirror, the download cache, the home or
 * temporary folders, and no user name, in any text file of dist/.
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {homedir, tmpdir, userInfo} from "node:os";
import {join, relative} from "node:path";
import {expect, test} from "vitest";
import {downloadCacheDir, mirrorDir, projectRoot} from "../../loaders/source/paths.ts";

const dist = join(projectRoot, "dist");
const TEXT = /\.(html|js|css|json|md|svg|txt|csv|xml)$/;

function* textFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (TEXT.test(entry)) yield path;
  }
}

test("no file of dist/ names a folder or user of the build machine", () => {
  const machine = [projectRoot, mirrorDir(), downloadCacheDir(), "/work/"].filter((f): f is string => !!f && f !== "/");
  // Vendored libraries keep their bytes: DuckDB-WASM's Emscripten runtime names its in-browser file system (/tmp, /home/web_user).
  const general = [...machine, `${homedir()}/`, `${tmpdir()}/`, "/tmp/", "/home/", "/root/"];
  const user = userInfo().username;
  // A user name that is also a common word (root) is caught by the folder patterns above.
  const userPattern = user.length >= 4 && user !== "root" ? new RegExp(`\\b${user}\\b`) : undefined;
  const hits: string[] = [];
  let scanned = 0;
  for (const file of textFiles(dist)) {
    const text = readFileSync(file, "utf8");
    scanned++;
    const folders = relative(dist, file).startsWith("_npm/") ? machine : general;
    for (const folder of new Set(folders)) if (text.includes(folder)) hits.push(`${relative(dist, file)}: ${folder}`);
    if (userPattern?.test(text)) hits.push(`${relative(dist, file)}: user ${user}`);
  }
  expect(scanned).toBeGreaterThan(300);
  expect(hits).toEqual([]);
});
