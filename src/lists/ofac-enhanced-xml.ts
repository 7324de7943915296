import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const ofacEnhancedXmlLoader: ListLoader = {
  format: "ofac-enhanced-xml",
  listId: "ofac-cons",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("ofac-cons", [], { summary: "driver not written yet" });
  },
};
