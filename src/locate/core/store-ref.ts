// What a string that names another store says of where that store is, before anything is looked up: an ARN
// carries its partition and (but for S3 and other global services) its region; a Google resource name its
// location; an Azure Storage URL or container registry login server its cloud by the host's suffix; `s3://` and
// `gs://` their cloud. The name it
// carries (a bucket, an account, an instance) is what the stack pass looks the store up by.

import { parseArn } from "./arn";

export interface StoreRef {
    /** The store's own name, for the stack's index: a bucket, an account, the last part of a resource name. */
    name: string;
    /** The cloud the form belongs to (`s3://` is AWS's), when the form says. */
    cloud?: string;
    partition?: string;
    /** The store's exact region, when the value names it. */
    region?: string;
    /** How the place was read, for messages: `its ARN`. */
    form: string;
}

/**
 * Azure hosts that name a store, and by their suffix its cloud: a Storage account's endpoints,
 * `<account>.blob.core.windows.net` and the other services' hosts of an account, and a Container Registry's login
 * server, `<registry>.azurecr.io` (a registry a build pushes images to; 5 to 50 letters and digits,
 * https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerregistry).
 * Hosts: https://learn.microsoft.com/en-us/azure/storage/common/storage-account-overview#standard-endpoints,
 * https://learn.microsoft.com/en-us/azure/container-registry/container-registry-get-started-portal (`<registry-name>.azurecr.io`),
 * https://learn.microsoft.com/en-us/azure/china/resources-developer-guide (core.chinacloudapi.cn),
 * https://docs.azure.cn/zh-cn/container-registry/container-registry-best-practices (`contoso.azurecr.cn`),
 * https://learn.microsoft.com/en-us/azure/azure-government/compare-azure-government-global-azure (core.usgovcloudapi.net,
 * Container Registry `.azurecr.us`).
 */
const AZURE_HOSTS: ReadonlyArray<{ kind: string; host: RegExp }> = [
    {
        kind: "storage",
        host: /^https:\/\/([a-z0-9]{3,24})\.(?:blob|dfs|file|queue|table)\.(core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net))(?:[:/]|$)/i,
    },
    { kind: "registry", host: /^(?:https:\/\/)?([a-z0-9]{5,50})\.(azurecr\.(?:io|cn|us))(?:[:/]|$)/i },
];
const AZURE_PARTITIONS: Readonly<Record<string, string>> = {
    "core.windows.net": "azure",
    "core.chinacloudapi.cn": "azure-china",
    "core.usgovcloudapi.net": "azure-us-gov",
    "azurecr.io": "azure",
    "azurecr.cn": "azure-china",
    "azurecr.us": "azure-us-gov",
};

/** `/subscriptions/<id>/resourceGroups/<g>/providers/<Namespace>/<type>/<name>[/...]`: the top resource's name. */
const AZURE_RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/([^/]+)/i;

/**
 * `s3://bucket/key`, `gs://bucket/object`, a log sink's `storage.googleapis.com/bucket`, BigQuery's
 * `bq://project.dataset[.table]` (named by its dataset).
 */
const BUCKET_URL = /^(s3|s3a|s3ssl|gs):\/\/([^/]+)/i;
/** `s3ssl://`: MediaLive's S3 destinations (docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-medialive-alpha.S3OutputDestination.html). */
const URL_CLOUDS: Readonly<Record<string, string>> = { s3: "aws", s3a: "aws", s3ssl: "aws", gs: "gcp" };
const GCS_SINK = /^storage\.googleapis\.com\/([^/]+)/;
const BIGQUERY_URL = /^bq:\/\/[^./]+\.([^./]+)/;

/** A Google resource name, with or without its service host: `projects/p/locations/europe-west1/instances/i`. */
const GOOGLE_RESOURCE_NAME = /^(?:\/\/[a-z0-9.-]+\/|[a-z0-9.-]+\.googleapis\.com\/)?projects\/[^/]+\/(.+)$/;

export function parseStoreRef(text: string): StoreRef {
    const value = text.trim();
    const arn = parseArn(value);
    if (arn) {
        // An S3 ARN names the bucket, whose region it does not say; other ARNs are looked up as written.
        const bucket = arn.service === "s3" && !arn.region ? arn.resource.split("/")[0] : value;
        return {
            name: bucket,
            cloud: "aws",
            partition: arn.partition,
            ...(arn.region ? { region: arn.region } : {}),
            form: "its ARN",
        };
    }
    for (const { kind, host } of AZURE_HOSTS) {
        const found = host.exec(value);
        if (!found) continue;
        const suffix = found[2].toLowerCase();
        return {
            name: found[1].toLowerCase(),
            cloud: "azure",
            partition: AZURE_PARTITIONS[suffix],
            form: `its ${kind} host's suffix ${suffix}`,
        };
    }
    const id = AZURE_RESOURCE_ID.exec(value);
    if (id) return { name: id[1], cloud: "azure", form: "its resource id" };
    const bucket = BUCKET_URL.exec(value);
    if (bucket) return { name: bucket[2], cloud: URL_CLOUDS[bucket[1].toLowerCase()], form: `its ${bucket[1]}:// URL` };
    const gcs = GCS_SINK.exec(value) ?? BIGQUERY_URL.exec(value);
    if (gcs) return { name: gcs[1], cloud: "gcp", form: "its URL" };
    const google = GOOGLE_RESOURCE_NAME.exec(value);
    if (google) {
        // `locations/europe-west1`, `regions/europe-west1`, `zones/europe-west1-b`: where the resource is.
        const parts = google[1].split("/");
        const location = ["locations", "regions", "zones"].includes(parts[0]) ? parts[1] : undefined;
        return {
            name: parts[parts.length - 1],
            cloud: "gcp",
            ...(location && location !== "global" && location !== "-" ? { region: location } : {}),
            form: "its resource name",
        };
    }
    return { name: value, form: "its name" };
}
