// The locators under whatever a program produces: random property trees (deep nesting, big arrays, JSON inside
// strings, secrets and unknowns anywhere, the same object shared in many places, non-string scalars where a
// string is expected) on the resource types the locators know. No exception escapes, no resource takes
// pathologically long, and a vendor host is found wherever it is nested, or the input is reported as unread.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import { locateStack } from "../../src/locate/stack";
import type { Placement } from "../../src/model/placement";
import type { NormalisedResource } from "../../src/model/resource";
import { Secret, Unknown, type Props, type Value } from "../../src/model/values";
import { defaultProvider, explicitProvider, resource } from "../support/builders";
import { fuzzed, PATHOLOGICAL_MS, SlowestCall } from "./settings";

const catalog = defaultCatalog();

/** Type tokens of every locator family, an untrusted cloud, packages without a location, a provider, a component. */
const TYPES = [
    "aws:s3/bucket:Bucket",
    "aws:rds/instance:Instance",
    "aws:dynamodb/table:Table",
    "aws:ec2/instance:Instance",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:route53/record:Record",
    "aws-native:s3:Bucket",
    "azure-native:storage:StorageAccount",
    "azure-native:resources:ResourceGroup",
    "azure:storage/account:Account",
    "gcp:storage/bucket:Bucket",
    "gcp:compute/instance:Instance",
    "kubernetes:apps/v1:Deployment",
    "kubernetes:helm.sh/v3:Release",
    "kubernetes:yaml/v2:ConfigGroup",
    "alicloud:oss/bucket:Bucket",
    "random:index/randomString:RandomString",
    "pulumi:providers:aws",
    "my:component:Thing",
];

/** Input names the locators read, so random values land where a locator looks. */
const KEYS = [
    "region",
    "location",
    "locations",
    "zone",
    "availabilityZone",
    "replicas",
    "regionName",
    "replicateSourceDb",
    "sourceDbInstanceIdentifier",
    "resourceGroupName",
    "geoReplication",
    "failoverLocations",
    "endpoints",
    "endpoint",
    "s3",
    "url",
    "image",
    "images",
    "chart",
    "repositoryOpts",
    "repo",
    "ami",
    "tags",
    "labels",
    "metadata",
    "spec",
    "containers",
    "containerDefinitions",
    "data-residency",
    "rules",
    "destination",
    "bucket",
    "arn",
    "name",
    "sku",
    "yaml",
    "bgpAsn",
    "customerAddress",
];

/** Strings a locator may be handed: region names right and wrong, hosts, ARNs, URNs, prose, sentinel look-alikes. */
const STRINGS = fc.oneof(
    fc.constantFrom(
        "eu-west-1",
        "cn-north-1",
        "West Europe",
        "westeurope",
        "chinanorth3",
        "europe-west4",
        "EU",
        "global",
        "eu-wset-1",
        "cn-hangzhou",
        "use1-az1",
        "us-east-1a",
        "eu",
        "de",
        "",
        " ",
        "arn:aws-cn:s3:::orders-replica",
        "arn:aws:s3:::",
        "urn:pulumi:dev::shop::aws:s3/bucket:Bucket::orders",
        "https://oss-cn-hangzhou.aliyuncs.com",
        "registry.cn-hangzhou.aliyuncs.com/team/app:1.2",
        "nginx:1.27",
        "ami-0123456789abcdef0",
        "Standard_RAGZRS",
        "[secret]",
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        "{",
        "[1,",
        "{}",
        "[]",
        "null",
        "__proto__",
        "constructor",
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
    fc.webUrl(),
);

const KEY = fc.oneof(fc.constantFrom(...KEYS, "__proto__", "constructor", "0", ""), fc.string({ maxLength: 12 }));

const SCALAR: fc.Arbitrary<Value> = fc.oneof(
    STRINGS,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(new Unknown("string"), new Unknown("array"), new Unknown("object")),
);

const { tree } = fc.letrec<{ tree: Value }>((arb) => ({
    tree: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        SCALAR,
        fc.array(arb("tree"), { maxLength: 6 }),
        fc.dictionary(KEY, arb("tree"), { maxKeys: 6 }),
        arb("tree").map((v) => new Secret(v)),
        // JSON inside a string: ECS container definitions, IAM documents, provider blocks the engine encodes.
        arb("tree").map((v) => JSON.stringify(v) ?? "null"),
    ),
}));

/** Inputs: a random tree, sometimes with one subtree shared in many places (a DAG, as a program may build). */
const PROPS: fc.Arbitrary<Props> = fc.oneof(
    fc.dictionary(KEY, tree, { maxKeys: 8 }),
    fc.tuple(tree, fc.array(KEY, { minLength: 1, maxLength: 50 })).map(([shared, keys]) => {
        const props: Props = {};
        for (const k of keys) props[k] = { same: shared, list: [shared, shared] };
        return props;
    }),
    // A long array of scalars, the shape of generated allow-lists (test/hostile/limits.test.ts goes to 100,000).
    fc.tuple(SCALAR, fc.integer({ min: 100, max: 300 })).map(([element, n]) => ({
        items: Array.from({ length: n }, () => element),
    })),
);

function randomResource(type: string, props: Props, providerProps: Props, explicit: boolean): NormalisedResource {
    const pkg = type.startsWith("pulumi:providers:") ? undefined : type.split(":")[0];
    const provider =
        pkg && (explicit ? explicitProvider(pkg, "fuzzed", providerProps) : defaultProvider(pkg, providerProps));
    return resource(type, "fuzzed", props, provider ? { provider } : {});
}

const RESOURCE = fc
    .tuple(fc.constantFrom(...TYPES), PROPS, fc.dictionary(KEY, tree, { maxKeys: 4 }), fc.boolean())
    .map(([type, props, providerProps, explicit]) => randomResource(type, props, providerProps, explicit));

/** Keys under which text is read for hosts: under an image key, text that parses as an image is the image. */
const HOST_KEYS = KEYS.filter((k) => !/image/i.test(k));

/** One way to wrap a value on the way down: a key, an array slot, a secret, or JSON encoding. */
type Wrap = { key: string } | { index: number } | "secret" | "json";
const WRAP: fc.Arbitrary<Wrap> = fc.oneof(
    KEY.filter((k) => k !== "__proto__" && !/image/i.test(k)).map((key) => ({ key })),
    fc.integer({ min: 0, max: 3 }).map((index) => ({ index })),
    fc.constant("secret" as const),
    fc.constant("json" as const),
);

function wrap(value: Value, wraps: readonly Wrap[], filler: Value): Value {
    return wraps.reduceRight<Value>((inner, w) => {
        if (w === "secret") return new Secret(inner);
        // A string is never JSON-encoded on its own: the engine encodes objects and arrays only.
        if (w === "json") {
            const plain = inner instanceof Secret ? inner.value : inner;
            return typeof plain === "string" ? inner : (JSON.stringify(plain) ?? "null");
        }
        if ("key" in w) return { [w.key]: inner, other: filler };
        return Array.from({ length: w.index + 1 }, (_, i) => (i === w.index ? inner : filler));
    }, value);
}

const VENDOR_URLS = [
    "https://oss-cn-hangzhou.aliyuncs.com/bucket",
    "S3.OSS-CN-HANGZHOU.ALIYUNCS.COM.",
    "admin@cos.ap-guangzhou.myqcloud.com:443",
    "jdbc:mysql://rm-1.mysql.rds.aliyuncs.com:3306/shop",
    "see https://obs.cn-north-4.myhuaweicloud.com/x for details",
];

const timedLocate = (slowest: SlowestCall, r: NormalisedResource): Placement =>
    slowest.time(
        () => `${r.type} ${JSON.stringify(r.props)}`,
        () => locate(r, { catalog }),
    );

describe("fuzz: locators", () => {
    it("locate never throws and never takes pathologically long on random inputs", () => {
        const slowest = new SlowestCall();
        timedLocate(new SlowestCall(), randomResource("aws:s3/bucket:Bucket", {}, {}, false));
        fc.assert(
            fc.property(RESOURCE, (r) => {
                const p = timedLocate(slowest, r);
                assert.equal(p.resource.urn, r.urn);
            }),
            fuzzed(),
        );
        assert.ok(slowest.ms < PATHOLOGICAL_MS, `${slowest.ms.toFixed(1)} ms on ${slowest.input}`);
    });

    it("a vendor host is found wherever it is nested, or the input is reported as not read", () => {
        const slowest = new SlowestCall();
        fc.assert(
            fc.property(
                fc.constantFrom(...TYPES.filter((t) => !t.startsWith("kubernetes:yaml"))),
                fc.constantFrom(...VENDOR_URLS),
                fc.array(WRAP, { maxLength: 60 }),
                SCALAR,
                fc.boolean(),
                (type, url, wraps, filler, onProvider) => {
                    const planted = { [HOST_KEYS[wraps.length % HOST_KEYS.length]]: wrap(url, wraps, filler) };
                    const r =
                        onProvider && !type.startsWith("pulumi:providers:")
                            ? randomResource(type, {}, planted, true)
                            : randomResource(type, planted, {}, false);
                    const p = timedLocate(slowest, r);
                    const found = p.hosts.some((h) => h.vendor !== undefined);
                    const unread = p.undetermined.some((u) => u.reason === "too-large");
                    assert.ok(found || unread, `${url} under ${JSON.stringify(wraps)}: ${JSON.stringify(p.hosts)}`);
                    if (wraps.length <= 10) assert.ok(found, `${url} under ${JSON.stringify(wraps)} not found`);
                },
            ),
            fuzzed(),
        );
        assert.ok(slowest.ms < PATHOLOGICAL_MS, `${slowest.ms.toFixed(1)} ms on ${slowest.input}`);
    });

    it("the stack pass never throws on random stacks whose resources name each other, themselves and nothing", () => {
        const names = ["orders", "replica", "rg-data", "fuzzed"];
        const reference = fc.oneof(
            fc.constantFrom(...names),
            fc.constantFrom(...names).map((n) => `arn:aws:s3:::${n}`),
            fc.constantFrom(...names).map((n) => `urn:pulumi:dev::shop::aws:s3/bucket:Bucket::${n}`),
            fc.constant<Value>(new Unknown("string")),
        );
        const member = fc
            .tuple(
                fc.constantFrom(...TYPES),
                fc.constantFrom(...names),
                fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(reference, tree), { maxKeys: 6 }),
            )
            .map(([type, name, props]) => ({
                ...randomResource(type, props, { region: "eu-west-1" }, true),
                name,
                urn: `urn:pulumi:dev::shop::${type}::${name}`,
            }));
        const slowest = new SlowestCall();
        fc.assert(
            fc.property(fc.array(member, { maxLength: 12 }), (resources) => {
                const placements = slowest.time(
                    () => JSON.stringify(resources.map((r) => [r.type, r.name, r.props])),
                    () => locateStack(resources, { catalog }),
                );
                for (const r of resources) assert.ok(placements.get(r.urn), r.urn);
            }),
            fuzzed(),
        );
        assert.ok(slowest.ms < PATHOLOGICAL_MS * 4, `${slowest.ms.toFixed(1)} ms on ${slowest.input}`);
    });
});
