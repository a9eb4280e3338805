/**
 * loaders/cli.ts as researchers run it: a child process (`tsx loaders/cli.ts …`
 * from the project root, like `npm run data -- …`). The export runs need the
 * mirror; the heavy ones run concurrently to keep the suite fast.
 */
import {spawn} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, describe, expect, test} from "vitest";
import {mirrorDir, projectRoot} from "../../../loaders/source/paths.ts";

const mirrorPresent = existsSync("/work/shared/data/mirror") && mirrorDir() !== undefined;
const TSX = join(projectRoot, "node_modules", ".bin", "tsx");

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the CLI (equivalent of `npx tsx loaders/cli.ts …`), collecting stdout as bytes. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["loaders/cli.ts", ...args], {cwd: projectRoot, env: {...process.env, ATLAS_OFFLINE: "1"}});
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({code, stdout: Buffer.concat(out), stderr}));
  });
}

const tmp = mkdtempSync(join(tmpdir(), "atlas-cli-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe("usage errors (no data needed)", () => {
  test.concurrent("an unknown table: exit code 2, usage message, nothing on stdout", async () => {
    const run = await cli("export", "facts-nowhere", "--format", "csv");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown table "facts-nowhere"');
    // --format is optional (csv by default); --out takes a file or a folder.
    expect(run.stderr).toMatch(/usage: npm run data -- list \| verify \| export <facts\|facts-im\|.*\|quality> \[--format csv\|arrow\] \[--out FILE\|FOLDER\/\]/);
    expect(run.stdout.length).toBe(0);
  });

  test.concurrent("an unknown format: exit code 2", async () => {
    const run = await cli("export", "areas", "--format", "xlsx");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "xlsx"');
    expect(run.stdout.length).toBe(0);
  });

  test.concurrent("an unknown command: exit code 2", async () => {
    const run = await cli("exprot", "facts");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "exprot"');
  });
});

describe.runIf(mirrorPresent)("exports (real data)", () => {
  test.concurrent("export facts --format csv: the schema header and a known row", async () => {
    const run = await cli("export", "facts", "--format", "csv");
    expect(run.code).toBe(0);
    const text = run.stdout.toString("utf8");
    const lines = text.split("\n");
    expect(lines[0].startsWith("source_id,area_id,area_name,area_level,year,reference_date,indicator,sex,age_group,category,value,unit")).toBe(true);
    expect(lines[0]).toBe("source_id,area_id,area_name,area_level,year,reference_date,indicator,sex,age_group,category,value,unit,flag,source_file,source_row");
    // Found or not, said as a boolean: a failed toContain would print (and ship to the test runner) hundreds of thousands of lines.
    const has = (line: string) => lines.includes(line);
    // IM data/indicator_1-1-1.csv:2  2005,"Braunschweig, Stadt",K03101,245273; a stock, on 31.12. of its year (issue 18)
    expect(has('im-niedersachsen,03101,"Braunschweig, Stadt",kreis,2005,2005-12-31,im:1-1-1,total,total,total,245273,count,,data/indicator_1-1-1.csv,2')).toBe(true);
    // destatis schutzsuchende_2018.csv:36  3241001 Hannover, Landeshauptstadt;.  → empty value (not 0), flag suppressed
    expect(has('destatis-kreise,03241001,"Hannover, Landeshauptstadt",gemeinde,2018,2018-12-31,destatis:schutzsuchende,total,total,total,,persons,suppressed,germany_data/schutzsuchende_2018.csv,36')).toBe(true);
    // every source is in the combined table
    for (const id of ["im-niedersachsen", "kiss-md", "destatis-kreise", "goettingen-sdg", "doc-goettingen", "destatis-12411", "inkar"]) expect(text.includes(`\n${id},`), id).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
  });

  test.concurrent("export areas --format arrow --out FILE: an Arrow IPC stream", async () => {
    const out = join(tmp, "areas.arrow");
    const run = await cli("export", "areas", "--format", "arrow", "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBe(0);
    expect(existsSync(out)).toBe(true);
    const bytes = readFileSync(out);
    // IPC stream: starts with the 0xFFFFFFFF continuation marker (the IPC *file* format would start with "ARROW1")
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xff, 0xff, 0xff]);
    expect(bytes.subarray(0, 6).toString("latin1")).not.toBe("ARROW1");
    const table = tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["area_id", "name", "level", "parent_id", "ags"]);
    const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    expect(rows.find((r) => r.area_id === "03159")).toMatchObject({level: "kreis", parent_id: "03"});
    expect(rows.find((r) => r.area_id === "15003000-st01")).toMatchObject({name: "Altstadt", level: "stadtteil"});
    // written atomically: only the target file in the folder
    expect(readdirSync(tmp).filter((f) => f.startsWith("areas"))).toEqual(["areas.arrow"]);
  });

  test.concurrent("export quality --format arrow: refused with a clear message, nothing written", async () => {
    const out = join(tmp, "quality.arrow");
    const run = await cli("export", "quality", "--format", "arrow", "--out", out);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("quality is a metadata table: export it as csv");
    expect(existsSync(out)).toBe(false);
    expect(run.stdout.length).toBe(0);
  });
});
