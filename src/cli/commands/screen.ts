import { parseArgs } from "node:util";
import { loadList } from "../../lists";
import { IdentifierTypeSchema, type LoadedList } from "../../model";
import { createScreener, PROFILES, type ProfileName, type ScreenInput } from "../../screen";
import { UsageError, type CliCommand } from "../command";
import { chooseScreeningLists } from "../installed-lists";
import { embeddedScreener } from "../prebuilt-index";
import { listFileOptions, readListFiles } from "../read-list-files";
import { renderScreenResult } from "../render-screen-result";

/** `screen <name>`: the main job — screen one name against the embedded lists (or `--list` files). */
export const screenCommand: CliCommand = {
  run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        type: { type: "string" },
        country: { type: "string" },
        dob: { type: "string" },
        id: { type: "string", multiple: true },
        "as-of": { type: "string" },
        profile: { type: "string" },
        list: { type: "string", multiple: true },
        "min-records": { type: "string" },
        "lists-dir": { type: "string" },
        embedded: { type: "boolean" },
        "max-hits": { type: "string" },
        json: { type: "boolean" },
        "fail-on": { type: "string" },
      },
    });
    const name = positionals.join(" ");
    if (!name) throw new UsageError("screen takes a name");
    if (values.profile !== undefined && !(values.profile in PROFILES)) {
      throw new UsageError(`--profile: expected one of ${Object.keys(PROFILES).join(", ")}, received "${values.profile}"`);
    }
    const failOn = values["fail-on"];
    if (failOn !== undefined && failOn !== "alert" && failOn !== "review" && failOn !== "stale") {
      throw new UsageError(`--fail-on: expected alert, review or stale, received "${failOn}"`);
    }
    const maxHits = values["max-hits"] === undefined ? undefined : Number(values["max-hits"]);
    if (maxHits !== undefined && (!Number.isInteger(maxHits) || maxHits < 1)) {
      throw new UsageError(`--max-hits: expected a whole number ≥ 1, received "${values["max-hits"]}"`);
    }
    const options = {
      ...(values.profile === undefined ? {} : { profile: values.profile as ProfileName }),
      ...(maxHits === undefined ? {} : { maxHits }),
    };
    const choice = chooseScreeningLists({ files: values.list ?? [], listsDir: values["lists-dir"], embedded: values.embedded === true, env: io.env, note: io.stderr });
    const screener =
      choice.origin === "files"
        ? createScreener({ ...options, lists: choice.files.map((file): LoadedList => loadList(readListFiles(file), listFileOptions(values["min-records"], io.today))) })
        : choice.origin === "installed"
          ? choice.set.screener(options)
          : embeddedScreener(options, io.stderr).screener;

    const identifiers = (values.id ?? []).map((spec) => {
      const colon = spec.indexOf(":");
      const type = colon > 0 ? spec.slice(0, colon) : undefined;
      if (type !== undefined && !IdentifierTypeSchema.safeParse(type).success) {
        throw new UsageError(`--id: expected <type>:<value> with type one of ${IdentifierTypeSchema.options.join(", ")}, received "${spec}"`);
      }
      return type === undefined ? { value: spec } : { type, value: spec.slice(colon + 1) };
    });
    const asOf = values["as-of"] ?? io.today;
    const input = {
      name,
      ...(values.type === undefined ? {} : { type: values.type }),
      // A two-letter code is upper-cased; anything else goes to the validator, which hints the code ("Syria" → SY).
      ...(values.country === undefined ? {} : { country: values.country.length === 2 ? values.country.toUpperCase() : values.country }),
      ...(values.dob === undefined ? {} : { dateOfBirth: values.dob }),
      ...(identifiers.length > 0 ? { identifiers } : {}),
      ...(asOf === undefined ? {} : { asOf }),
    } as ScreenInput;
    const result = screener.screen(input);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderScreenResult(result));
    if (failOn === "alert" && result.outcome === "alert") return 3;
    if (failOn === "review" && (result.outcome === "alert" || result.outcome === "review")) return 3;
    // Any stale list, whatever the outcome: the screen cannot be trusted as current.
    if (failOn === "stale" && result.stale) return 3;
    return 0;
  },
};
