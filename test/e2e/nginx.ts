/**
 * Debian's nginx with the shipped configuration (deploy/nginx/) serving a
 * built dist/ on 127.0.0.1: a throw-away prefix with its own temp folders,
 * a free port, in the foreground (daemon off) so that close() ends it. No
 * nginx, no test: the caller fails rather than skips.
 */
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const SITE_CONF = join(dirname(fileURLToPath(import.meta.url)), "../../deploy/nginx/integrationsatlas.conf");

export interface NginxServer {
  url: string;
  pid: number;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const {port} = probe.address() as {port: number};
  await new Promise((done) => probe.close(done));
  return port;
}

/** The shipped site file, pointed at this dist/ and port; everything else as shipped. */
export function siteConfig(dist: string, port: number): string {
  const text = readFileSync(SITE_CONF, "utf8");
  if (!text.includes("/var/www/integrationsatlas") || !/listen 80;/.test(text)) throw new Error("deploy/nginx/integrationsatlas.conf: expected root /var/www/integrationsatlas and listen 80");
  return text.replaceAll("/var/www/integrationsatlas", resolve(dist)).replace("listen 80;", `listen 127.0.0.1:${port};`);
}

export async function startNginx(dist: string): Promise<NginxServer> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: apt-get install nginx (.ci/run does)`);
  if (!existsSync(join(dist, ".nginx/csp-map.conf"))) throw new Error(`${dist}/.nginx/csp-map.conf missing: build with npm run build`);
  const prefix = mkdtempSync(join(tmpdir(), "atlas-nginx-"));
  mkdirSync(join(prefix, "logs"));
  const port = await freePort();
  writeFileSync(join(prefix, "site.conf"), siteConfig(dist, port));
  // Debian's main nginx.conf, cut down to what a foreground test needs.
  writeFileSync(
    join(prefix, "nginx.conf"),
    [
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1;",
      "daemon off;",
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "    include /etc/nginx/mime.types;",
      "    default_type application/octet-stream;",
      "    sendfile on;",
      `    access_log off;`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `    ${t}_temp_path ${prefix}/${t};`),
      `    include ${prefix}/site.conf;`,
      "}",
      ""
    ].join("\n")
  );
  const child = spawn(NGINX, ["-p", prefix, "-c", join(prefix, "nginx.conf")], {stdio: ["ignore", "ignore", "pipe"]});
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${stderr}`);
    try {
      await fetch(url + "/", {method: "HEAD"});
      break;
    } catch {
      if (Date.now() - t0 > 15_000) throw new Error(`nginx did not answer on ${url}:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    pid: child.pid!,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGQUIT"); // graceful stop of master and worker
        await exited;
      }
      rmSync(prefix, {recursive: true, force: true});
    }
  };
}
