import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const ftmJsonLoader: ListLoader = {
  format: "ftm-json",
  listId: "opensanctions",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("opensanctions", [], { summary: "driver not written yet" });
  },
};
