/** Where the CLI writes and what it may read; injectable so tests need no child process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly stderrIsTty?: boolean;
  /** Today's date (YYYY-MM-DD) as the CLI's default `asOf`; the CLI is the one place that reads the clock. */
  readonly today?: string;
  /** Environment variables the CLI may read (`SANCTIONS_SCREEN_EU_TOKEN`, `SANCTIONS_SCREEN_LISTS_DIR`); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A mistake in the command line itself: exit code 2 with the usage text. */
export class UsageError extends Error {}

/** One CLI command's runner: parses the arguments after the command's words and returns the exit code. */
export interface CliCommand {
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}

/**
 * One entry of the command table: its words (`["lists", "inspect"]`), one usage line, a summary, and
 * its module, loaded only when the command runs — so `help` and `--version` load no list.
 */
export interface CliCommandEntry {
  readonly words: readonly string[];
  readonly usage: string;
  readonly summary: string;
  load(): Promise<CliCommand>;
}
