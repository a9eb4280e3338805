/**
 * npm test: type check, unit and integration tests, build, browser tests;
 * then one closing line "Tests: N passed, N failed" over all of them.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(fileURLToPath(import.meta.url), "../..");
const reports = mkdtempSync(join(tmpdir(), "atlas-test-"));
let passed = 0;
let failed = 0;
let ok = true;

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {cwd: root, stdio: "inherit", env: process.env});
  return result.status === 0;
}

function vitest(project: string): boolean {
  const out = join(reports, `${project}.json`);
  const success = run(`vitest --project ${project}`, process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  try {
    const report = JSON.parse(readFileSync(out, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch {
    failed += 1; // no report: the run itself broke
  }
  return success;
}

ok = run("tsc --noEmit", process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--noEmit"]) && ok;
if (!ok) failed += 1;
ok = vitest("unit") && ok;
const built = run("build", process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts"]);
if (built) ok = vitest("e2e") && ok;
else {
  ok = false;
  failed += 1;
}
rmSync(reports, {recursive: true, force: true});
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
