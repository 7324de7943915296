import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const ofacCsvLoader: ListLoader = {
  format: "ofac-csv",
  listId: "ofac-sdn",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("ofac-sdn", [], { summary: "driver not written yet" });
  },
};
