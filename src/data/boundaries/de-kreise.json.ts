import {boundaryLoader} from "../../../loaders/site/framework.ts";

await boundaryLoader("de-kreise");
