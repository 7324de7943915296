import type { CliCommand } from "../command";
import { batchCommand } from "./batch";
import { listsDiffCommand } from "./lists-diff";
import { listsInspectCommand } from "./lists-inspect";
import { listsUpdateCommand } from "./lists-update";
import { screenCommand } from "./screen";
import { serveCommand } from "./serve";

/** Every command, in the order the usage text lists them. */
export const COMMANDS: readonly CliCommand[] = [screenCommand, listsInspectCommand, batchCommand, serveCommand, listsUpdateCommand, listsDiffCommand];
