// The profile charts' SVGs drawn in a worker thread (scripts/figure-archive.ts), beside the static figures in the main
// one. Plain JavaScript: a worker does not inherit the TypeScript loader, so it registers tsx itself.
import {parentPort} from "node:worker_threads";
import {register} from "tsx/esm/api";

register();
const {profileFigures} = await import("./profile-figures.ts");
parentPort?.postMessage(await profileFigures());
