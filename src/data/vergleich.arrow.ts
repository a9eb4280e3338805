// The comparison page's data: IM indicators of the Kreise, Destatis Kreis tables, linked series of other sources.
// Built once per state of its inputs by the output store; loaders/outputs.ts declares what it reads.
import {serveOutput} from "../../loaders/output-store.ts";

await serveOutput("vergleich.arrow");
