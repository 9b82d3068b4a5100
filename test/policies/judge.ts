// Runs resources through the real locators and every clean-guard policy, as the pack does, and says what
// a user would read: the finding's policy, its kind (advisory or not) and its message.

import { strict as assert } from "node:assert";
import { defaultCatalog } from "../../src/catalog";
import { evaluateResource, evaluateStack } from "../../src/engine/evaluate";
import type { ExemptionReport } from "../../src/engine/exemptions";
import type { Ec2Lookups } from "../../src/lookups/index";
import type { Finding } from "../../src/model/finding";
import type { NormalisedResource, StackContext } from "../../src/model/resource";
import { allPolicies } from "../../src/policies";
import { defaultProfile, loadProfile } from "../../src/profile/load";
import type { CompiledProfile } from "../../src/profile/compile";

export const catalog = defaultCatalog();
export const profile = defaultProfile(catalog);

export interface JudgeOptions {
    profile?: CompiledProfile;
    /** Stack tags, e.g. `{ "data-residency": "eu" }`. */
    stackTags?: Record<string, string>;
    /** Stack config, fully qualified keys. */
    stackConfig?: Record<string, string>;
    lookups?: Ec2Lookups;
    /** The stack's name; `dev` unless given. */
    stackName?: string;
    /** `update` unless given: a preview defers machine-image lookups to the stack pass. */
    phase?: StackContext["phase"];
    /** The clock exemptions are judged by; the real one unless given. */
    now?: Date;
}

function stackOf(options: JudgeOptions): StackContext {
    return {
        project: "shop",
        stack: options.stackName ?? "dev",
        tags: new Map(Object.entries(options.stackTags ?? {})),
        config: new Map(Object.entries(options.stackConfig ?? {})),
        phase: options.phase ?? "update",
    };
}

function evaluationOptions(options: JudgeOptions) {
    return {
        policies: allPolicies,
        profile: options.profile ?? profile,
        catalog,
        lookups: options.lookups,
        now: options.now,
    };
}

/** The findings of one resource judged on its own, as the engine's Analyze call does. */
export async function judgeResource(r: NormalisedResource, options: JudgeOptions = {}): Promise<Finding[]> {
    return (await evaluateResource(r, stackOf(options), evaluationOptions(options))).findings;
}

/** The findings of a whole stack, and those only the stack pass can see. */
export async function judgeStack(
    rs: NormalisedResource[],
    options: JudgeOptions = {},
): Promise<{ all: Finding[]; stackOnly: Finding[]; exemptions: ExemptionReport }> {
    const evaluation = await evaluateStack(rs, stackOf(options), evaluationOptions(options));
    return { all: evaluation.findings, stackOnly: evaluation.stackOnly, exemptions: evaluation.exemptions };
}

/** What a finding is, in the words of a test table: `violation`, `unverified` or `advisory` (unverified, advisory). */
export type Outcome = "violation" | "unverified" | "advisory";

export const outcomeOf = (f: Finding): Outcome =>
    f.kind === "violation" ? "violation" : f.advisory ? "advisory" : "unverified";

/** One policy's findings as `[outcome, message]` pairs. */
export const findingsOf = (findings: Finding[], policy: string): Array<[Outcome, string]> =>
    findings.filter((f) => f.policy === policy).map((f) => [outcomeOf(f), f.message]);

/** A profile as an organisation writes it (`extends: default` unless it says otherwise). */
export function orgProfile(yamlText: string): CompiledProfile {
    return loadProfile(
        { yamlText: `version: 1\n${yamlText}`, name: "org.yaml" },
        catalog,
        allPolicies.map((p) => p.name),
    );
}

/** What a test table expects of one policy: each finding's outcome and words its message must hold. */
export type Expected = Array<[Outcome, ...string[]]>;

export function assertFindings(findings: Finding[], policy: string, expected: Expected, never: string[] = []): void {
    const actual = findingsOf(findings, policy);
    const show = JSON.stringify(actual, null, 1);
    assert.equal(actual.length, expected.length, `expected ${expected.length} ${policy} finding(s), got ${show}`);
    expected.forEach(([outcome, ...words], i) => {
        const [kind, message] = actual[i];
        assert.equal(kind, outcome, show);
        for (const word of words) assert.ok(message.includes(word), `'${word}' missing from: ${message}`);
    });
    for (const f of findings)
        for (const word of never) assert.ok(!f.message.includes(word), `'${word}' must not appear in: ${f.message}`);
}
