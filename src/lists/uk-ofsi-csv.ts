import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const ukOfsiCsvLoader: ListLoader = {
  format: "uk-ofsi-csv",
  listId: "uk-ofsi",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("uk-ofsi", [], { summary: "driver not written yet" });
  },
};
