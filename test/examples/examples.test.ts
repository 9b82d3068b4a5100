// Every program in examples/ run under Pulumi's mocks, each resource sent through the pack as the engine
// sends it during `pulumi preview`, and the findings compared exactly with the example's
// expected-findings.json: no finding missing, none extra.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { runProgram } from "../../src/inputs/program";
import { parseUrn, type NormalisedResource } from "../../src/model/resource";
import { isRecord, Secret, type Value } from "../../src/model/values";
import { PREVIEW_SECRET_PLACEHOLDER } from "../../src/normalise/wire";
import { asEngineSends, EngineEmulator, REPO_ROOT, type Diagnostic } from "../emulator/engine";

interface ExpectedFinding {
    policy: string;
    resource: string;
    type: string;
    level: "mandatory" | "advisory";
}

const EXAMPLES = path.join(REPO_ROOT, "examples");
/** Every Pulumi project under examples/ (examples/profiles holds profiles, not programs). */
const examples = fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES, d.name, "Pulumi.yaml")))
    .map((d) => d.name)
    .sort();

const key = (f: ExpectedFinding): string => `${f.policy} | ${f.resource} | ${f.type} | ${f.level}`;

function findingOf(d: Diagnostic): ExpectedFinding {
    const urn = parseUrn(d.urn);
    return {
        policy: d.policyName,
        resource: urn?.name ?? "",
        type: urn?.type ?? "",
        level: d.enforcementLevel as ExpectedFinding["level"],
    };
}

/** The plaintexts of every readable secret in the run, and the hosts of URLs inside them. */
function secretTexts(resources: NormalisedResource[]): string[] {
    const out = new Set<string>();
    const visit = (v: Value, inSecret: boolean): void => {
        if (v instanceof Secret) {
            if (v.value !== undefined) visit(v.value, true);
        } else if (Array.isArray(v)) {
            v.forEach((x) => visit(x, inSecret));
        } else if (isRecord(v)) {
            Object.values(v).forEach((x) => visit(x, inSecret));
        } else if (inSecret && typeof v === "string" && v !== PREVIEW_SECRET_PLACEHOLDER) {
            out.add(v);
            for (const m of v.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/"'\s:@]+)/gi)) out.add(m[1]);
        }
    };
    for (const r of resources) {
        visit(r.props, false);
        if (r.provider) visit(r.provider.props, false);
    }
    return [...out];
}

/** What differs, one line per finding, with the pack's message for the extra ones. */
function differences(expected: ExpectedFinding[], found: Diagnostic[]): string[] {
    const left = expected.map(key);
    const lines: string[] = [];
    for (const d of found) {
        const k = key(findingOf(d));
        const i = left.indexOf(k);
        if (i >= 0) left.splice(i, 1);
        else lines.push(`extra:   ${k}\n         ${d.message.split("\n").join("\n         ")}`);
    }
    return [...left.map((k) => `missing: ${k}`), ...lines];
}

describe("examples: findings match expected-findings.json exactly", () => {
    const promised = [
        "alicloud-frankfurt",
        "aws-china",
        "aws-eu-compliant",
        "aws-eu-violating",
        "azure-brazil-compliant",
        "azure-brazil-grs",
        "gcp-eu-analytics",
        "kubernetes-clean",
        "kubernetes-untrusted-registry",
    ];
    it("has every example the documentation promises", () => {
        assert.deepEqual(
            promised.filter((name) => !examples.includes(name)),
            [],
        );
    });

    for (const name of examples) {
        it(name, async () => {
            const dir = path.join(EXAMPLES, name);
            for (const file of ["README.md", "expected-findings.json", "index.ts"]) {
                assert.ok(fs.existsSync(path.join(dir, file)), `${name} has no ${file}`);
            }
            const expected = JSON.parse(
                fs.readFileSync(path.join(dir, "expected-findings.json"), "utf8"),
            ) as ExpectedFinding[];
            const sorted = [...expected].sort((a, b) => key(a).localeCompare(key(b)));
            assert.deepEqual(
                expected,
                sorted,
                `${name}/expected-findings.json must be sorted by policy, resource, type, level`,
            );

            const run = await runProgram(dir);
            const engine = await EngineEmulator.start({
                project: run.stack.project,
                stack: run.stack.stack,
                stackConfig: run.config.values,
                secretConfigKeys: run.config.secretKeys,
            });
            try {
                const found = await engine.preview(run.resources.map(asEngineSends));
                const diff = differences(expected, found);
                const leaks = secretTexts(run.resources).filter((t) => found.some((d) => d.message.includes(t)));
                assert.deepEqual(leaks, [], `${name}: secret values printed in the pack's messages`);
                assert.equal(
                    diff.length,
                    0,
                    `${name}: the pack's findings differ from expected-findings.json\n${diff.join("\n")}`,
                );
            } finally {
                await engine.stop();
            }
        });
    }
});
