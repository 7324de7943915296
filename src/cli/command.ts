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

/** One CLI command: its words (`["lists", "inspect"]`), one usage line, and its runner. */
export interface CliCommand {
  readonly words: readonly string[];
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}
