import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const curatedJsonLoader: ListLoader = {
  format: "curated-json",
  listId: "curated",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("curated", [], { summary: "driver not written yet" });
  },
};
