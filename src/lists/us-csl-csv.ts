import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const usCslCsvLoader: ListLoader = {
  format: "us-csl-csv",
  listId: "us-csl",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("us-csl", [], { summary: "driver not written yet" });
  },
};
