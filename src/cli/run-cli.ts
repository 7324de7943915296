import { ScreeningError } from "../errors";
import { ListFormatSchema } from "../model";
import { LIBRARY } from "../screen";
import { UsageError, type CliIo } from "./command";
import { COMMANDS } from "./commands";
import { UpdateError } from "./update";

export type { CliIo } from "./command";

function usage(): string {
  return `Usage:
${COMMANDS.map((c) => `  sanctions-screen ${c.usage}\n      ${c.summary}`).join("\n")}
  sanctions-screen help | --help | -h
  sanctions-screen --version

List formats: ${ListFormatSchema.options.join(", ")}
`;
}

/**
 * Runs the command line and returns the exit code: 0 success, 1 a typed library error (bad list,
 * bad input) or a missing file, 2 a usage error; screening commands document their own codes.
 * `help` and `--version` answer without loading a command module (the lists load only to screen).
 * @example
 * await runCli(["lists", "inspect", "sdn.csv"], { stdout: console.log, stderr: console.error }) //=> 0
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first] = argv;
  try {
    if (first === undefined || first === "help" || first === "--help" || first === "-h") {
      io.stdout(usage());
      return first === undefined ? 2 : 0;
    }
    if (first === "--version" || first === "-v" || first === "version") {
      io.stdout(`${LIBRARY.version}\n`);
      return 0;
    }
    const entry = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
    if (!entry) throw new UsageError(`unknown command "${argv.join(" ")}"`);
    const command = await entry.load();
    return await command.run(argv.slice(entry.words.length), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sanctions-screen: ${error.message}\n\n${usage()}`);
      return 2;
    }
    if (error instanceof UpdateError) {
      // An installed list set that is missing where asked for, or damaged.
      io.stderr(`sanctions-screen: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ScreeningError) {
      io.stderr(`sanctions-screen: ${error.code}: ${error.message}\n`);
      return 1;
    }
    const code = error instanceof Error && "code" in error ? String((error as { code: unknown }).code) : "";
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      io.stderr(`sanctions-screen: ${(error as Error).message}\n`);
      return 1;
    }
    if (code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`sanctions-screen: ${(error as Error).message}\n\n${usage()}`);
      return 2;
    }
    throw error;
  }
}
