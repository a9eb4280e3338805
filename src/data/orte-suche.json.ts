// The home page's place search: every place with a page (loaders/site/place-index.ts).
// Built once per state of its inputs by the output store; loaders/outputs.ts declares what it reads.
import {serveOutput} from "../../loaders/output-store.ts";

await serveOutput("orte-suche.json");
