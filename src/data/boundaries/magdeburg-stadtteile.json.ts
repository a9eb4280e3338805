import {boundaryLoader} from "../../../loaders/site/framework.ts";

await boundaryLoader("magdeburg-stadtteile");
