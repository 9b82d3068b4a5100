// Secrets in every position (a whole input, a value nested deep inside one, a provider input, a stack config
// value) are judged but never printed: not in a diagnostic the engine shows, not on the pack's stderr, not in
// any report format of the CLI. Run `npm run build` first: the pack and the CLI run from dist.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { FORMATS } from "../../src/cli/formats";
import type { Value } from "../../src/model/values";
import {
    defaultProvider,
    EngineEmulator,
    secret,
    type Diagnostic,
    type EmulatedProvider,
    type EmulatedResource,
} from "../emulator/engine";
import { runCli } from "./cli-run";

/** Each secret, where it sits, and what the verdict must still be. Every value is unique so a leak is attributable. */
const SECRETS = {
    /** stack config `aws:region`, handed to the default provider */
    stackRegion: "cn-northwest-1",
    /** a whole input: a Lambda's entire `environment` */
    wholeInput: "https://s3.oss-cn-hangzhou.aliyuncs.com/whole-input-hunter1",
    /** one value nested deep inside an input */
    nested: "https://nested-hunter2.cos.ap-guangzhou.myqcloud.com/x",
    /** a provider input: its JSON-encoded endpoints */
    providerEndpoint: "https://provider-hunter3.obs.cn-north-4.myhuaweicloud.com",
    /** a provider input: its region */
    providerRegion: "cn-north-1",
    /** a replica region, nested in a list */
    replicaRegion: "us-west-2",
    /** a container image */
    image: "registry.cn-hangzhou.aliyuncs.com/hunter4-team/app:1.2",
    /** a password nobody judges */
    password: "hunter5-correct-horse",
    /** a classification kept in a secret tag map, as written (the policy's description names five-eyes): Ireland is outside it */
    classification: "Five-Eyes",
};

/** Text that would betray a secret: the values, and the parts of them a message might quote on its own. */
const LEAKS = [
    ...Object.values(SECRETS),
    "hunter",
    "northwest",
    "Ningxia",
    "NWCD",
    "Sinnet",
    "Beijing",
    "oss-cn-hangzhou",
    "myqcloud",
    "myhuaweicloud",
    "cn-hangzhou",
    "Oregon",
    "5 countries",
];

/** The policy each secret must still trip, by the resource holding it. */
const EXPECTED: Array<[resource: string, policy: string]> = [
    ["in-stack-region", "clean-guard-disallowed-region"],
    ["whole-input", "clean-guard-untrusted-host"],
    ["nested", "clean-guard-untrusted-host"],
    ["via-provider", "clean-guard-disallowed-region"],
    ["via-provider", "clean-guard-untrusted-host"],
    ["replicated", "clean-guard-cross-border-replication"],
    ["app", "clean-guard-untrusted-image"],
    ["classified", "clean-guard-data-residency"],
];

function assertNoLeak(where: string, text: string): void {
    for (const leak of LEAKS) assert.ok(!text.includes(leak), `'${leak}' leaked in ${where}:\n${text.slice(0, 2000)}`);
}

describe("secrets are judged, never printed", function () {
    this.timeout(120_000);

    describe("through the engine (gRPC)", () => {
        const ireland = { "aws:region": "eu-west-1" };
        const secretDefault: EmulatedProvider = {
            ...defaultProvider("aws", {}),
            inputs: { region: secret(SECRETS.stackRegion) },
        };
        const hidden: EmulatedProvider = {
            type: "pulumi:providers:aws",
            name: "hidden",
            inputs: {
                region: secret(SECRETS.providerRegion),
                endpoints: secret(JSON.stringify([{ s3: SECRETS.providerEndpoint }])),
            },
        };
        const irish = defaultProvider("aws", ireland);
        const lambda = (name: string, environment: Value): EmulatedResource => ({
            type: "aws:lambda/function:Function",
            name,
            inputs: { role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs20.x", environment },
            provider: irish,
        });
        const resources: EmulatedResource[] = [
            { type: "aws:s3/bucket:Bucket", name: "in-stack-region", inputs: {}, provider: secretDefault },
            lambda("whole-input", secret({ variables: { STORE: SECRETS.wholeInput } })),
            lambda("nested", { variables: { SINKS: { a: [{ b: "x" }, { c: secret(SECRETS.nested) }] } } }),
            { type: "aws:s3/bucket:Bucket", name: "via-provider", inputs: {}, provider: hidden },
            {
                type: "aws:dynamodb/table:Table",
                name: "replicated",
                inputs: {
                    hashKey: "id",
                    tags: { "data-residency": "eu" },
                    replicas: [{ regionName: "eu-central-1" }, { regionName: secret(SECRETS.replicaRegion) }],
                },
                provider: irish,
            },
            {
                type: "kubernetes:apps/v1:Deployment",
                name: "app",
                inputs: {
                    spec: { template: { spec: { containers: [{ name: "app", image: secret(SECRETS.image) }] } } },
                },
                provider: defaultProvider("kubernetes", {}, "4.34.2"),
            },
            {
                type: "aws:rds/instance:Instance",
                name: "db",
                inputs: { instanceClass: "db.t3.micro", engine: "postgres", password: secret(SECRETS.password) },
                provider: irish,
            },
            {
                type: "aws:s3/bucket:Bucket",
                name: "classified",
                inputs: { tags: secret({ "data-residency": SECRETS.classification }) },
                provider: irish,
            },
        ];

        let engine: EngineEmulator;
        let diags: Diagnostic[];
        before(async () => {
            engine = await EngineEmulator.start({
                stackConfig: { "aws:region": SECRETS.stackRegion },
                secretConfigKeys: ["aws:region"],
            });
            diags = await engine.preview(resources);
        });
        after(async () => engine?.stop());

        for (const [name, policy] of EXPECTED) {
            it(`${name}: still judged by ${policy}, the value shown as [secret]`, () => {
                const mine = diags.filter((d) => d.policyName === policy && d.urn.endsWith(`::${name}`));
                assert.equal(mine.length, 1, JSON.stringify(diags, null, 2));
                assert.equal(mine[0].enforcementLevel, "mandatory");
                assert.match(mine[0].message, /\[secret\]/);
            });
        }

        it("no diagnostic, and nothing on the pack's stderr, holds a secret", () => {
            for (const d of diags) assertNoLeak(`the diagnostic ${d.policyName} on ${d.urn}`, d.message);
            assertNoLeak("the pack's stderr", engine.stderr);
        });
    });

    describe("through the CLI, in every format", () => {
        const scratch = mkdtempSync(path.join(tmpdir(), "clean-guard-secrets-"));
        const exportFile = path.join(scratch, "export-show-secrets.json");
        const previewFile = path.join(scratch, "preview.json");
        before(() => {
            writeFileSync(exportFile, JSON.stringify(stackExport()));
            writeFileSync(previewFile, JSON.stringify(preview()));
        });
        after(() => rmSync(scratch, { recursive: true, force: true }));

        const cases: Array<[input: string, file: string, expected: typeof EXPECTED, masked: boolean]> = [
            ["a `pulumi stack export --show-secrets`", exportFile, EXPECTED, true],
            // A preview prints a secret it cannot show as "[secret]": a region, endpoint or image it hides cannot be
            // verified, and says so; an arbitrary secret (an environment) is not known to hold a host at all.
            [
                "a `pulumi preview --json`",
                previewFile,
                EXPECTED.filter(([r]) => r !== "whole-input" && r !== "nested" && r !== "classified"),
                false,
            ],
        ];
        for (const [input, file, expected, masked] of cases) {
            for (const format of FORMATS) {
                it(`${input} as ${format}: every secret judged, none printed`, async () => {
                    const run = await runCli(["scan", "--format", format, file]);
                    assert.equal(run.code, 1, `exit code 1 (blocking findings)\n${run.stderr}`);
                    assertNoLeak(`${format} stdout`, run.stdout);
                    assertNoLeak(`${format} stderr`, run.stderr);
                    if (masked) assert.ok(run.stdout.includes("[secret]"), "a secret value is shown masked");
                    const found = reported(format, run.stdout);
                    for (const [resource, policy] of expected) {
                        const hit = found
                            ? found.has(`${resource} ${policy}`)
                            : run.stdout.includes(resource) && run.stdout.includes(policy);
                        assert.ok(hit, `${policy} on ${resource}: ${[...(found ?? [])].join(", ")}`);
                    }
                });
            }
        }
    });
});

/** `<resource> <policy>` of every finding, for the machine-readable formats; the others are checked by their text. */
function reported(format: string, stdout: string): Set<string> | undefined {
    if (format === "json") {
        const report = JSON.parse(stdout) as { findings: Array<{ policy: string; resource: { name: string } }> };
        return new Set(report.findings.map((f) => `${f.resource.name} ${f.policy}`));
    }
    if (format === "sarif") {
        type Result = { ruleId: string; locations: Array<{ logicalLocations: Array<{ name: string }> }> };
        const sarif = JSON.parse(stdout) as { runs: Array<{ results: Result[] }> };
        return new Set(sarif.runs[0].results.map((r) => `${r.locations[0].logicalLocations[0].name} ${r.ruleId}`));
    }
    return undefined;
}

// The same stack as `pulumi stack export --show-secrets` and `pulumi preview --json` write it.

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const STACK = "urn:pulumi:prod::shop";
const urn = (type: string, name: string) => `${STACK}::${type}::${name}`;

/** A secret as `--show-secrets` exports it: its plaintext, JSON-encoded. */
const plaintext = (value: unknown) => ({ [SIG]: SECRET_SIG, plaintext: JSON.stringify(value) });

interface State {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    provider?: string;
}

/** Every secret of SECRETS in its position, written with `hide` (plaintext for the export, "[secret]" for the preview). */
function states(hide: (value: unknown) => unknown): State[] {
    const defaultAws = `${urn("pulumi:providers:aws", "default_7_48_0")}::1111`;
    const irish = `${urn("pulumi:providers:aws", "ireland")}::2222`;
    const hidden = `${urn("pulumi:providers:aws", "hidden")}::3333`;
    const k8s = `${urn("pulumi:providers:kubernetes", "default_4_34_2")}::4444`;
    const lambda = (name: string, environment: unknown): State => ({
        type: "aws:lambda/function:Function",
        name,
        inputs: { role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs20.x", environment },
        provider: irish,
    });
    return [
        { type: "pulumi:providers:aws", name: "default_7_48_0", inputs: { region: hide(SECRETS.stackRegion) } },
        { type: "pulumi:providers:aws", name: "ireland", inputs: { region: "eu-west-1" } },
        {
            type: "pulumi:providers:aws",
            name: "hidden",
            inputs: {
                region: hide(SECRETS.providerRegion),
                endpoints: hide(JSON.stringify([{ s3: SECRETS.providerEndpoint }])),
            },
        },
        { type: "pulumi:providers:kubernetes", name: "default_4_34_2", inputs: {} },
        { type: "aws:s3/bucket:Bucket", name: "in-stack-region", inputs: {}, provider: defaultAws },
        lambda("whole-input", hide({ variables: { STORE: SECRETS.wholeInput } })),
        lambda("nested", { variables: { SINKS: { a: [{ b: "x" }, { c: hide(SECRETS.nested) }] } } }),
        { type: "aws:s3/bucket:Bucket", name: "via-provider", inputs: {}, provider: hidden },
        {
            type: "aws:dynamodb/table:Table",
            name: "replicated",
            inputs: {
                hashKey: "id",
                tags: { "data-residency": "eu" },
                replicas: [{ regionName: "eu-central-1" }, { regionName: hide(SECRETS.replicaRegion) }],
            },
            provider: irish,
        },
        {
            type: "kubernetes:apps/v1:Deployment",
            name: "app",
            inputs: { spec: { template: { spec: { containers: [{ name: "app", image: hide(SECRETS.image) }] } } } },
            provider: k8s,
        },
        {
            type: "aws:rds/instance:Instance",
            name: "db",
            inputs: { instanceClass: "db.t3.micro", engine: "postgres", password: hide(SECRETS.password) },
            provider: irish,
        },
        {
            type: "aws:s3/bucket:Bucket",
            name: "classified",
            inputs: { tags: hide({ "data-residency": SECRETS.classification }) },
            provider: irish,
        },
    ];
}

function resourceState(s: State) {
    return {
        urn: urn(s.type, s.name),
        custom: true,
        type: s.type,
        inputs: s.inputs,
        outputs: s.inputs,
        ...(s.provider ? { provider: s.provider } : {}),
        dependencies: [],
        propertyDependencies: {},
    };
}

function stackExport() {
    const ids = new Map([
        ["default_7_48_0", "1111"],
        ["ireland", "2222"],
        ["hidden", "3333"],
        ["default_4_34_2", "4444"],
    ]);
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-11-28T10:00:00.000Z", magic: "", version: "v3.200.0" },
            secrets_providers: { type: "passphrase", state: { salt: "v1:x" } },
            resources: [
                {
                    urn: urn("pulumi:pulumi:Stack", "shop-prod"),
                    custom: false,
                    type: "pulumi:pulumi:Stack",
                    inputs: {},
                    outputs: {},
                },
                ...states(plaintext).map((s) => ({
                    ...resourceState(s),
                    ...(ids.has(s.name) ? { id: ids.get(s.name) } : {}),
                })),
            ],
        },
    };
}

function preview() {
    const shown = states(() => "[secret]").filter((s) => s.name !== "default_7_48_0" && s.name !== "default_4_34_2");
    return {
        // The preview carries the default provider's settings as stack config, secrets blinded.
        config: { "aws:region": "[secret]", "shop:dbPassword": "[secret]" },
        steps: shown.map((s) => ({
            op: "create",
            urn: urn(s.type, s.name),
            provider: s.provider ?? "",
            newState: resourceState(s),
        })),
    };
}
