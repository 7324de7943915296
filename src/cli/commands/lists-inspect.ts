import { parseArgs } from "node:util";
import { ListFormatSchema } from "../../model";
import { UsageError, type CliCommand } from "../command";
import { inspectList } from "../inspect-list";
import { listFileOptions, readListFiles } from "../read-list-files";

/** `lists inspect <file> [--format <id>]`: the JSON provenance summary of a list file. */
export const listsInspectCommand: CliCommand = {
  run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: "string" },
        "previous-count": { type: "string" },
        "allow-count-drop": { type: "boolean" },
        "min-records": { type: "string" },
      },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError("lists inspect takes exactly one file");
    let format;
    if (values.format !== undefined) {
      const parsed = ListFormatSchema.safeParse(values.format);
      if (!parsed.success) throw new UsageError(`--format: expected one of ${ListFormatSchema.options.join(", ")}, received "${values.format}"`);
      format = parsed.data;
    }
    let previousCount: number | undefined;
    if (values["previous-count"] !== undefined) {
      previousCount = Number(values["previous-count"]);
      if (!Number.isInteger(previousCount) || previousCount < 0) {
        throw new UsageError(`--previous-count: expected a whole number, received "${values["previous-count"]}"`);
      }
    }
    const summary = inspectList(readListFiles(file), {
      ...(format === undefined ? {} : { format }),
      ...(previousCount === undefined ? {} : { previousCount }),
      ...(values["allow-count-drop"] ? { allowCountDrop: true } : {}),
      ...listFileOptions(values["min-records"], io.today),
    });
    io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  },
};
