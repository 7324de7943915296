import type { CliCommand } from "../command";
import { listsInspectCommand } from "./lists-inspect";

/** Every command, in the order the usage text lists them. */
export const COMMANDS: readonly CliCommand[] = [listsInspectCommand];
