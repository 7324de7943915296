import { parseArgs } from "node:util";
import { ScreeningError } from "../errors";
import { ListFormatSchema } from "../model";
import { inspectList } from "./inspect-list";
import { readListFiles } from "./read-list-files";

/** Where the CLI writes; injectable so tests need no child process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = `Usage:
  sanctions-screen lists inspect <file> [--format <id>]   Summarise a list file (JSON); fails on a bad file
  sanctions-screen help                                   This text

Formats: ${ListFormatSchema.options.join(", ")}
`;

class UsageError extends Error {}

function inspectCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: "string" },
      "previous-count": { type: "string" },
      "allow-count-drop": { type: "boolean" },
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
    if (!Number.isInteger(previousCount) || previousCount < 0) throw new UsageError(`--previous-count: expected a whole number, received "${values["previous-count"]}"`);
  }
  const summary = inspectList(readListFiles(file), {
    ...(format === undefined ? {} : { format }),
    ...(previousCount === undefined ? {} : { previousCount }),
    ...(values["allow-count-drop"] ? { allowCountDrop: true } : {}),
  });
  io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

/**
 * Runs the command line and returns the exit code: 0 success, 1 a typed library error (bad list,
 * bad input), 2 a usage error.
 * @example
 * await runCli(["lists", "inspect", "sdn.csv"], { stdout: console.log, stderr: console.error }) //=> 0
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "lists" && rest[0] === "inspect") return inspectCommand(rest.slice(1), io);
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${argv.join(" ")}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sanctions-screen: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ScreeningError) {
      io.stderr(`sanctions-screen: ${error.code}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof Error && "code" in error && (error as NodeJS.ErrnoException).code === "ENOENT") {
      io.stderr(`sanctions-screen: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && "code" in error && String((error as { code: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`sanctions-screen: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
