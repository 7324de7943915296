import { parseArgs } from "node:util";
import { diffLists, loadList, type ListDiff, type ListDiffFieldChange, type ListDiffSide } from "../../lists";
import { ListFormatSchema, type ListFormat } from "../../model";
import { UsageError, type CliCommand } from "../command";
import { listFileOptions, readListFiles } from "../read-list-files";

function clip(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A short readable form of one array element: a name's value, a basis's programme, else JSON. */
function element(value: unknown): string {
  if (value !== null && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v["value"] === "string") return `"${v["value"]}"${typeof v["kind"] === "string" ? ` (${v["kind"]})` : ""}`;
    if (typeof v["program"] === "string" || typeof v["authority"] === "string") {
      return `[${[v["program"], v["authority"]].filter((x) => typeof x === "string").join(", ")}]`;
    }
  }
  return clip(typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? "undefined", 80);
}

function fieldLine(change: ListDiffFieldChange): string {
  if (change.added !== undefined || change.removed !== undefined) {
    const parts = [...(change.removed ?? []).map((x) => `− ${element(x)}`), ...(change.added ?? []).map((x) => `+ ${element(x)}`)];
    return `${change.field}: ${parts.length > 0 ? parts.join("; ") : "order changed"}`;
  }
  return `${change.field}: ${element(change.before)} → ${element(change.after)}`;
}

function sideText(s: ListDiffSide): string {
  return `${s.listId} ${s.listDate ?? "(undated)"} (${s.recordCount} records, sha256 ${s.sha256.slice(0, 12)})`;
}

/**
 * Renders a list diff for a terminal: one line per added or removed record, and per changed record
 * one line per changed field.
 * @example
 * renderListDiff(diffLists(may2, may3)).split("\n")[1] //=> "0 added, 8 removed, 0 changed, 14965 unchanged"
 */
export function renderListDiff(d: ListDiff): string {
  const lines = [`${sideText(d.old)} → ${sideText(d.new)}`, `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged`];
  for (const w of d.warnings) lines.push(`warning: ${w}`);
  for (const r of d.added) lines.push(`+ ${r.sourceId} "${r.name}" (${r.type})`);
  for (const r of d.removed) lines.push(`- ${r.sourceId} "${r.name}" (${r.type})`);
  for (const c of d.changed) {
    lines.push(`~ ${c.sourceId} "${c.name}" (${c.type}): ${c.fields.map((f) => f.field).join(", ")}`);
    for (const f of c.fields) lines.push(`    ${fieldLine(f)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `lists diff <old> <new>`: added, removed and changed records between two files of one list. */
export const listsDiffCommand: CliCommand = {
  run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { format: { type: "string" }, "min-records": { type: "string" }, json: { type: "boolean" } },
    });
    const [oldFile, newFile] = positionals;
    if (oldFile === undefined || newFile === undefined || positionals.length > 2) throw new UsageError("lists diff takes exactly two files: <old> <new>");
    let format: ListFormat | undefined;
    if (values.format !== undefined) {
      const parsed = ListFormatSchema.safeParse(values.format);
      if (!parsed.success) throw new UsageError(`--format: expected one of ${ListFormatSchema.options.join(", ")}, received "${values.format}"`);
      format = parsed.data;
    }
    // Each side loads fail closed: a diff against a broken file would report phantom removals.
    const options = { ...(format === undefined ? {} : { format }), ...listFileOptions(values["min-records"], io.today) };
    const before = loadList(readListFiles(oldFile), options);
    const after = loadList(readListFiles(newFile), options);
    const d = diffLists(before, after);
    io.stdout(values.json ? `${JSON.stringify(d, null, 2)}\n` : renderListDiff(d));
    return 0;
  },
};
