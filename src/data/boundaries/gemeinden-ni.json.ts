import {boundaryLoader} from "../../../loaders/framework.ts";

await boundaryLoader("gemeinden-ni");
