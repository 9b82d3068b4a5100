// Resources in the shapes the engine sends a policy pack: type tokens and input names of the installed provider
// SDKs, provider inputs as the engine passes them (non-string provider inputs JSON-encoded, default providers
// named `default_<version>` and carrying the stack config with its prefix stripped).
// Shared: add builders, do not change existing ones.

import type { NormalisedResource, ProviderInfo } from "../../src/model/resource";
import { Secret, Unknown, type Props, type Value } from "../../src/model/values";

const STACK = "dev";
const PROJECT = "shop";

export const unknown = (kind = "string"): Unknown => new Unknown(kind);
export const secret = (value?: Value): Secret => new Secret(value);

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

/** Non-string provider inputs reach a policy JSON-encoded. */
function encodeProviderProps(props: Props): Props {
    const out: Props = {};
    for (const [k, v] of Object.entries(props)) {
        out[k] =
            typeof v === "object" && v !== null && !(v instanceof Unknown) && !(v instanceof Secret)
                ? JSON.stringify(v)
                : v;
    }
    return out;
}

/** The engine's default provider for a package: its props are the package's stack config. */
export function defaultProvider(pkg: string, config: Props, version = "7_48_0"): ProviderInfo {
    const type = `pulumi:providers:${pkg}`;
    const name = `default_${version}`;
    return { type, name, urn: urnOf(type, name), props: encodeProviderProps(config) };
}

/** An explicit provider instance (`new aws.Provider("china", {...})`). */
export function explicitProvider(pkg: string, name: string, inputs: Props): ProviderInfo {
    const type = `pulumi:providers:${pkg}`;
    return { type, name, urn: urnOf(type, name), props: encodeProviderProps(inputs) };
}

export interface ResourceOptions {
    provider?: ProviderInfo;
    propertyDependencies?: Record<string, string[]>;
}

export function resource(type: string, name: string, props: Props, opts: ResourceOptions = {}): NormalisedResource {
    const propertyDependencies = opts.propertyDependencies ?? {};
    return {
        urn: urnOf(type, name),
        type,
        name,
        props,
        ...(opts.provider ? { provider: opts.provider } : {}),
        dependencies: [...new Set(Object.values(propertyDependencies).flat())],
        propertyDependencies,
    };
}

/** The provider resource itself, as a policy sees it (its inputs, non-strings JSON-encoded). */
export function providerResource(pkg: string, name: string, inputs: Props): NormalisedResource {
    return resource(`pulumi:providers:${pkg}`, name, encodeProviderProps(inputs));
}

export interface AwsOptions extends ResourceOptions {
    /** Region of the default aws provider (stack config `aws:region`); ignored when `provider` is given. */
    providerRegion?: Value;
    /** The resource's own `region` input (pulumi-aws v7). */
    region?: Value;
    name?: string;
}

/** Any pulumi-aws v7 resource. */
export function awsResource(type: string, props: Props, opts: AwsOptions = {}): NormalisedResource {
    const provider =
        opts.provider ??
        defaultProvider("aws", opts.providerRegion === undefined ? {} : { region: opts.providerRegion });
    const all: Props = { ...props, ...(opts.region === undefined ? {} : { region: opts.region }) };
    return resource(type, opts.name ?? type.split(":").pop()!.toLowerCase(), all, { ...opts, provider });
}

export const s3Bucket = (props: Props = {}, opts: AwsOptions = {}): NormalisedResource =>
    awsResource("aws:s3/bucket:Bucket", props, opts);

/** `aws.s3.BucketReplicationConfig` with one rule per destination bucket (ARN or name). */
export function s3Replication(source: Value, destinations: Value[], opts: AwsOptions = {}): NormalisedResource {
    return awsResource(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        {
            bucket: source,
            role: "arn:aws:iam::123456789012:role/replication",
            rules: destinations.map((bucket, i) => ({ id: `rule-${i}`, status: "Enabled", destination: { bucket } })),
        },
        opts,
    );
}

export const dynamoTable = (props: Props = {}, opts: AwsOptions = {}): NormalisedResource =>
    awsResource(
        "aws:dynamodb/table:Table",
        { hashKey: "id", attributes: [{ name: "id", type: "S" }], billingMode: "PAY_PER_REQUEST", ...props },
        opts,
    );

export const rdsInstance = (props: Props = {}, opts: AwsOptions = {}): NormalisedResource =>
    awsResource("aws:rds/instance:Instance", { instanceClass: "db.t3.micro", engine: "postgres", ...props }, opts);

/** Any pulumi-aws-native resource, placed by the aws-native provider's region. */
export function awsNativeResource(type: string, props: Props, opts: AwsOptions = {}): NormalisedResource {
    const provider =
        opts.provider ??
        defaultProvider(
            "aws-native",
            opts.providerRegion === undefined ? {} : { region: opts.providerRegion },
            "1_30_0",
        );
    return resource(type, opts.name ?? type.split(":").pop()!.toLowerCase(), props, { ...opts, provider });
}

// Azure, Google Cloud, Kubernetes and untrusted clouds. `providerConfig` is the package's stack config
// (`azure-native:location`, `gcp:region`, `alicloud:region`) as the default provider receives it.

export interface CloudOptions extends ResourceOptions {
    providerConfig?: Props;
    name?: string;
}

/** A resource of `pkg` managed by `opts.provider` or by the package's default provider. */
export function cloudResource(
    pkg: string,
    version: string,
    type: string,
    props: Props,
    opts: CloudOptions = {},
): NormalisedResource {
    const provider = opts.provider ?? defaultProvider(pkg, opts.providerConfig ?? {}, version);
    return resource(type, opts.name ?? type.split(":").pop()!.toLowerCase(), props, { ...opts, provider });
}

/** Any azure-native v3 resource: `azureNative("storage:StorageAccount", {...})`. */
export const azureNative = (token: string, props: Props, opts: CloudOptions = {}): NormalisedResource =>
    cloudResource("azure-native", "3_28_0", `azure-native:${token}`, props, opts);

/** Any classic azure v6 resource, by full type token. */
export const azureClassic = (type: string, props: Props, opts: CloudOptions = {}): NormalisedResource =>
    cloudResource("azure", "6_30_0", type, props, opts);

export const resourceGroup = (props: Props, opts: CloudOptions = {}): NormalisedResource =>
    azureNative("resources:ResourceGroup", props, opts);

export const storageAccount = (props: Props, opts: CloudOptions = {}): NormalisedResource =>
    azureNative(
        "storage:StorageAccount",
        { resourceGroupName: "rg-data", kind: "StorageV2", sku: { name: "Standard_LRS" }, ...props },
        opts,
    );

/** Any gcp v9 resource, by full type token. */
export const gcpResource = (type: string, props: Props, opts: CloudOptions = {}): NormalisedResource =>
    cloudResource("gcp", "9_37_0", type, props, opts);

export const gcsBucket = (props: Props, opts: CloudOptions = {}): NormalisedResource =>
    gcpResource("gcp:storage/bucket:Bucket", props, opts);

/** Any kubernetes v4 resource, by full type token. */
export const k8sResource = (type: string, props: Props, opts: CloudOptions = {}): NormalisedResource =>
    cloudResource("kubernetes", "4_34_2", type, props, opts);

/** A container as written in a pod spec. */
export const container = (name: string, image: Value): Props => ({ name, image });

/** Any alicloud v3 resource, by full type token. */
export const alicloudResource = (type: string, props: Props, opts: CloudOptions = {}): NormalisedResource =>
    cloudResource("alicloud", "3_108_0", type, props, opts);
