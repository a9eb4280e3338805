// Integrationsmonitoring 1-2-6 (foreigners by age group) alone, in the tidy fact schema.
// Built once per state of its inputs by the output store; loaders/outputs.ts declares what it reads.
import {serveOutput} from "../../loaders/output-store.ts";

await serveOutput("im-auslaender-alter.arrow");
