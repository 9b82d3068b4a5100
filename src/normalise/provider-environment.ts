// A provider input that neither the program nor the stack sets is taken by the provider from the environment
// of the deployment (`AWS_REGION`), and the Pulumi CLI starts a policy pack in that same environment. Reading
// it there places a stack that keeps its region in CI variables instead of blocking every resource of it as
// "no region"; an AWS region kept in the shared config file (`aws configure`) is read the same way. Only the engine
// path applies this: a preview's JSON may be judged on another machine.

import * as fs from "node:fs";
import * as path from "node:path";
import yaml from "js-yaml";
import type { EnvironmentOrigins } from "../model/resource";
import type { Props } from "../model/values";
import { sharedConfigRegion } from "./aws-shared-config";

const TABLE_FILE = path.join(__dirname, "provider-environment.yaml");

/** Package -> input -> the environment variables the provider reads for it, first set wins. */
export type EnvironmentDefaults = ReadonlyMap<string, ReadonlyArray<[input: string, variables: readonly string[]]>>;

export function loadEnvironmentDefaults(file = TABLE_FILE): EnvironmentDefaults {
    const doc = yaml.load(fs.readFileSync(file, "utf8")) as Record<string, Record<string, string[]>>;
    return new Map(Object.entries(doc).map(([pkg, inputs]) => [pkg, Object.entries(inputs)]));
}

export interface WithEnvironment {
    props: Props;
    fromEnvironment?: EnvironmentOrigins;
}

/** `props` of a provider of `pkg`, with what the environment supplies for inputs they leave out. */
export function withEnvironmentDefaults(
    pkg: string,
    props: Props,
    env: NodeJS.ProcessEnv,
    table: EnvironmentDefaults,
): WithEnvironment {
    let filled: Props | undefined;
    const origins: Record<string, string> = {};
    for (const [input, variables] of table.get(pkg) ?? []) {
        if (props[input] !== undefined && props[input] !== "") continue;
        const variable = variables.find((v) => env[v]);
        if (!variable) continue;
        filled ??= { ...props };
        filled[input] = env[variable]!;
        origins[input] = variable;
    }
    const missingRegion = (filled ?? props).region === undefined || (filled ?? props).region === "";
    const shared = pkg === "aws" && missingRegion ? sharedConfigRegion(props, env) : undefined;
    if (shared) {
        filled ??= { ...props };
        filled.region = shared.region;
        origins.region = shared.origin;
    }
    return filled ? { props: filled, fromEnvironment: origins } : { props };
}
