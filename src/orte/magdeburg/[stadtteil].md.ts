// The profile of one Magdeburg Stadtteil (/orte/magdeburg/<stadtteil>), from the site bundle (loaders/site/site-bundle.ts).
import {parseArgs} from "node:util";
import {printPage} from "../../../loaders/site/site-bundle.ts";

const {values} = parseArgs({options: {stadtteil: {type: "string"}}});
await printPage(`/orte/magdeburg/${values.stadtteil}`);
