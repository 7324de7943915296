import { ListFormatError } from "../errors";
import type { ListLoader } from "./loader";

// PLACEHOLDER: being written; replaced by the real driver before release.
export const euFsfXmlLoader: ListLoader = {
  format: "eu-fsf-xml",
  listId: "eu-fsf",
  publisher: "TODO",
  title: "TODO",
  detect: () => false,
  parse: () => {
    throw new ListFormatError("eu-fsf", [], { summary: "driver not written yet" });
  },
};
