import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { runProgram, type ProgramRun } from "../../src/inputs/program";
import type { NormalisedResource } from "../../src/model/resource";
import { Secret, type Value } from "../../src/model/values";
import { judgeStack } from "../policies/judge";

const fixtures = path.join(__dirname, "fixtures");
const STACK = "urn:pulumi:dev::tiny::pulumi:pulumi:Stack::tiny-dev";
// The engine names a default provider after the package version the SDK sends.
const AWS_VERSION = (
    JSON.parse(readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")) as { version: string }
).version;
const AWS_DEFAULT = `default_${AWS_VERSION.replace(/\./g, "_")}`;
const DEFAULT_AWS = `urn:pulumi:dev::tiny::pulumi:providers:aws::${AWS_DEFAULT}`;
const FRANKFURT = "urn:pulumi:dev::tiny::pulumi:providers:aws::frankfurt";
const LOGS = "urn:pulumi:dev::tiny::aws:s3/bucket:Bucket::logs";

describe("runProgram: a Pulumi program run under mocks", () => {
    let run: ProgramRun;
    const byName = (name: string): NormalisedResource => {
        const found = run.resources.find((r) => r.name === name);
        assert.ok(found, `no resource named ${name} among ${run.resources.map((r) => r.name).join(", ")}`);
        return found;
    };

    before(async () => {
        run = await runProgram(path.join(fixtures, "tiny"));
    });

    it("names the project and the single stack file's stack", () => {
        assert.equal(run.stack.project, "tiny");
        assert.equal(run.stack.stack, "dev");
        assert.equal(run.stack.phase, "preview");
        assert.deepEqual(
            [...run.stack.tags],
            [
                ["pulumi:project", "tiny"],
                ["pulumi:stack", "dev"],
            ],
        );
    });

    it("hands back the stack config as the engine passes it on: qualified keys, JSON text, secrets unreadable", () => {
        assert.deepEqual(run.config, {
            values: {
                "aws:region": "eu-west-1",
                "aws:maxRetries": "3",
                "aws:defaultTags": '{"tags":{"data-residency":"eu"}}',
                "aws:secretKey": "[secret]",
                "tiny:dbPassword": "[secret]",
                "tiny:owner": "data-team",
            },
            secretKeys: ["aws:secretKey", "tiny:dbPassword"],
        });
    });

    const shapes: Array<[string, { urn: string; type: string; parent?: string; provider?: string }]> = [
        ["tiny-dev", { urn: STACK, type: "pulumi:pulumi:Stack" }],
        [
            "vault",
            { urn: "urn:pulumi:dev::tiny::tiny:storage:Vault::vault", type: "tiny:storage:Vault", parent: STACK },
        ],
        [
            "vault-shelf",
            {
                urn: "urn:pulumi:dev::tiny::tiny:storage:Vault$tiny:storage:Shelf::vault-shelf",
                type: "tiny:storage:Shelf",
                parent: "urn:pulumi:dev::tiny::tiny:storage:Vault::vault",
            },
        ],
        [
            "vault-shelf-bucket",
            {
                urn: "urn:pulumi:dev::tiny::tiny:storage:Vault$tiny:storage:Shelf$aws:s3/bucket:Bucket::vault-shelf-bucket",
                type: "aws:s3/bucket:Bucket",
                parent: "urn:pulumi:dev::tiny::tiny:storage:Vault$tiny:storage:Shelf::vault-shelf",
                provider: DEFAULT_AWS,
            },
        ],
        ["frankfurt", { urn: FRANKFURT, type: "pulumi:providers:aws", parent: STACK }],
        ["logs", { urn: LOGS, type: "aws:s3/bucket:Bucket", parent: STACK, provider: FRANKFURT }],
        [
            "audit",
            {
                urn: "urn:pulumi:dev::tiny::aws:s3/bucket:Bucket::audit",
                type: "aws:s3/bucket:Bucket",
                parent: STACK,
                provider: DEFAULT_AWS,
            },
        ],
    ];
    for (const [name, want] of shapes) {
        it(`captures ${name}: URN with the parent's type chain, type, parent and provider`, () => {
            const r = byName(name);
            assert.deepEqual(
                { urn: r.urn, type: r.type, parent: r.parent, provider: r.provider?.urn },
                { urn: want.urn, type: want.type, parent: want.parent, provider: want.provider },
            );
        });
    }

    it("gives a resource without an explicit provider the package's default provider, configured from the stack", () => {
        assert.deepEqual(byName("audit").provider, {
            type: "pulumi:providers:aws",
            name: AWS_DEFAULT,
            urn: DEFAULT_AWS,
            // Non-string config arrives JSON-encoded, as the engine sends it; a secure value stays unreadable.
            props: {
                region: "eu-west-1",
                maxRetries: "3",
                defaultTags: '{"tags":{"data-residency":"eu"}}',
                secretKey: new Secret(undefined),
            },
        });
    });

    it("registers the default provider as a resource of the stack, as the engine does, with the same inputs", () => {
        const registered = byName(AWS_DEFAULT);
        assert.deepEqual(
            { urn: registered.urn, type: registered.type, props: registered.props, provider: registered.provider },
            {
                urn: DEFAULT_AWS,
                type: "pulumi:providers:aws",
                props: byName("audit").provider?.props,
                provider: undefined,
            },
        );
    });

    it("gives a resource its explicit provider with that provider's own inputs", () => {
        const provider = byName("logs").provider;
        assert.equal(provider?.name, "frankfurt");
        assert.equal(provider?.props.region, "eu-central-1");
    });

    it("keeps inputs, including values computed from another resource and project config", () => {
        assert.equal(byName("audit").props.bucket, "tiny-logs-audit");
        assert.deepEqual(byName("audit").propertyDependencies.bucket, [LOGS]);
        assert.deepEqual(byName("vault-shelf-bucket").props.tags, { owner: "data-team" });
    });

    const secrets: Array<[string, Value]> = [
        ["db-password", new Secret(undefined)], // secure stack config: the ciphertext cannot be opened
        ["api-token", new Secret("token-value")], // pulumi.secret(...) in the program
    ];
    for (const [name, want] of secrets) {
        it(`keeps ${name}'s value secret`, () => {
            assert.deepEqual(byName(name).props.value, want);
        });
    }

    it("gives no default provider to components or to providers", () => {
        assert.deepEqual(
            ["tiny-dev", "vault", "frankfurt"].map((n) => byName(n).provider),
            [undefined, undefined, undefined],
        );
    });
});

describe("runProgram: Pulumi.yaml's main, an exported async function, a chosen stack", () => {
    it("runs the program's function and reads the named stack's config", async () => {
        const run = await runProgram(path.join(fixtures, "async-main"), { stack: "prod" });
        const late = run.resources.find((r) => r.name === "late");
        assert.deepEqual(
            { stack: run.stack.stack, bucket: late?.props.bucket, region: late?.provider?.props.region },
            { stack: "prod", bucket: "late-bucket", region: "eu-north-1" },
        );
    });
});

describe("runProgram: a program as pulumi/examples writes them", () => {
    // They ship `module` and `moduleResolution` NodeNext, which the language host runs as CommonJS, and read files
    // relative to the project directory.
    it("runs a NodeNext tsconfig's program in its project directory", async () => {
        const run = await runProgram(path.join(fixtures, "nodenext"));
        assert.deepEqual(
            run.resources.filter((r) => r.type === "aws:s3/bucket:Bucket").map((r) => r.provider?.props.region),
            ["eu-west-1"],
        );
    });
});

describe("runProgram: errors name what is wrong", () => {
    const cases: Array<[string, string, { stack?: string }, RegExp]> = [
        ["a directory without Pulumi.yaml", fixtures, {}, /fixtures: no Pulumi\.yaml/],
        [
            "a stack without its stack file",
            path.join(fixtures, "tiny"),
            { stack: "prod" },
            /Pulumi\.prod\.yaml: stack file not found/,
        ],
        [
            "two stack files and no stack named",
            path.join(fixtures, "async-main"),
            {},
            /expected exactly one Pulumi\.<stack>\.yaml or a stack name, found Pulumi\.prod\.yaml, Pulumi\.staging\.yaml/,
        ],
        [
            "a program that throws",
            path.join(fixtures, "throws"),
            {},
            /the Pulumi program failed[^]*orders:bucketName is required/,
        ],
    ];
    for (const [what, dir, opts, message] of cases) {
        it(what, async () => {
            await assert.rejects(runProgram(dir, opts), message);
        });
    }
});

describe("runProgram: a program that asks for its organization", () => {
    it("runs, with the organization a DIY backend gives", async () => {
        const run = await runProgram(path.join(fixtures, "organization"));
        const bucket = run.resources.find((r) => r.name === "trust");
        assert.deepEqual(bucket?.props.tags, { organization: "organization" });
    });
});

describe("runProgram: multi-language components, whose children mocks never build", () => {
    let run: ProgramRun;
    const providerOf = (name: string) => run.resources.find((r) => r.name === name)?.provider;

    before(async () => {
        run = await runProgram(path.join(fixtures, "remote"));
    });

    it("stands for its children: placed by the default provider of the package its SDK builds on", () => {
        assert.equal(providerOf("network")?.type, "pulumi:providers:aws");
        assert.deepEqual(providerOf("network")?.props, { region: "cn-north-1" });
    });

    it("or by the provider the program passed it for that package", () => {
        assert.equal(providerOf("network-eu")?.urn, "urn:pulumi:dev::remote::pulumi:providers:aws::eu");
    });

    it("a component whose SDK cannot be found stays unplaced", () => {
        assert.equal(providerOf("thing"), undefined);
    });

    it("the component built in AWS China is rejected; its twin in Ireland is not", async () => {
        const { all } = await judgeStack(run.resources);
        const rejected = all
            .filter((f) => f.policy === "clean-guard-disallowed-region" && f.kind === "violation")
            .map((f) => f.resource.name);
        assert.ok(rejected.includes("network"), JSON.stringify(rejected));
        assert.ok(!rejected.includes("network-eu"), JSON.stringify(rejected));
    });
});
