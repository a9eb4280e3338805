/**
 * Debian's nginx with the shipped deploy/nginx/integrationsatlas.conf passes
 * the same page and header checks as npm run serve (serving.ts). Debian 12
 * has no brotli module package, so nginx sends the .gz copies only. Without
 * nginx this test fails: it is part of what the atlas ships.
 */
import {servingChecks} from "./serving.ts";
import {startNginx} from "./nginx.ts";
import {dist} from "./landmarks.ts";

servingChecks("nginx (deploy/nginx)", () => startNginx(dist), {encodings: ["gzip"]});
