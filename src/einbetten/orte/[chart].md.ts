// The embed page of one profile chart (/einbetten/orte/<id>), from the site bundle (loaders/site/site-bundle.ts).
import {parseArgs} from "node:util";
import {printPage} from "../../../loaders/site/site-bundle.ts";

const {values} = parseArgs({options: {chart: {type: "string"}}});
await printPage(`/einbetten/orte/${values.chart}`);
