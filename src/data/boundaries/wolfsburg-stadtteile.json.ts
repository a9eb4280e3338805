import {boundaryLoader} from "../../../loaders/site/framework.ts";

await boundaryLoader("wolfsburg-stadtteile");
