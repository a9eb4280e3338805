/**
 * npm run serve: dist/ on http://127.0.0.1:3000 (PORT, HOST to change), the
 * server the tests use. Behind a proxy or in production, deploy/nginx/ is the
 * tested alternative.
 */
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {serve} from "./server.ts";

const dist = join(fileURLToPath(import.meta.url), "../../dist");
const server = await serve(dist, {port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? "127.0.0.1"});
console.log(`Integrationsatlas: ${server.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
