/**
 * Loopback load against a running server, bounded in count: the serving
 * tests (test/e2e/server.test.ts) and npm run bench share it.
 */
import {Agent, request} from "node:http";
import {rawStatus} from "../test/e2e/http.ts";

/** Runs task(0 … count-1) with at most `concurrency` at a time. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({length: Math.min(concurrency, count)}, async () => {
      while (next < count) await task(next++);
    })
  );
}

/** A GET whose body is read and dropped; resolves with the status. */
function fetchStatus(url: string, agent: Agent, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {agent, headers}, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Clients that start a large download and hang up after the first chunk. */
export async function abortedDownloads(url: string, count: number, concurrency = 50): Promise<number> {
  let aborted = 0;
  await pool(count, concurrency, () =>
    new Promise<void>((resolve) => {
      const req = request(url, {agent: false, headers: {"accept-encoding": "identity"}}, (res) => {
        res.once("data", () => {
          aborted++;
          req.destroy();
        });
        res.once("close", () => resolve());
      });
      req.on("error", () => resolve()); // our own destroy
      req.end();
    })
  );
  return aborted;
}

/**
 * The i-th spelling of a page's path: letters percent-encoded by the bits of
 * i ("/%6Barten/magdeburg"), so the raw paths differ while the page is the same.
 */
export function spelling(path: string, i: number): string {
  let bit = 0;
  return path.replace(/[a-z]/g, (c) => ((i >> bit++) & 1 ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c));
}

/**
 * `count` requests for distinct raw paths: half of them unknown (404), half
 * spellings of /karten/magdeburg (200, brotli accepted); returns the statuses.
 */
export async function distinctPaths(base: string, count: number, concurrency = 50): Promise<Map<number, number>> {
  const agent = new Agent({keepAlive: true, maxSockets: concurrency});
  const statuses = new Map<number, number>();
  const tag = Math.random().toString(36).slice(2, 8);
  await pool(count, concurrency, async (i) => {
    const path = i % 2 ? `/karten/gibt-es-nicht-${tag}-${i}/${"x".repeat(i % 200)}` : spelling("/karten/magdeburg", i >> 1);
    const status = await fetchStatus(base + path, agent, {"accept-encoding": "br, gzip"});
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  agent.destroy();
  return statuses;
}

export interface LoadFigures {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  aborted: number;
  malformed: number;
}

export const MALFORMED = ["/%", "/%E0%A4%A", "/%00", "/karten/%ZZ", "/" + "a".repeat(10_000), "/../package.json"];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * The mix: `requests` GETs of pages and assets at `concurrency` (keep-alive,
 * brotli accepted as a browser would), while other clients abort `aborts`
 * large downloads and send malformed request lines. An error is a failed
 * request or an unexpected status (not 2xx/304 for the mix, not 4xx for the
 * malformed ones).
 */
export async function mixedLoad(base: string, {paths, large, requests = 2000, concurrency = 50, aborts = 200}: {paths: string[]; large: string; requests?: number; concurrency?: number; aborts?: number}): Promise<LoadFigures> {
  const agent = new Agent({keepAlive: true, maxSockets: concurrency});
  const latencies: number[] = [];
  let errors = 0;
  let malformed = 0;
  const t0 = performance.now();
  const mix = pool(requests, concurrency, async (i) => {
    const t = performance.now();
    try {
      const status = await fetchStatus(base + paths[i % paths.length], agent, {"accept-encoding": "br, gzip"});
      if (status >= 400) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t);
  });
  const abortClients = abortedDownloads(base + large, aborts, 10);
  const badClients = pool(aborts, 5, async (i) => {
    try {
      const status = await rawStatus(base, MALFORMED[i % MALFORMED.length]);
      if (status >= 400 && status < 500) malformed++;
      else errors++;
    } catch {
      errors++;
    }
  });
  const [, aborted] = await Promise.all([mix, abortClients, badClients]);
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {requests, seconds, perSecond: requests / seconds, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), errors, aborted, malformed};
}
