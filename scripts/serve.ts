/** npm run serve: dist/ on http://127.0.0.1:3000 (precompressed files, clean URLs), as the tests serve it. */
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {serve} from "../test/e2e/server.ts";

const dist = join(fileURLToPath(import.meta.url), "../../dist");
const server = await serve(dist, {port: Number(process.env.PORT ?? 3000)});
console.log(`Integrationsatlas: ${server.url}`);
