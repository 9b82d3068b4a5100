// `pulumi up --policy-pack <repository root>` with the real Pulumi CLI on every program: a mandatory violation
// stops the resource before it is created, a compliant program deploys, and what preview could not verify is judged
// once its value is known.

import { strict as assert } from "node:assert";
import { parseUrn } from "../../src/model/resource";
import {
    assembleProgram,
    defaultProviderName,
    differences,
    programs,
    secretsOf,
    Workspace,
    type CliResult,
    type ExpectedFinding,
    type Program,
} from "./cli";

const verdicts = (r: CliResult): string[][] => r.findings.map((f) => [f.policy, f.resource, f.level]);
const program = (name: string): Program => programs().find((p) => p.name === name)!;

/** The names of the resources a program declares. */
const declared = (p: Program): string[] => Object.keys(assembleProgram(p.dir).resources ?? {});

/** The names of the stack's resources, a default provider's as the expectations name it. */
async function createdIn(ws: Workspace): Promise<string[]> {
    return (await ws.stateUrns()).map((urn) => {
        const parsed = parseUrn(urn);
        return parsed ? defaultProviderName(parsed.type, parsed.name) : urn;
    });
}

describe("pulumi up --policy-pack: the real CLI deploys only what the pack allows", function () {
    const workspaces: Workspace[] = [];
    after(() => workspaces.forEach((ws) => ws.dispose()));

    async function up(p: Program): Promise<{ result: CliResult; created: string[] }> {
        const ws = await Workspace.create(p, { secrets: secretsOf(p).config });
        workspaces.push(ws);
        const result = await ws.run("up");
        return { result, created: await createdIn(ws) };
    }

    for (const p of programs()) {
        const blocked = p.expectedAtUp.filter((f) => f.level === "mandatory").map((f) => f.resource);
        if (blocked.length > 0) {
            it(`${p.name}: stops before creating any resource with a mandatory violation, and fails`, async () => {
                const { result, created } = await up(p);
                assert.notEqual(result.code, 0, result.output);
                assert.deepEqual(
                    blocked.filter((r) => created.includes(r)),
                    [],
                    `created despite a mandatory violation:\n${result.output}`,
                );
                assert.ok(
                    result.findings.some((f) => f.level === "mandatory" && blocked.includes(f.resource)),
                    result.output,
                );
            });
        } else {
            it(`${p.name}: creates every resource of the stack with the findings at up, and exits 0`, async () => {
                const { result, created } = await up(p);
                assert.equal(result.code, 0, result.output);
                assert.deepEqual(differences(p.expectedAtUp, result.findings), [], result.output);
                assert.deepEqual(
                    declared(p).filter((r) => !created.includes(r)),
                    [],
                );
            });
        }
    }

    it("unknown-at-preview, copies sent to Virginia: the same 'cannot verify' at preview becomes a violation at up", async () => {
        const p = program("unknown-at-preview");
        // At the default region the same "cannot verify" is no finding at up (the loop above).
        const unverified = (f: ExpectedFinding) => f.policy === "clean-guard-unverified";
        assert.ok(p.expected.some((f) => unverified(f) && f.level === "advisory"));
        assert.ok(!p.expectedAtUp.some(unverified));
        const ws = await Workspace.create(p, { config: { "unknown-at-preview:drRegion": "us-east-1" } });
        workspaces.push(ws);
        const preview = await ws.run("preview");
        assert.equal(preview.code, 0, preview.output);
        assert.deepEqual(verdicts(preview), [["clean-guard-unverified", "orders-backup", "advisory"]], preview.output);
        const result = await ws.run("up");
        assert.notEqual(result.code, 0, result.output);
        assert.deepEqual(
            verdicts(result),
            [["clean-guard-cross-border-replication", "orders-backup", "mandatory"]],
            result.output,
        );
        assert.ok(!(await createdIn(ws)).includes("orders-backup"), result.output);
    });
});
