import {extractLoader} from "../../loaders/framework.ts";

await extractLoader("im-kreis-rates");
