// The charts of every profile page with their embed page and static SVG (the list on /einbetten/).
// Built once per state of its inputs by the output store; loaders/outputs.ts declares what it reads.
import {serveOutput} from "../../loaders/output-store.ts";

await serveOutput("profile-charts.json");
