// Built once per state of its inputs by the output store; loaders/outputs.ts declares what it reads.
import {serveOutput} from "../../../loaders/output-store.ts";

await serveOutput("boundaries/de-kreise.json");
