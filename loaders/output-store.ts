/**
 * The output store: every output of loaders/outputs.ts built at most once
 * per state of its inputs, kept in .cache/outputs/ (ATLAS_OUTPUT_DIR) and
 * shared by the build step and every Framework loader process.
 *
 * The key of an output is the SHA-256 of the bytes of exactly its declared
 * inputs (the pinned files of its sources as they lie in the mirror or the
 * download cache, its project files), the code that builds it (its modules
 * and their local imports), the lockfile and the pins. An output built while
 * a source was missing or changed in place is kept for this build only and
 * never reused: the next build builds it again.
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {isUnusableSource} from "./source/errors.ts";
import {localCopy, recordReads, sha256, writeAtomic} from "./source/fetch.ts";
import {isStrict, projectRoot} from "./source/paths.ts";
import {mirrorPath, source} from "./source/sources.ts";
import {output, OUTPUTS, type Built, type OutputSpec} from "./outputs.ts";

export interface StoredMeta {
  key: string;
  /** Sources missing (or failing their pin) while it was built. */
  missing: string[];
  /** Sources it actually read. */
  read: string[];
}

export const outputDir = (env: NodeJS.ProcessEnv = process.env) => resolve(env.ATLAS_OUTPUT_DIR || join(projectRoot, ".cache", "outputs"));

function* filesUnder(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) return yield path;
  for (const entry of readdirSync(path).sort()) yield* filesUnder(join(path, entry));
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

/** The modules an entry runs: itself and every local module it imports, transitively (project-relative, sorted). */
export function codeClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(projectRoot, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      let target = resolve(dirname(file), specifier);
      // Components import each other with .js (as the browser sees them); the source is .ts.
      if (target.endsWith(".js") && !existsSync(target) && existsSync(target.replace(/\.js$/, ".ts"))) target = target.replace(/\.js$/, ".ts");
      queue.push(target);
    }
  }
  return [...seen].map((f) => relative(projectRoot, f)).sort();
}

const fileHashes = new Map<string, string>();

/** Hash of one input file, once per process (a build reads each file once; later changes are the next build's). */
function hashFile(path: string): string {
  let hash = fileHashes.get(path);
  if (!hash) fileHashes.set(path, (hash = sha256(readFileSync(path))));
  return hash;
}

/** The key of an output now: its inputs' bytes, its code, its pins. Never an absolute path. */
export function outputKey(spec: OutputSpec, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256").update(`output ${spec.name}\0`);
  for (const id of [...spec.sources].sort()) {
    const src = source(id);
    hash.update(`source ${id} ${src.repository}@${src.commit}\0`);
    for (const file of src.files) {
      const local = localCopy(src, file.path, env);
      hash.update(`${mirrorPath(src, file.path)} pinned ${file.sha256} actual ${local ? hashFile(local) : "absent"}\0`);
    }
  }
  for (const input of [...spec.files].sort()) {
    const files = [...filesUnder(join(projectRoot, input))];
    if (!files.length) hash.update(`${input} absent\0`);
    for (const file of files) hash.update(`${relative(projectRoot, file)} ${hashFile(file)}\0`);
  }
  for (const file of codeClosure(["loaders/outputs.ts", "loaders/output-store.ts", ...spec.code])) hash.update(`code ${file} ${hashFile(join(projectRoot, file))}\0`);
  hash.update(`lock ${hashFile(join(projectRoot, "package-lock.json"))}\0`);
  if (spec.extra) hash.update(`extra ${spec.extra()}\0`);
  return hash.digest("hex").slice(0, 32);
}

function paths(name: string, env: NodeJS.ProcessEnv) {
  const file = join(outputDir(env), name);
  return {file, meta: `${file}.meta.json`};
}

export function storedMeta(name: string, env: NodeJS.ProcessEnv = process.env): StoredMeta | undefined {
  const {meta} = paths(name, env);
  try {
    return JSON.parse(readFileSync(meta, "utf8")) as StoredMeta;
  } catch {
    return undefined;
  }
}

export interface Ensured {
  name: string;
  key: string;
  bytes: Buffer;
  missing: string[];
  rebuilt: boolean;
}

/** Sources an output read but did not declare: a wrong declaration would let stale output through. */
function undeclared(spec: OutputSpec, read: Set<string>): string[] {
  return [...read].filter((id) => !spec.sources.includes(id));
}

/**
 * The output as its inputs are now: the stored one if its key matches and it
 * was built with every source, else built (once) and stored. A source that
 * is missing or fails its pin empties the output (or only its part of it);
 * strict mode refuses with the source and file named.
 */
export async function ensureOutput(name: string, env: NodeJS.ProcessEnv = process.env): Promise<Ensured> {
  const spec = output(name);
  const {file, meta} = paths(name, env);
  const stored = storedMeta(name, env);
  // Inside `npm run build` the build step has just ensured every output: the
  // loader processes Framework starts (one per page) need not hash again.
  const ensured = buildKeys(env)[name];
  if (stored && ensured && ensured === stored.key && existsSync(file)) return {name, key: stored.key, bytes: readFileSync(file), missing: stored.missing, rebuilt: false};
  const key = outputKey(spec, env);
  if (stored && stored.key === key && stored.missing.length === 0 && existsSync(file)) {
    return {name, key, bytes: readFileSync(file), missing: [], rebuilt: false};
  }
  if (!spec.build) {
    // Keyed only: Framework's loader builds it; a moved key drops its cached copy.
    const rebuilt = stored?.key !== key;
    if (rebuilt) writeAtomic(meta, JSON.stringify({key, missing: [], read: []} satisfies StoredMeta));
    return {name, key, bytes: Buffer.alloc(0), missing: [], rebuilt};
  }
  const build = spec.build;
  const empty = spec.empty ?? (() => {
    throw new Error(`${name}: no empty form declared`);
  });
  const {result: built, sources} = await recordReads(async (): Promise<Built> => {
    try {
      const out = await build();
      return typeof out === "string" || out instanceof Uint8Array ? {bytes: out, missing: []} : out;
    } catch (error) {
      if (!isUnusableSource(error) || isStrict(env)) throw error;
      return {bytes: empty(), missing: [error.sourceId]};
    }
  });
  const wrong = undeclared(spec, sources);
  if (wrong.length) throw new Error(`${name} read source(s) ${wrong.join(", ")} that loaders/outputs.ts does not declare for it: declare them, or a change there would not rebuild it`);
  const bytes = Buffer.from(typeof built.bytes === "string" ? Buffer.from(built.bytes, "utf8") : built.bytes);
  writeAtomic(file, bytes);
  // The key as the inputs are after the build (a download may have filled the cache).
  fileHashes.clear();
  const after = outputKey(spec, env);
  writeAtomic(meta, JSON.stringify({key: after, missing: built.missing, read: [...sources].sort()} satisfies StoredMeta));
  return {name, key: after, bytes, missing: built.missing, rebuilt: true};
}

/** The keys the build step ensured (ATLAS_OUTPUT_KEYS, a JSON file written by scripts/build.ts). */
function buildKeys(env: NodeJS.ProcessEnv): Record<string, string> {
  if (!env.ATLAS_OUTPUT_KEYS) return {};
  try {
    return JSON.parse(readFileSync(env.ATLAS_OUTPUT_KEYS, "utf8"));
  } catch {
    return {};
  }
}

/** A new build: input bytes are hashed again and tables built again (they may have changed since). */
export async function startBuild(): Promise<void> {
  fileHashes.clear();
  // Imported here: a page loader that only reads a stored output need not load every parser.
  (await import("./model/tables.ts")).forgetBuiltTables();
}

export interface StoreReport {
  rebuilt: string[];
  reused: string[];
  /** Output name → the sources missing while it was built. */
  missing: Record<string, string[]>;
  keys: Record<string, string>;
}

/**
 * Every output, each built at most once (tables shared in this process).
 * Those named in `later` are only keyed here (the build ensures them while
 * Framework runs); they are not in `rebuilt` or `reused`.
 */
export async function ensureAllOutputs(env: NodeJS.ProcessEnv = process.env, {later = []}: {later?: readonly string[]} = {}): Promise<StoreReport> {
  await startBuild();
  const report: StoreReport = {rebuilt: [], reused: [], missing: {}, keys: {}};
  for (const spec of OUTPUTS) {
    if (later.includes(spec.name)) {
      report.keys[spec.name] = outputKey(spec, env);
      continue;
    }
    const done = await ensureOutput(spec.name, env);
    (done.rebuilt ? report.rebuilt : report.reused).push(spec.name);
    if (done.missing.length) report.missing[spec.name] = done.missing;
    report.keys[spec.name] = done.key;
  }
  return report;
}

/** What a Framework data loader (src/data/<name>.ts) prints: the stored output, built if need be. */
export async function serveOutput(name: string): Promise<void> {
  let done: Ensured;
  try {
    done = await ensureOutput(name);
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (done.missing.length) console.error(`${name}: Quelle fehlt (${done.missing.join(", ")}); was von ihr abhängt, ist leer.`);
  await new Promise<void>((ok, fail) => process.stdout.write(done.bytes, (error) => (error ? fail(error) : ok())));
}
