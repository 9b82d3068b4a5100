// The AWS provider, like every AWS SDK, takes a region neither the program, the stack config nor AWS_REGION sets
// from the shared config file, in the section of the profile it uses: the provider's `profile`, else AWS_PROFILE,
// else `default`; the file AWS_CONFIG_FILE names, else ~/.aws/config, where a profile other than `default` is the
// section `[profile <name>]`. A developer who ran `aws configure` keeps the region there, and the pack, started by the
// Pulumi CLI on the same machine, reads it as the provider will.
// Sources: https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html (AWS_CONFIG_FILE, ~/.aws/config);
// https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html ([profile name] sections);
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html (AWS_REGION, then the profile's `region`).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "ini";

/** Parsed once per file for the life of the pack (one deployment). */
const files = new Map<string, Record<string, unknown>>();

function sections(file: string): Record<string, unknown> {
    let parsed = files.get(file);
    if (!parsed) {
        parsed = fs.existsSync(file) ? (parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
        files.set(file, parsed);
    }
    return parsed;
}

/**
 * The region the AWS provider takes from its shared config file, and where it was found (for messages), when
 * the file has one for the profile. `sharedConfigFiles` set on the provider is not followed: which of several
 * files wins is not something clean-guard can state, so the region stays missing and is reported so.
 */
export function sharedConfigRegion(
    props: { profile?: unknown; sharedConfigFiles?: unknown },
    env: NodeJS.ProcessEnv,
): { region: string; origin: string } | undefined {
    if (props.sharedConfigFiles !== undefined && props.sharedConfigFiles !== "") return undefined;
    const profile =
        typeof props.profile === "string" && props.profile !== "" ? props.profile : env.AWS_PROFILE || "default";
    const file = env.AWS_CONFIG_FILE || path.join(os.homedir(), ".aws", "config");
    const all = sections(file);
    const section = (profile === "default" ? all.default : all[`profile ${profile}`]) as
        Record<string, unknown> | undefined;
    const region = section?.region;
    if (typeof region !== "string" || region.trim() === "") return undefined;
    return { region: region.trim(), origin: `the '${profile}' profile of ${file}` };
}
