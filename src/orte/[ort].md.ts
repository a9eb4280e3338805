// The profile page of one place (/orte/<slug>), from the site bundle (loaders/site/site-bundle.ts).
import {parseArgs} from "node:util";
import {printPage} from "../../loaders/site/site-bundle.ts";

const {values} = parseArgs({options: {ort: {type: "string"}}});
await printPage(`/orte/${values.ort}`);
