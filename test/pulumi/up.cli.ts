// `pulumi up --policy-pack <repository root>` with the real Pulumi CLI: a mandatory violation stops the
// resource before it is created, a compliant program deploys, and what preview could not verify is judged
// once its value is known.

import { strict as assert } from "node:assert";
import * as path from "node:path";
import { parseUrn } from "../../src/model/resource";
import {
    assembleProgram,
    differences,
    programs,
    PROGRAMS,
    secretsOf,
    Workspace,
    type CliResult,
    type ExpectedFinding,
    type Program,
} from "./cli";

const verdicts = (r: CliResult): string[][] => r.findings.map((f) => [f.policy, f.resource, f.level]);
const program = (name: string): Program => programs().find((p) => p.name === name)!;

/** The names of the resources a program declares. */
const declared = (p: Program): string[] => Object.keys(assembleProgram(path.join(PROGRAMS, p.name)).resources ?? {});

async function up(p: Program): Promise<{ ws: Workspace; result: CliResult; created: string[] }> {
    const ws = await Workspace.create(p, { secrets: secretsOf(p).config });
    const result = await ws.run("up");
    const created = (await ws.stateUrns()).map((urn) => parseUrn(urn)?.name ?? urn);
    return { ws, result, created };
}

describe("pulumi up --policy-pack: the real CLI deploys only what the pack allows", function () {
    const workspaces: Workspace[] = [];
    after(() => workspaces.forEach((ws) => ws.dispose()));

    for (const name of ["aws-eu-violating", "side-doors"]) {
        it(`${name}: stops before creating any resource with a mandatory violation, and fails`, async () => {
            const p = program(name);
            const { ws, result, created } = await up(p);
            workspaces.push(ws);
            assert.notEqual(result.code, 0, result.output);
            const blocked = p.expected.filter((f) => f.level === "mandatory").map((f) => f.resource);
            assert.ok(blocked.length > 0);
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
    }

    it("aws-eu-compliant: creates every resource of the stack and exits 0", async () => {
        const p = program("aws-eu-compliant");
        const { ws, result, created } = await up(p);
        workspaces.push(ws);
        assert.equal(result.code, 0, result.output);
        assert.deepEqual(result.findings, []);
        assert.deepEqual(
            declared(p).filter((r) => !created.includes(r)),
            [],
        );
    });

    it("unknown-at-preview: the preview's 'cannot verify' is judged at up, where the value is known", async () => {
        const p = program("unknown-at-preview");
        const unverified = (f: ExpectedFinding) => f.policy === "clean-guard-unverified";
        assert.ok(p.expected.some((f) => unverified(f) && f.level === "advisory"));
        assert.ok(!p.expectedAtUp.some(unverified));
        const { ws, result, created } = await up(p);
        workspaces.push(ws);
        assert.equal(result.code, 0, result.output);
        assert.deepEqual(differences(p.expectedAtUp, result.findings), [], result.output);
        assert.deepEqual(
            declared(p).filter((r) => !created.includes(r)),
            [],
        );
    });

    it("unknown-at-preview, copies sent to Virginia: the same 'cannot verify' at preview becomes a violation at up", async () => {
        const p = program("unknown-at-preview");
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
        const created = (await ws.stateUrns()).map((urn) => parseUrn(urn)?.name);
        assert.ok(!created.includes("orders-backup"), result.output);
    });
});
