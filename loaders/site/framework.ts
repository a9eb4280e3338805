/**
 * How a Framework data loader (src/data/*.ts) runs a table builder: the
 * output goes to stdout in one piece, or not at all. Without a source (no
 * mirror, no cache, no network) the loader still succeeds with an empty
 * table of the right schema, so the build completes and pages show a notice;
 * in strict mode (ATLAS_STRICT=1, CI) the missing source fails the build.
 */
import {SourceUnavailableError} from "../source/errors.ts";
import {isStrict} from "../source/paths.ts";

export async function runLoader(name: string, build: () => Promise<Uint8Array | string>, fallback: () => Uint8Array | string): Promise<void> {
  let output: Uint8Array | string;
  try {
    output = await build();
  } catch (error) {
    if (!(error instanceof SourceUnavailableError) || isStrict()) {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    console.error(`${name}: Quelle fehlt (${error.sourceId}: ${error.file}); leere Tabelle ausgegeben. ${error.message}`);
    output = fallback();
  }
  // Written only once complete: a failure above leaves stdout empty, never half a file.
  const bytes = typeof output === "string" ? Buffer.from(output, "utf8") : output;
  await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())));
}

/** The loader of one fact table or extract (src/data/<name>.arrow.ts): the tidy fact schema. */
export async function factsLoader(name: import("../model/tables.ts").FactTableName | keyof typeof import("../model/tables.ts").EXTRACTS): Promise<void> {
  const {FACT_TABLES, EXTRACTS} = await import("../model/tables.ts");
  const {factsTable, toIPC} = await import("../model/model.ts");
  const build = name in EXTRACTS ? EXTRACTS[name as keyof typeof EXTRACTS] : FACT_TABLES[name as keyof typeof FACT_TABLES];
  await runLoader(name, async () => toIPC(factsTable((await build()).facts)), () => toIPC(factsTable([])));
}

/** The loader of one boundary file (src/data/boundaries/<name>.json.ts): TopoJSON. */
export async function boundaryLoader(name: import("../model/maps.ts").BoundaryName): Promise<void> {
  const {BOUNDARIES} = await import("../model/maps.ts");
  await runLoader(name, async () => JSON.stringify(await BOUNDARIES[name]()), () => JSON.stringify({type: "Topology", objects: {}, arcs: []}));
}

