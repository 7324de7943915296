import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const unXmlLoader: ListLoader = {
  format: "un-xml",
  listId: "un-sc",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("un-sc", [], { summary: "driver not written yet" });
  },
};
