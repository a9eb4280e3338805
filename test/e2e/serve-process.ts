/** `npm run serve` as its own process (scripts/serve.ts on a free port), so that its descriptors and memory can be read from /proc. */
import {spawn} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServeProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

export async function startServe(env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/serve.ts")], {cwd: root, env: {...process.env, PORT: "0", ...env}, stdio: ["ignore", "pipe", "pipe"]});
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const m = /Integrationsatlas: (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm run serve exited (${code}):\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    }
  };
}

/** Open file descriptors of a process (files, sockets, pipes). */
export const openDescriptors = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

/** Resident memory of a process in bytes. */
export function residentBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}
