import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const bisDplTxtLoader: ListLoader = {
  format: "bis-dpl-txt",
  listId: "bis-dpl",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("bis-dpl", [], { summary: "driver not written yet" });
  },
};
