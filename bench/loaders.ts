/**
 * npm run bench:loaders — every Framework data loader from a warm mirror, one
 * process each as Framework runs them: wall time, peak memory (max RSS) and
 * output size. Prints figures; gates on nothing (the target is < 60 s in all).
 */
import {spawnSync} from "node:child_process";
import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const root = join(fileURLToPath(import.meta.url), "../..");
const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
const probe = pathToFileURL(join(root, "bench/rss-on-exit.mjs")).href;

function* loaders(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* loaders(path);
    else if (/\.(arrow|json)\.ts$/.test(entry)) yield path;
  }
}

export interface LoaderFigure {
  loader: string;
  seconds: number;
  maxRssMb: number;
  bytes: number;
}

export function benchLoaders(): LoaderFigure[] {
  const figures: LoaderFigure[] = [];
  for (const loader of loaders(join(root, "src/data"))) {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, ["--import", tsx, "--import", probe, loader], {cwd: root, maxBuffer: 1 << 30, env: process.env});
    const seconds = (performance.now() - t0) / 1000;
    if (result.status !== 0) throw new Error(`${loader} failed:\n${result.stderr}`);
    const rss = /@@bench (\{.*\})/.exec(result.stderr.toString());
    figures.push({loader: relative(root, loader), seconds, maxRssMb: rss ? JSON.parse(rss[1]).maxRssKb / 1024 : NaN, bytes: result.stdout.length});
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = benchLoaders();
  const fmt = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 1});
  console.log("Loader                                           Zeit (s)  max. RSS (MB)  Ausgabe (kB)");
  for (const f of figures) console.log(`${f.loader.padEnd(48)} ${fmt.format(f.seconds).padStart(8)} ${fmt.format(f.maxRssMb).padStart(14)} ${fmt.format(f.bytes / 1024).padStart(13)}`);
  const total = figures.reduce((s, f) => s + f.seconds, 0);
  console.log(`Summe: ${fmt.format(total)} s (Ziel < 60 s), größter Speicherbedarf ${fmt.format(Math.max(...figures.map((f) => f.maxRssMb)))} MB, ${process.env.DATA_MIRROR ?? "../shared/data/mirror"}`);
}
