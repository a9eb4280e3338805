import {boundaryLoader} from "../../../loaders/framework.ts";

await boundaryLoader("ni-kreise");
