// `--policy-pack-config` with the real Pulumi CLI, as README.md documents it: per-policy levels (advisory
// passes with a warning, on every program the pack blocks; disabled is silent), a profile that changes the verdicts, a broken profile that
// fails with one message naming file, line and key, and `remediate`, whose change the engine applies.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { differences, programs, secretsOf, Workspace, type CliResult, type Program } from "./cli";

const program = (name: string): Program => programs().find((p) => p.name === name)!;

describe("pulumi preview --policy-pack-config: the CLI reconciles the pack's config", function () {
    const workspaces: Workspace[] = [];
    after(() => workspaces.forEach((ws) => ws.dispose()));

    /** Runs `command` on a fresh stack of the program with the given policy config (and profile files). */
    async function withConfig(
        name: string,
        config: (root: string) => unknown,
        command: "preview" | "up" = "preview",
    ): Promise<{ ws: Workspace; result: CliResult }> {
        const p = program(name);
        const ws = await Workspace.create(p, { secrets: secretsOf(p).config });
        workspaces.push(ws);
        const file = path.join(ws.root, "policy-config.json");
        fs.writeFileSync(file, JSON.stringify(config(ws.root)));
        return { ws, result: await ws.run(command, ["--policy-pack-config", file]) };
    }

    /** Previews the compliant EU platform with a profile file, named in the policy config as README.md shows. */
    async function withProfile(file: string, text: string): Promise<CliResult> {
        const { result } = await withConfig("aws-eu-compliant", (root) => {
            const profile = path.join(root, file);
            fs.writeFileSync(profile, text);
            return { "clean-guard-data-residency": { profile } };
        });
        return result;
    }

    const UNTRUSTED = "clean-guard-untrusted-provider";

    for (const p of programs().filter((x) => x.expected.some((f) => f.level === "mandatory"))) {
        it(`${p.name}, its mandatory policies advisory: every finding is still shown, as a warning, and the preview passes`, async () => {
            const mandatory = new Set(p.expected.filter((f) => f.level === "mandatory").map((f) => f.policy));
            const { result } = await withConfig(p.name, () =>
                Object.fromEntries([...mandatory].map((policy) => [policy, "advisory"])),
            );
            assert.equal(result.code, 0, result.output);
            const advisory = p.expected.map((f) => ({ ...f, level: "advisory" as const }));
            assert.deepEqual(differences(advisory, result.findings), [], result.output);
            assert.match(result.output, /\[advisory\]/);
        });
    }

    it("disabled: the policy is silent and the preview passes", async () => {
        const { result } = await withConfig("alicloud-frankfurt", () => ({
            [UNTRUSTED]: { enforcementLevel: "disabled" },
        }));
        assert.equal(result.code, 0, result.output);
        assert.deepEqual(result.findings, []);
        assert.ok(!result.output.includes(`- [`), result.output);
    });

    it("a profile that disallows Germany turns the compliant EU platform's Frankfurt copies into violations", async () => {
        const result = await withProfile(
            "no-germany.yaml",
            "version: 1\nextends: default\ndisallow:\n  countries: [de]\n",
        );
        assert.notEqual(result.code, 0, result.output);
        const copies = ["orders-replica", "orders-replica-versioning", "orders-db-replica"];
        for (const resource of copies) {
            assert.ok(
                result.findings.some((f) => f.resource === resource && f.level === "mandatory"),
                `${resource} not rejected:\n${result.output}`,
            );
        }
        assert.ok(
            result.findings.every((f) => /Germany|\bde\b|DE/.test(f.message)),
            result.findings.map((f) => f.message).join("\n"),
        );
    });

    it("a broken profile fails the preview with the documented message: file, line, key, value, expectation", async () => {
        const result = await withProfile(
            "org.yaml",
            "version: 1\nextends: default\n\n\n\ndisallow:\n  countries: [cn, ru, XX]\n",
        );
        assert.notEqual(result.code, 0, result.output);
        assert.match(
            result.output,
            /org\.yaml:7: disallow\.countries\[2\]: "XX" is not an ISO 3166-1 alpha-2 country code \(expected e\.g\. "cn"\)/,
        );
    });

    it("remediate: the classification is stamped on untagged buckets, the engine shows it and deploys it", async () => {
        const { ws, result } = await withConfig(
            "remediate",
            () => ({ "clean-guard-data-residency": "remediate" }),
            "up",
        );
        assert.equal(result.code, 0, result.output);
        assert.deepEqual(
            result.remediations.map((r) => [r.policy, r.resource]).sort(),
            [
                ["clean-guard-data-residency", "raw"],
                ["clean-guard-data-residency", "reports"],
            ],
            result.output,
        );
        // The engine shows the change ...
        assert.deepEqual(Object.fromEntries(result.remediations.map((r) => [r.resource, r.after.tags])), {
            reports: { app: "reports", "data-residency": "eu" },
            raw: { "data-residency": "eu" },
        });
        assert.match(result.output, /clean-guard-data-residency/);
        // ... and deploys it: the stack's state holds the stamped inputs.
        const { output } = await ws.pulumiOk(["stack", "export"]);
        const state = JSON.parse(output) as {
            deployment: { resources: Array<{ urn: string; inputs?: { tags?: Record<string, string> } }> };
        };
        const tags = Object.fromEntries(
            state.deployment.resources
                .filter((r) => r.urn.includes("aws:s3/bucket:Bucket"))
                .map((r) => [r.urn.split("::").pop(), r.inputs?.tags]),
        );
        assert.deepEqual(tags, {
            reports: { app: "reports", "data-residency": "eu" },
            raw: { "data-residency": "eu" },
        });
    });
});
