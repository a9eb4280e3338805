/**
 * The server under load, over loopback, bounded in count: `npm run serve`
 * (and Debian's nginx with deploy/nginx/, if installed) get a mix of page
 * and asset requests at 50 concurrent, while other clients abort large
 * downloads and send malformed request lines; then 20,000 distinct paths.
 * Printed: requests per second, p50/p99 latency (also as a multiple of one
 * plain request to an idle server), errors, and the serving process's open
 * descriptors and resident memory before and after.
 *
 * Part of npm run bench; alone: npm run bench:serving [-- --smoke].
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {distinctPaths, mixedLoad, type LoadFigures} from "./load.ts";
import {get} from "../test/e2e/http.ts";
import {NGINX, startNginx} from "../test/e2e/nginx.ts";
import {openDescriptors, residentBytes, startServe} from "../test/e2e/serve-process.ts";
import {landmarks} from "../test/e2e/landmarks.ts";

export interface ServingFigures extends LoadFigures {
  server: string;
  plainMs: number;
  distinctPaths: number;
  fdBefore: number;
  fdAfter: number;
  rssBeforeMb: number;
  rssAfterLoadMb: number;
  rssAfterPathsMb: number;
}

const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toLocaleString("de-DE", {maximumFractionDigits: digits, minimumFractionDigits: digits}) : "–");

/** nginx's worker answers the requests: its descriptors and memory are the ones that move. */
function workerOf(master: number): number {
  const children = readFileSync(`/proc/${master}/task/${master}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  return children[0] ?? master;
}

async function settle(pid: number, start: number): Promise<number> {
  const t0 = Date.now();
  while (openDescriptors(pid) > start && Date.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 100));
  return openDescriptors(pid);
}

async function measure(name: string, start: () => Promise<{url: string; pid: number; close(): Promise<void>}>, {smoke, nginx}: {smoke: boolean; nginx: boolean}): Promise<ServingFigures> {
  const at = landmarks();
  const paths = ["/", "/karten/magdeburg", "/quellen", "/vergleich", "/indikatoren", at.embed, at.figure, at.module, at.hashedScript, at.arrow];
  const server = await start();
  try {
    const pid = nginx ? workerOf(server.pid) : server.pid;
    // One plain request to the idle server: the yardstick for the latencies.
    const single: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await get(server.url + "/", {"accept-encoding": "br, gzip"});
      single.push(performance.now() - t);
    }
    single.sort((a, b) => a - b);
    await new Promise((r) => setTimeout(r, 300));
    const fdBefore = openDescriptors(pid);
    const rssBefore = residentBytes(pid);
    const load = await mixedLoad(server.url, {paths, large: at.wasm, requests: smoke ? 1000 : 4000, concurrency: 50, aborts: smoke ? 100 : 300});
    const rssAfterLoad = residentBytes(pid);
    const count = smoke ? 5000 : 20_000;
    await distinctPaths(server.url, count);
    const fdAfter = await settle(pid, fdBefore);
    const mb = (b: number) => b / 2 ** 20;
    return {server: name, ...load, plainMs: single[single.length >> 1], distinctPaths: count, fdBefore, fdAfter, rssBeforeMb: mb(rssBefore), rssAfterLoadMb: mb(rssAfterLoad), rssAfterPathsMb: mb(residentBytes(pid))};
  } finally {
    await server.close();
  }
}

export async function benchServing(dist: string, line: (text?: string) => void, {smoke = false} = {}): Promise<ServingFigures[]> {
  if (!existsSync(join(dist, "index.html")) || !readdirSync(dist).length) throw new Error("dist/ is not built");
  const figures = [await measure("npm run serve", startServe, {smoke, nginx: false})];
  if (existsSync(NGINX)) figures.push(await measure("nginx (deploy/nginx)", () => startNginx(dist), {smoke, nginx: true}));
  else line(`(${NGINX} fehlt: nginx nicht gemessen)`);
  line("");
  line("Server unter Last (Loopback, 50 gleichzeitig; dazu abgebrochene Downloads von duckdb-eh.wasm und kaputte URLs; dann verschiedene Pfade)");
  line("Server                 Anfr.  Anfr./s  p50 ms  p99 ms  p50/Einzelanfr.  Fehler  abgebr.  kaputt→4xx  Pfade   FDs vorher→nachher  RSS MB vorher→Last→Pfade");
  for (const f of figures) {
    line(
      `${f.server.padEnd(21)} ${String(f.requests).padStart(6)} ${fmt(f.perSecond).padStart(8)} ${fmt(f.p50Ms, 1).padStart(7)} ${fmt(f.p99Ms, 1).padStart(7)} ${fmt(f.p50Ms / f.plainMs, 1).padStart(16)} ${String(f.errors).padStart(7)} ${String(f.aborted).padStart(8)} ${String(f.malformed).padStart(11)} ${fmt(f.distinctPaths).padStart(6)} ${`${f.fdBefore}→${f.fdAfter}`.padStart(20)}  ${fmt(f.rssBeforeMb, 1)}→${fmt(f.rssAfterLoadMb, 1)}→${fmt(f.rssAfterPathsMb, 1)}`
    );
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), "../dist");
  await benchServing(dist, (text = "") => console.log(text), {smoke: process.argv.includes("--smoke")});
}
