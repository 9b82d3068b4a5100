// Deterministic stacks for the benchmarks: the same seed and size always give the same resources, in the
// shapes the engine sends (type tokens and input names of @pulumi/aws 7, azure-native 3, gcp 9,
// kubernetes 4), with the things that make clean-guard work: replication that names other resources,
// `data-residency` tags, endpoints in inputs, large JSON documents, explicit and default providers,
// property dependencies, and a small share of violations.

import type { EmulatedProvider, EmulatedResource } from "../test/emulator/engine";
import type { Value } from "../src/model/values";

export const PROJECT = "demo";
export const STACK = "dev";

/** The stack config of every generated stack: the default providers' settings. */
export const STACK_CONFIG: Readonly<Record<string, string>> = {
    "aws:region": "eu-west-1",
    "azure-native:location": "westeurope",
    "gcp:project": "bench-project",
    "gcp:region": "europe-west1",
};

/** Share of resources that break a rule (China regions, Alibaba OSS endpoints, untrusted images). */
export const VIOLATION_SHARE = 0.02;

export interface GeneratedStack {
    resources: EmulatedResource[];
    /** How many resources were generated to violate a rule, by what they violate. */
    violations: Record<ViolationKind, number>;
}

export type ViolationKind = "china-region" | "alibaba-endpoint" | "untrusted-image" | "untrusted-cloud";

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

/** mulberry32: small, fast and good enough to pick shapes; the same seed gives the same stack. */
function randomFrom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function defaultProvider(pkg: string, version: string): EmulatedProvider {
    const inputs: Record<string, Value> = {};
    for (const [key, value] of Object.entries(STACK_CONFIG)) {
        if (key.startsWith(`${pkg}:`)) inputs[key.slice(pkg.length + 1)] = value;
    }
    const type = `pulumi:providers:${pkg}`;
    const name = `default_${version.replace(/\./g, "_")}`;
    return { type, name, urn: urnOf(type, name), inputs };
}

function explicitProvider(pkg: string, name: string, inputs: Record<string, Value>): EmulatedProvider {
    const type = `pulumi:providers:${pkg}`;
    return { type, name, urn: urnOf(type, name), inputs };
}

const PROVIDERS = {
    aws: defaultProvider("aws", "7.48.0"),
    azure: defaultProvider("azure-native", "3.28.0"),
    gcp: defaultProvider("gcp", "9.37.0"),
    kubernetes: defaultProvider("kubernetes", "4.34.2"),
    awsFrankfurt: explicitProvider("aws", "frankfurt", { region: "eu-central-1" }),
    awsVirginia: explicitProvider("aws", "virginia", {
        region: "us-east-1",
        defaultTags: JSON.stringify({ tags: { team: "platform" } }),
    }),
    // Violations: AWS China, and an S3-compatible endpoint of Alibaba OSS behind an AWS provider.
    awsBeijing: explicitProvider("aws", "beijing", { region: "cn-north-1" }),
    awsOss: explicitProvider("aws", "oss", {
        region: "eu-west-1",
        endpoints: JSON.stringify([{ s3: "https://oss-eu-central-1.aliyuncs.com" }]),
        skipCredentialsValidation: "true",
    }),
    alicloud: explicitProvider("alicloud", "frankfurt", { region: "eu-central-1" }),
};

/** The explicit provider instances are resources of the stack too. */
const PROVIDER_RESOURCES: EmulatedResource[] = [
    PROVIDERS.awsFrankfurt,
    PROVIDERS.awsVirginia,
    PROVIDERS.awsBeijing,
    PROVIDERS.awsOss,
    PROVIDERS.alicloud,
].map((p) => ({ type: p.type, name: p.name, urn: p.urn, inputs: p.inputs }));

const RESIDENCY = ["eu", "de", "fr", "eea", "clean-countries"];
const AWS_EU_REGIONS = ["eu-west-1", "eu-central-1", "eu-west-3", "eu-north-1"];
const AZURE_REGIONS = ["westeurope", "northeurope", "germanywestcentral", "francecentral"];
const GCP_REGIONS = ["europe-west1", "europe-west3", "europe-west4", "europe-north1"];
const GCP_BUCKET_LOCATIONS = ["EU", "EUROPE-WEST1", "EUR4", "EUROPE-WEST3", "US"];
const TRUSTED_IMAGES = [
    "nginx:1.27",
    "ghcr.io/acme/api:2.4.1",
    "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:3.1.0",
    "europe-docker.pkg.dev/bench-project/apps/worker:1.9",
    "mcr.microsoft.com/dotnet/aspnet:8.0",
];
const UNTRUSTED_IMAGE = "registry.cn-hangzhou.aliyuncs.com/acme/agent:1.0";
const WEBHOOKS = ["https://hooks.slack.com/services/T000/B000/XXXX", "https://events.pagerduty.com/v2/enqueue"];

/** What one generator call builds: one resource or a few that belong together. */
type Builder = (g: Generation) => void;

class Generation {
    readonly resources: EmulatedResource[] = [];
    readonly violations: Record<ViolationKind, number> = {
        "china-region": 0,
        "alibaba-endpoint": 0,
        "untrusted-image": 0,
        "untrusted-cloud": 0,
    };
    readonly buckets: string[] = [];
    readonly databases: string[] = [];
    readonly vpcs: string[] = [];
    readonly resourceGroups: string[] = [];
    private serial = 0;

    constructor(readonly random: () => number) {}

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)];
    }

    chance(p: number): boolean {
        return this.random() < p;
    }

    /** A fresh name for a resource: unique within the stack. */
    name(stem: string): string {
        return `${stem}-${(this.serial++).toString(36)}`;
    }

    residencyTags(): Record<string, Value> {
        const tags: Record<string, Value> = { owner: this.pick(["orders", "billing", "search", "identity"]) };
        if (this.chance(0.4)) tags["data-residency"] = this.pick(RESIDENCY);
        return tags;
    }

    violate(kind: ViolationKind): boolean {
        if (!this.chance(VIOLATION_SHARE)) return false;
        this.violations[kind]++;
        return true;
    }

    add(
        type: string,
        name: string,
        inputs: Record<string, Value>,
        provider: EmulatedProvider,
        deps: Record<string, string[]> = {},
    ): string {
        const urn = urnOf(type, name);
        this.resources.push({
            type,
            name,
            urn,
            inputs,
            provider,
            dependencies: [...new Set(Object.values(deps).flat())],
            propertyDependencies: deps,
        });
        return urn;
    }
}

function awsProvider(g: Generation): EmulatedProvider {
    if (g.violate("china-region")) return PROVIDERS.awsBeijing;
    return g.pick([PROVIDERS.aws, PROVIDERS.aws, PROVIDERS.aws, PROVIDERS.awsFrankfurt, PROVIDERS.awsVirginia]);
}

/** An IAM policy document of realistic size (a few KB), as the JSON string pulumi-aws takes. */
function iamPolicy(g: Generation, statements: number): string {
    const Statement = Array.from({ length: statements }, (_, i) => ({
        Sid: `Statement${i}`,
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "kms:Decrypt", "kms:GenerateDataKey"],
        Resource: [`arn:aws:s3:::${g.pick(g.buckets.length ? g.buckets : ["logs"])}/*`, "arn:aws:kms:*:*:key/*"],
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } },
    }));
    return JSON.stringify({ Version: "2012-10-17", Statement });
}

const s3Bucket: Builder = (g) => {
    const name = g.name("bucket");
    const violating = g.violate("alibaba-endpoint");
    const inputs: Record<string, Value> = { bucket: name, tags: g.residencyTags(), forceDestroy: false };
    const other = g.buckets.length > 0 && g.chance(0.3) ? g.pick(g.buckets) : undefined;
    if (other) {
        inputs.replicationConfiguration = {
            role: "arn:aws:iam::123456789012:role/replication",
            rules: [{ id: "all", status: "Enabled", destination: { bucket: `arn:aws:s3:::${other}` } }],
        };
    }
    g.add("aws:s3/bucket:Bucket", name, inputs, violating ? PROVIDERS.awsOss : awsProvider(g));
    g.buckets.push(name);
};

const s3ReplicationConfig: Builder = (g) => {
    if (g.buckets.length < 2) return s3Bucket(g);
    const [source, target] = [g.pick(g.buckets), g.pick(g.buckets)];
    const name = g.name("replication");
    g.add(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        name,
        {
            bucket: source,
            role: "arn:aws:iam::123456789012:role/replication",
            rules: [{ id: "copy", status: "Enabled", destination: { bucket: `arn:aws:s3:::${target}` } }],
        },
        awsProvider(g),
        { bucket: [urnOf("aws:s3/bucket:Bucket", source)] },
    );
};

const rdsInstance: Builder = (g) => {
    const name = g.name("db");
    const inputs: Record<string, Value> = {
        identifier: name,
        engine: "postgres",
        engineVersion: "16.4",
        instanceClass: "db.r6g.large",
        allocatedStorage: 100,
        storageEncrypted: true,
        tags: g.residencyTags(),
    };
    const deps: Record<string, string[]> = {};
    if (g.databases.length > 0 && g.chance(0.25)) {
        const source = g.pick(g.databases);
        inputs.replicateSourceDb = `arn:aws:rds:eu-west-1:123456789012:db:${source}`;
        inputs.region = g.pick(AWS_EU_REGIONS);
        deps.replicateSourceDb = [urnOf("aws:rds/instance:Instance", source)];
    }
    g.add("aws:rds/instance:Instance", name, inputs, awsProvider(g), deps);
    g.databases.push(name);
};

const dynamoTable: Builder = (g) => {
    g.add(
        "aws:dynamodb/table:Table",
        g.name("table"),
        {
            name: g.name("orders"),
            billingMode: "PAY_PER_REQUEST",
            hashKey: "id",
            attributes: [{ name: "id", type: "S" }],
            streamEnabled: true,
            streamViewType: "NEW_AND_OLD_IMAGES",
            replicas: [{ regionName: g.pick(AWS_EU_REGIONS) }],
            tags: g.residencyTags(),
        },
        awsProvider(g),
    );
};

const vpcWithSubnet: Builder = (g) => {
    const provider = awsProvider(g);
    const vpc = g.name("vpc");
    const vpcUrn = g.add("aws:ec2/vpc:Vpc", vpc, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true }, provider);
    g.vpcs.push(vpcUrn);
    g.add(
        "aws:ec2/subnet:Subnet",
        g.name("subnet"),
        { vpcId: `vpc-${vpc}`, cidrBlock: "10.0.1.0/24", availabilityZone: `${g.pick(AWS_EU_REGIONS)}a` },
        provider,
        { vpcId: [vpcUrn] },
    );
};

const securityGroup: Builder = (g) => {
    const deps: Record<string, string[]> = g.vpcs.length > 0 ? { vpcId: [g.pick(g.vpcs)] } : {};
    g.add(
        "aws:ec2/securityGroup:SecurityGroup",
        g.name("sg"),
        {
            description: "web",
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        },
        awsProvider(g),
        deps,
    );
};

const ec2Instance: Builder = (g) => {
    g.add(
        "aws:ec2/instance:Instance",
        g.name("vm"),
        {
            ami: amiId(Math.floor(g.random() * 200)),
            instanceType: "t3.medium",
            userData: "#!/bin/bash\ncurl -fsSL https://get.example.com/agent.sh | sh\n",
            tags: g.residencyTags(),
        },
        awsProvider(g),
    );
};

const lambdaFunction: Builder = (g) => {
    g.add(
        "aws:lambda/function:Function",
        g.name("fn"),
        {
            role: "arn:aws:iam::123456789012:role/lambda",
            runtime: "nodejs20.x",
            handler: "index.handler",
            environment: {
                variables: {
                    WEBHOOK_URL: g.pick(WEBHOOKS),
                    TABLE: g.name("orders"),
                    LOG_LEVEL: "info",
                },
            },
            tags: g.residencyTags(),
        },
        awsProvider(g),
    );
};

const ecsTaskDefinition: Builder = (g) => {
    const image = g.violate("untrusted-image") ? UNTRUSTED_IMAGE : g.pick(TRUSTED_IMAGES);
    const containers = [image, g.pick(TRUSTED_IMAGES)].map((img, i) => ({
        name: `c${i}`,
        image: img,
        cpu: 256,
        memory: 512,
        essential: i === 0,
        portMappings: [{ containerPort: 8080 + i, protocol: "tcp" }],
        environment: [
            { name: "CALLBACK_URL", value: "https://api.example.com/callback" },
            { name: "REGION", value: "eu-west-1" },
        ],
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": "/ecs/app", "awslogs-region": "eu-west-1" },
        },
    }));
    g.add(
        "aws:ecs/taskDefinition:TaskDefinition",
        g.name("task"),
        {
            family: g.name("app"),
            cpu: "512",
            memory: "1024",
            networkMode: "awsvpc",
            requiresCompatibilities: ["FARGATE"],
            containerDefinitions: JSON.stringify(containers),
        },
        awsProvider(g),
    );
};

const iamRolePolicy: Builder = (g) => {
    g.add(
        "aws:iam/policy:Policy",
        g.name("policy"),
        { description: "data access", policy: iamPolicy(g, 12) },
        awsProvider(g),
    );
};

const snsSubscription: Builder = (g) => {
    g.add(
        "aws:sns/topicSubscription:TopicSubscription",
        g.name("sub"),
        { topic: "arn:aws:sns:eu-west-1:123456789012:events", protocol: "https", endpoint: g.pick(WEBHOOKS) },
        awsProvider(g),
    );
};

function azureLocation(g: Generation): string {
    return g.violate("china-region") ? "chinaeast2" : g.pick(AZURE_REGIONS);
}

function resourceGroupOf(g: Generation): { name: string; deps: Record<string, string[]> } {
    if (g.resourceGroups.length === 0 || g.chance(0.1)) {
        const name = g.name("rg");
        g.add(
            "azure-native:resources:ResourceGroup",
            name,
            { resourceGroupName: name, location: g.pick(AZURE_REGIONS) },
            PROVIDERS.azure,
        );
        g.resourceGroups.push(name);
    }
    const name = g.pick(g.resourceGroups);
    return { name, deps: { resourceGroupName: [urnOf("azure-native:resources:ResourceGroup", name)] } };
}

const storageAccount: Builder = (g) => {
    const rg = resourceGroupOf(g);
    g.add(
        "azure-native:storage:StorageAccount",
        g.name("sa"),
        {
            resourceGroupName: rg.name,
            accountName: g.name("st").replace(/-/g, ""),
            location: azureLocation(g),
            kind: "StorageV2",
            sku: { name: g.pick(["Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS"]) },
            tags: g.residencyTags(),
        },
        PROVIDERS.azure,
        rg.deps,
    );
};

const sqlServer: Builder = (g) => {
    const rg = resourceGroupOf(g);
    const server = g.name("sql");
    const serverUrn = g.add(
        "azure-native:sql:Server",
        server,
        {
            resourceGroupName: rg.name,
            serverName: server,
            location: azureLocation(g),
            administratorLogin: "dba",
            version: "12.0",
            tags: g.residencyTags(),
        },
        PROVIDERS.azure,
        rg.deps,
    );
    g.add(
        "azure-native:sql:Database",
        g.name("sqldb"),
        {
            resourceGroupName: rg.name,
            serverName: server,
            location: g.pick(AZURE_REGIONS),
            sku: { name: "S1", tier: "Standard" },
            requestedBackupStorageRedundancy: g.pick(["Geo", "Local", "Zone"]),
        },
        PROVIDERS.azure,
        { ...rg.deps, serverName: [serverUrn] },
    );
};

const webApp: Builder = (g) => {
    const rg = resourceGroupOf(g);
    g.add(
        "azure-native:web:WebApp",
        g.name("app"),
        {
            resourceGroupName: rg.name,
            location: azureLocation(g),
            siteConfig: {
                appSettings: [
                    { name: "WEBHOOK_URL", value: g.pick(WEBHOOKS) },
                    { name: "STORAGE_URL", value: "https://acme.blob.core.windows.net/data" },
                ],
                linuxFxVersion: `DOCKER|${g.pick(TRUSTED_IMAGES)}`,
            },
            tags: g.residencyTags(),
        },
        PROVIDERS.azure,
        rg.deps,
    );
};

const virtualNetwork: Builder = (g) => {
    const rg = resourceGroupOf(g);
    g.add(
        "azure-native:network:VirtualNetwork",
        g.name("vnet"),
        {
            resourceGroupName: rg.name,
            location: azureLocation(g),
            addressSpace: { addressPrefixes: ["10.1.0.0/16"] },
            subnets: [{ name: "default", addressPrefix: "10.1.0.0/24" }],
        },
        PROVIDERS.azure,
        rg.deps,
    );
};

const gcsBucket: Builder = (g) => {
    g.add(
        "gcp:storage/bucket:Bucket",
        g.name("gcs"),
        {
            name: g.name("data"),
            location: g.pick(GCP_BUCKET_LOCATIONS),
            storageClass: "STANDARD",
            uniformBucketLevelAccess: true,
            labels: g.residencyTags(),
        },
        PROVIDERS.gcp,
    );
};

const cloudSql: Builder = (g) => {
    const master = g.name("pg");
    const masterUrn = g.add(
        "gcp:sql/databaseInstance:DatabaseInstance",
        master,
        {
            name: master,
            region: g.pick(GCP_REGIONS),
            databaseVersion: "POSTGRES_16",
            settings: { tier: "db-custom-2-7680", userLabels: g.residencyTags() },
        },
        PROVIDERS.gcp,
    );
    if (g.chance(0.3)) {
        g.add(
            "gcp:sql/databaseInstance:DatabaseInstance",
            g.name("pg-replica"),
            {
                region: g.pick(GCP_REGIONS),
                databaseVersion: "POSTGRES_16",
                masterInstanceName: master,
                settings: { tier: "db-custom-2-7680" },
            },
            PROVIDERS.gcp,
            { masterInstanceName: [masterUrn] },
        );
    }
};

const gceInstance: Builder = (g) => {
    g.add(
        "gcp:compute/instance:Instance",
        g.name("gce"),
        {
            zone: `${g.pick(GCP_REGIONS)}-b`,
            machineType: "e2-standard-4",
            bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } },
            networkInterfaces: [{ network: "default" }],
            labels: g.residencyTags(),
        },
        PROVIDERS.gcp,
    );
};

const pubsubPush: Builder = (g) => {
    g.add(
        "gcp:pubsub/subscription:Subscription",
        g.name("push"),
        { topic: "projects/bench-project/topics/events", pushConfig: { pushEndpoint: g.pick(WEBHOOKS) } },
        PROVIDERS.gcp,
    );
};

const gcpNetwork: Builder = (g) => {
    g.add("gcp:compute/network:Network", g.name("net"), { autoCreateSubnetworks: false }, PROVIDERS.gcp);
};

const deployment: Builder = (g) => {
    const image = g.violate("untrusted-image") ? UNTRUSTED_IMAGE : g.pick(TRUSTED_IMAGES);
    const app = g.name("web");
    g.add(
        "kubernetes:apps/v1:Deployment",
        app,
        {
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: { name: app, labels: { app } },
            spec: {
                replicas: 3,
                selector: { matchLabels: { app } },
                template: {
                    metadata: { labels: { app } },
                    spec: {
                        containers: [
                            {
                                name: "app",
                                image,
                                ports: [{ containerPort: 8080 }],
                                env: [
                                    { name: "UPSTREAM_URL", value: "https://api.example.com" },
                                    { name: "WEBHOOK_URL", value: g.pick(WEBHOOKS) },
                                ],
                                resources: { limits: { cpu: "500m", memory: "512Mi" } },
                            },
                        ],
                    },
                },
            },
        },
        PROVIDERS.kubernetes,
    );
};

const k8sService: Builder = (g) => {
    const name = g.name("svc");
    g.add(
        "kubernetes:core/v1:Service",
        name,
        {
            apiVersion: "v1",
            kind: "Service",
            metadata: { name },
            spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] },
        },
        PROVIDERS.kubernetes,
    );
};

const configMap: Builder = (g) => {
    const name = g.name("config");
    g.add(
        "kubernetes:core/v1:ConfigMap",
        name,
        {
            apiVersion: "v1",
            kind: "ConfigMap",
            metadata: { name },
            data: { "settings.json": JSON.stringify({ endpoint: "https://api.example.com", retries: 3 }) },
        },
        PROVIDERS.kubernetes,
    );
};

// Its weight in the mix keeps Alibaba Cloud resources near 1% of a stack.
const alicloudBucket: Builder = (g) => {
    g.violations["untrusted-cloud"]++;
    g.add("alicloud:oss/bucket:Bucket", g.name("oss"), { bucket: g.name("citizens") }, PROVIDERS.alicloud);
};

/** The mix: storage, databases, compute, networking and Kubernetes workloads, AWS-heavy as most estates are. */
const MIX: ReadonlyArray<[Builder, number]> = [
    [s3Bucket, 10],
    [s3ReplicationConfig, 3],
    [rdsInstance, 5],
    [dynamoTable, 3],
    [vpcWithSubnet, 5],
    [securityGroup, 6],
    [ec2Instance, 6],
    [lambdaFunction, 6],
    [ecsTaskDefinition, 4],
    [iamRolePolicy, 5],
    [snsSubscription, 2],
    [storageAccount, 6],
    [sqlServer, 3],
    [webApp, 3],
    [virtualNetwork, 3],
    [gcsBucket, 6],
    [cloudSql, 3],
    [gceInstance, 4],
    [pubsubPush, 2],
    [gcpNetwork, 2],
    [deployment, 8],
    [k8sService, 4],
    [configMap, 3],
    [alicloudBucket, 1],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [, w]) => sum + w, 0);

function pickBuilder(g: Generation): Builder {
    let r = g.random() * TOTAL_WEIGHT;
    for (const [builder, weight] of MIX) {
        r -= weight;
        if (r < 0) return builder;
    }
    return MIX[MIX.length - 1][0];
}

/** A stack of exactly `size` resources (explicit provider instances included). */
export function generateStack(size: number, seed = 1): GeneratedStack {
    const g = new Generation(randomFrom(seed));
    g.resources.push(...PROVIDER_RESOURCES.slice(0, size));
    while (g.resources.length < size) pickBuilder(g)(g);
    g.resources.length = size;
    return { resources: g.resources, violations: g.violations };
}

/** The AWS part of a stack (resources and provider instances of package `aws`): what awsguard judges. */
export function awsPart(resources: readonly EmulatedResource[]): EmulatedResource[] {
    return resources.filter((r) => r.type.startsWith("aws:") || r.type === "pulumi:providers:aws");
}

/** An AMI id of the bench fleet; the fixture below describes the first `count` of them. */
export function amiId(n: number): string {
    return `ami-0be9c4${n.toString(16).padStart(11, "0")}`;
}

/** One entry of moto_server's AMI fixture (MOTO_AMIS_PATH). */
export interface MotoAmi {
    ami_id: string;
    state: "available";
    public: true;
    owner_id: string;
    name: string;
    description: string;
    image_type: "machine";
    architecture: "x86_64";
    virtualization_type: "hvm";
    hypervisor: "xen";
    root_device_type: "ebs";
    root_device_name: string;
    sriov: "simple";
}

/**
 * `instances` EC2 instances over `distinctAmis` images in two regions, and the AMI fixture that makes
 * moto_server know them; every 50th image is branded by an untrusted vendor.
 */
export function ec2Fleet(
    instances: number,
    distinctAmis: number,
    seed = 7,
): { resources: EmulatedResource[]; amis: MotoAmi[] } {
    const random = randomFrom(seed);
    const regions = [PROVIDERS.aws, PROVIDERS.awsVirginia];
    const resources = Array.from({ length: instances }, (_, i): EmulatedResource => {
        const name = `fleet-${i}`;
        const type = "aws:ec2/instance:Instance";
        return {
            type,
            name,
            urn: urnOf(type, name),
            inputs: {
                ami: amiId(Math.floor(random() * distinctAmis)),
                instanceType: "m7g.large",
                tags: { fleet: "bench" },
            },
            provider: regions[i % regions.length],
            dependencies: [],
            propertyDependencies: {},
        };
    });
    const amis = Array.from({ length: distinctAmis }, (_, n): MotoAmi => {
        const untrusted = n % 50 === 49;
        return {
            ami_id: amiId(n),
            state: "available",
            public: true,
            owner_id: untrusted ? "310987654321" : "137112412989",
            name: untrusted ? `Alibaba Cloud Linux 3 build ${n}` : `al2023-ami-2023.6.${n}-x86_64`,
            description: untrusted ? "Alibaba Cloud Linux 3 for AWS" : `Amazon Linux 2023 build ${n}`,
            image_type: "machine",
            architecture: "x86_64",
            virtualization_type: "hvm",
            hypervisor: "xen",
            root_device_type: "ebs",
            root_device_name: "/dev/xvda",
            sriov: "simple",
        };
    });
    return { resources, amis };
}
