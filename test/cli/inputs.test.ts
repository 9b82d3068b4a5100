import * as assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readInput } from "../../src/inputs/detect";
import { InputError } from "../../src/inputs/input-error";
import type { NormalisedResource } from "../../src/model/resource";
import { Secret, Unknown, type Value } from "../../src/model/values";
import { secretValue } from "../pulumi/cli";

// What the real Pulumi CLI wrote for the programs shop (a preview over a deployed stack) and shop-prod (its
// exports), in test/pulumi/programs; `npm run fixtures` captures them again.
const fixture = (name: string) => path.join(__dirname, "fixtures", "real", name);
const SHOP_DEV = "urn:pulumi:dev::shop::";
const SHOP_PROD = "urn:pulumi:prod::shop::";
// A Pulumi YAML program sends no SDK version, so the engine names a default provider `default`; it names a
// TypeScript program's after the SDK's version (`default_7_48_0`).
const DEFAULT_PROVIDER = "default";

function byName(resources: NormalisedResource[], name: string): NormalisedResource {
    const found = resources.find((r) => r.name === name);
    assert.ok(found, `no resource '${name}' in ${resources.map((r) => r.name).join(", ")}`);
    return found;
}

describe("cli inputs: pulumi preview --json", () => {
    it("lists the planned resources once each, leaving out the one being deleted and saying so", async () => {
        const input = await readInput(fixture("shop.preview.json"));
        assert.deepEqual(
            input.resources.map((r) => r.urn),
            [
                // The JSON leaves the default provider out; the engine registers it as a resource of the stack.
                `${SHOP_DEV}pulumi:providers:aws::${DEFAULT_PROVIDER}`,
                `${SHOP_DEV}pulumi:pulumi:Stack::shop-dev`,
                `${SHOP_DEV}pulumi:providers:aws::china`,
                `${SHOP_DEV}aws:s3/bucket:Bucket::archive`,
                `${SHOP_DEV}aws:rds/instance:Instance::orders`,
                `${SHOP_DEV}aws:s3/bucket:Bucket::logs`,
                `${SHOP_DEV}aws:rds/instance:Instance::orders-replica`,
            ],
        );
        assert.deepEqual(input.notes, ["skipped 1 resource being deleted"]);
        assert.equal(input.stack.project, "shop");
        assert.equal(input.stack.stack, "dev");
        assert.equal(input.stack.phase, "preview");
        assert.equal(input.stack.tags.size, 0);
    });

    const cases: Array<[string, string, (r: NormalisedResource) => unknown, unknown]> = [
        [
            "a default provider's settings come from the stack config",
            "logs",
            (r) => r.provider?.props.region,
            "eu-west-1",
        ],
        ["a default provider is named as the engine names it", "logs", (r) => r.provider?.name, DEFAULT_PROVIDER],
        ["a default provider's type", "logs", (r) => r.provider?.type, "pulumi:providers:aws"],
        [
            "a blinded config secret is a secret without value",
            "logs",
            (r) => r.provider?.props.secretKey,
            new Secret(undefined),
        ],
        ["another package's config does not leak in", "logs", (r) => r.provider?.props.dbPassword, undefined],
        [
            "an explicit provider is attached with its own inputs",
            "archive",
            (r) => r.provider?.props.region,
            "cn-north-1",
        ],
        ["an explicit provider's URN", "archive", (r) => r.provider?.urn, `${SHOP_DEV}pulumi:providers:aws::china`],
        [
            "a JSON-encoded provider input stays a string",
            "china",
            (r) => r.props.endpoints,
            '[{"s3":"https://s3.oss-cn-hangzhou.aliyuncs.com"}]',
        ],
        [
            "an input shown as [secret] is a secret without value",
            "orders",
            (r) => r.props.password,
            new Secret(undefined),
        ],
        ["an unknown input stays unknown", "logs", (r) => r.props.policy, new Unknown("string")],
        [
            "an input naming a resource being replaced is unknown",
            "orders-replica",
            (r) => r.props.replicateSourceDb,
            new Unknown("string"),
        ],
        ["a replaced resource has its new inputs", "orders", (r) => r.props.instanceClass, "db.t3.small"],
        ["tags are kept", "logs", (r) => r.props.tags, { "data-residency": "eu" } as Value],
        ["the parent is kept", "logs", (r) => r.parent, `${SHOP_DEV}pulumi:pulumi:Stack::shop-dev`],
        ["a provider itself has no provider", "china", (r) => r.provider, undefined],
    ];
    for (const [what, name, pick, expected] of cases) {
        it(what, async () => {
            const { resources } = await readInput(fixture("shop.preview.json"));
            assert.deepEqual(pick(byName(resources, name)), expected);
        });
    }
});

describe("cli inputs: pulumi stack export", () => {
    const EXPORT = "shop-prod.export.json";
    const SHOWN = "shop-prod.export-show-secrets.json";
    const cases: Array<[string, string, string, (r: NormalisedResource) => unknown, unknown]> = [
        [
            "a default provider is a resource of the export",
            EXPORT,
            "invoices",
            (r) => r.provider?.props.region,
            "eu-central-1",
        ],
        [
            "a default provider's URN",
            EXPORT,
            "invoices",
            (r) => r.provider?.urn,
            `${SHOP_PROD}pulumi:providers:aws::${DEFAULT_PROVIDER}`,
        ],
        ["an explicit provider", EXPORT, "media", (r) => r.provider?.props.region, "ap-northeast-1"],
        ["an explicit provider's name", EXPORT, "media", (r) => r.provider?.name, "tokyo"],
        ["a ciphertext secret cannot be read", EXPORT, "orders", (r) => r.props.password, new Secret(undefined)],
        [
            "a provider's ciphertext region cannot be read",
            EXPORT,
            "vault-copy",
            (r) => r.provider?.props.region,
            new Secret(undefined),
        ],
        [
            "a --show-secrets plaintext is read and stays secret",
            SHOWN,
            "orders",
            (r) => r.props.password,
            new Secret(secretValue("shop:dbPassword")),
        ],
        [
            "a provider's --show-secrets region is read and stays secret",
            SHOWN,
            "vault-copy",
            (r) => r.provider?.props.region,
            new Secret("eu-south-2"),
        ],
        ["tags are kept", EXPORT, "invoices", (r) => r.props.tags, { "data-residency": "de" } as Value],
    ];
    for (const [what, file, name, pick, expected] of cases) {
        it(what, async () => {
            const { resources } = await readInput(fixture(file));
            assert.deepEqual(pick(byName(resources, name)), expected);
        });
    }

    it("takes the stack and project from the URNs; values are final", async () => {
        const { stack, resources } = await readInput(fixture(EXPORT));
        assert.deepEqual([stack.project, stack.stack, stack.phase], ["shop", "prod", "update"]);
        assert.deepEqual(resources.map((r) => r.name).sort(), [
            "ali",
            DEFAULT_PROVIDER,
            "hidden",
            "invoices",
            "media",
            "orders",
            "shop-prod",
            "tokyo",
            "vault",
            "vault-copy",
        ]);
    });
});

describe("cli inputs: detection", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clean-guard-detect-"));
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        writeFileSync(file, text);
        return file;
    };
    mkdirSync(path.join(dir, "not-a-program"));

    it("tells a preview from an export by content, whatever the file name", async () => {
        const preview = write("state.json", JSON.stringify({ steps: [] }));
        const exported = write("preview.json", JSON.stringify({ version: 3, deployment: { resources: [] } }));
        assert.equal((await readInput(preview)).stack.phase, "preview");
        assert.equal((await readInput(exported)).stack.phase, "update");
    });

    const refusals: Array<[string, () => Promise<unknown>, RegExp]> = [
        [
            "JSON of another tool",
            () => readInput(write("other.json", '{"resources": []}')),
            /other\.json: JSON with neither 'steps' nor 'deployment'.*expected a Pulumi program directory/,
        ],
        ["text that is not JSON", () => readInput(write("notes.txt", "hello")), /notes\.txt: not valid JSON/],
        [
            "a directory without Pulumi.yaml",
            () => readInput(path.join(dir, "not-a-program")),
            /not-a-program: directory has no Pulumi\.yaml/,
        ],
        ["a missing path", () => readInput(path.join(dir, "nope.json")), /nope\.json: no such file or directory/],
        [
            "a forced kind that does not fit",
            () => readInput(write("p.json", '{"steps": []}'), { kind: "export" }),
            /p\.json: expected the JSON of 'pulumi stack export'/,
        ],
        [
            "a step without a type",
            () => readInput(write("bad-step.json", '{"steps": [{"op": "create", "newState": {"urn": "u"}}]}')),
            /bad-step\.json: steps\[0\]\.newState: key 'type' expected a non-empty string, found nothing/,
        ],
        [
            "a directory forced to be JSON",
            () => readInput(path.join(dir, "not-a-program"), { kind: "preview" }),
            /is a directory, but --input-kind preview expects a JSON file/,
        ],
    ];
    for (const [what, read, message] of refusals) {
        it(`refuses ${what} with one clear error`, async () => {
            await assert.rejects(read, (e: unknown) => e instanceof InputError && message.test(e.message));
        });
    }
});
