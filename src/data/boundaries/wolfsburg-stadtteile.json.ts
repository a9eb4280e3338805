import {boundaryLoader} from "../../../loaders/framework.ts";

await boundaryLoader("wolfsburg-stadtteile");
