import {boundaryLoader} from "../../../loaders/framework.ts";

await boundaryLoader("magdeburg-stadtteile");
