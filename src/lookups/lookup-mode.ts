// Whether EC2 lookups run at all. `auto` runs them only when the AWS SDK has something to work with,
// judged from cheap signals (environment, shared files, container credentials) so that a laptop
// without AWS never waits for the instance-metadata service. Hosts that rely on an instance role
// alone should say `required`.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import * as path from "node:path";
import type { LookupMode } from "../profile/types";

/** Undefined when lookups may run; otherwise a sentence saying why they do not. */
export function whyLookupsAreOff(mode: LookupMode, env: NodeJS.ProcessEnv): string | undefined {
    if (mode === "off") return "EC2 lookups are off (lookups.ec2: off)";
    if (mode === "required" || awsConfigured(env)) return undefined;
    return "no AWS credentials or EC2 endpoint are configured, so EC2 lookups are off (lookups.ec2: auto)";
}

function awsConfigured(env: NodeJS.ProcessEnv): boolean {
    const set = (name: string): boolean => Boolean(env[name]);
    const home = env.HOME || homedir();
    return (
        set("AWS_ENDPOINT_URL_EC2") ||
        set("AWS_ENDPOINT_URL") ||
        (set("AWS_ACCESS_KEY_ID") && set("AWS_SECRET_ACCESS_KEY")) ||
        set("AWS_PROFILE") ||
        (set("AWS_WEB_IDENTITY_TOKEN_FILE") && set("AWS_ROLE_ARN")) ||
        set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") ||
        set("AWS_CONTAINER_CREDENTIALS_FULL_URI") ||
        existsSync(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, ".aws", "credentials")) ||
        existsSync(env.AWS_CONFIG_FILE || path.join(home, ".aws", "config"))
    );
}
