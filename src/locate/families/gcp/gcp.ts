// Where a Google Cloud resource keeps its data: its own `location`/`region`/`zone`, else the
// provider's `region`/`zone` (an explicit provider, or the default one fed by stack config
// `gcp:region`), and the places Google copies it to: multi- and dual-region members, Spanner
// multi-region configs, Pub/Sub persistence regions, Secret Manager replicas, Cloud SQL replicas and
// backups.

import type { Location, LocationRole, Placement } from "../../../model/placement";
import type { NormalisedResource } from "../../../model/resource";
import type { LocateContext, Locator } from "../../core/context";
import { addLocation, addReadLocation } from "../../core/places";
import { addReference } from "../../core/references";
import { unreadable } from "../../core/unreadable";
import {
    decodedProviderProps,
    providerLabel,
    readArray,
    readFirstString,
    readString,
    readValue,
    type PathSegment,
    type Read,
} from "../../core/read";

interface GcpResource {
    resource: NormalisedResource;
    p: Placement;
    ctx: LocateContext;
}

/** `locationId`: Firestore databases and App Engine applications name their location so. */
const LOCATION_KEYS = ["location", "region", "zone", "locationId"] as const;
const PROVIDER_KEYS = ["region", "zone"] as const;

/**
 * Global by nature: networks, firewall rules, global load balancing and DNS exist in no region
 * (Google: the resource-locations constraint "does not affect where global resources ... are created").
 * They are recorded as `global` so a classified one is judged, never passed. `true` marks configuration
 * (a network, a firewall rule, DNS records) rather than a service that handles the data itself (a global
 * load balancer terminates and routes users' requests at Google's edge).
 */
const GLOBAL_TYPES: ReadonlyMap<string, boolean> = new Map([
    ["gcp:compute/network:Network", true],
    ["gcp:compute/firewall:Firewall", true],
    ["gcp:compute/route:Route", true],
    ["gcp:compute/globalAddress:GlobalAddress", true],
    ["gcp:compute/healthCheck:HealthCheck", true],
    ["gcp:compute/securityPolicy:SecurityPolicy", true],
    ["gcp:compute/sSLCertificate:SSLCertificate", true],
    ["gcp:compute/managedSslCertificate:ManagedSslCertificate", true],
    ["gcp:dns/managedZone:ManagedZone", true],
    ["gcp:dns/recordSet:RecordSet", true],
    ["gcp:compute/globalForwardingRule:GlobalForwardingRule", false],
    ["gcp:compute/backendService:BackendService", false],
    ["gcp:compute/backendBucket:BackendBucket", false],
    ["gcp:compute/uRLMap:URLMap", false],
    ["gcp:compute/targetHttpProxy:TargetHttpProxy", false],
    ["gcp:compute/targetHttpsProxy:TargetHttpsProxy", false],
]);

/**
 * Identity and organisation objects (IAM bindings, projects, folders, service accounts) keep no
 * customer data and have no location: nothing to record.
 */
const CONTROL_PLANE =
    /^gcp:(projects|organizations|folder|serviceaccount|billing)\/|IAM(Member|Binding|Policy|AuditConfig)$/;

/** Where a type's data goes when no location is written, when that is not the provider's region. */
const DEFAULT_LOCATION: ReadonlyMap<string, { name: string; why: string }> = new Map([
    // BigQuery API: "The default value is multi-regional location US" (Dataset.location).
    ["gcp:bigquery/dataset:Dataset", { name: "US", why: "BigQuery's default location when 'location' is not set" }],
]);

/**
 * Resources that live inside another one and name it: their data is where the parent's is, not in the
 * provider's region. The stack pass resolves the parent and reports it when it is not in the stack.
 */
const PARENT_INPUT: ReadonlyMap<string, string> = new Map([
    ["gcp:storage/bucketObject:BucketObject", "bucket"],
    ["gcp:bigquery/table:Table", "datasetId"],
    ["gcp:pubsub/subscription:Subscription", "topic"],
    ["gcp:sql/database:Database", "instance"],
    ["gcp:sql/user:User", "instance"],
    ["gcp:secretmanager/secretVersion:SecretVersion", "secret"],
    ["gcp:kms/cryptoKey:CryptoKey", "keyRing"],
]);

/** Types whose location is not a `location`/`region` input; each records its own footprint. */
const OWN_PRIMARY: ReadonlyMap<string, (r: GcpResource) => void> = new Map([
    ["gcp:spanner/instance:Instance", spannerConfig],
    ["gcp:pubsub/topic:Topic", pubsubStorage],
    ["gcp:secretmanager/secret:Secret", secretReplication],
    ["gcp:beyondcorp/securityGateway:SecurityGateway", securityGatewayControlPlane],
]);

/** Copies a type makes beyond its primary location. */
const SECONDARIES: ReadonlyMap<string, (r: GcpResource) => void> = new Map([
    ["gcp:storage/bucket:Bucket", bucketDataLocations],
    ["gcp:sql/databaseInstance:DatabaseInstance", cloudSqlCopies],
    ["gcp:compute/snapshot:Snapshot", snapshotStorage],
    ["gcp:compute/image:Image", snapshotStorage],
]);

export const locateGcp: Locator = (resource, p, ctx) => {
    p.cloud = "gcp";
    const r = { resource, p, ctx };
    if (p.isProvider) {
        addGcpLocation(
            r,
            readFirstString(resource.props, PROVIDER_KEYS),
            "primary",
            (path) => `the provider's input '${path}'`,
        );
        return;
    }
    const own = OWN_PRIMARY.get(resource.type);
    if (own) return own(r);
    const controlPlane = GLOBAL_TYPES.get(resource.type);
    if (controlPlane !== undefined) {
        const via = "a global Google Cloud resource (no region)";
        const location = addLocation(p, ctx, { cloud: "gcp", name: "global", role: "primary", via, path: "" });
        if (controlPlane) location.controlPlane = true;
        return;
    }
    if (CONTROL_PLANE.test(resource.type)) return;
    locatePrimary(r);
    SECONDARIES.get(resource.type)?.(r);
};

/** Where anything a Google Cloud resource names is, when nothing else says: Google Cloud has one partition. */
export const GCP_PARTITION = { partition: "gcp", because: "Google Cloud has a single partition" } as const;

function locatePrimary(r: GcpResource): void {
    const { resource } = r;
    const own = readFirstString(resource.props, LOCATION_KEYS);
    if (own) {
        addGcpLocation(r, own, "primary", (path) => `input '${path}'`);
        return;
    }
    const parent = PARENT_INPUT.get(resource.type);
    if (parent) {
        addReference(r.p, readString(resource.props, [parent]), "located-by", "primary", `input '${parent}'`, {
            cloud: "gcp",
            ...GCP_PARTITION,
            what: `parent named by '${parent}'`,
        });
        return;
    }
    const fallback = DEFAULT_LOCATION.get(resource.type);
    if (fallback) {
        addMultiAware(r, { name: fallback.name, role: "primary", via: fallback.why, path: "location" });
        return;
    }
    const fromProvider = readFirstString(decodedProviderProps(resource), PROVIDER_KEYS);
    if (fromProvider) {
        const label = providerLabel(resource) ?? "the provider";
        addGcpLocation(
            r,
            { ...fromProvider, path: `provider.${fromProvider.path}` },
            "primary",
            (path) => `${path.slice("provider.".length)} of ${label}`,
        );
    }
    // No location anywhere: Google rejects a regional or zonal resource without one, so what is left
    // is global or location-less; the known global kinds are listed in GLOBAL_TYPES.
}

/**
 * A security gateway's `location` is always `global`: that is where its configuration is kept. Its data path is
 * its hubs, "regional data path deployment with GCP region as a key" (cloud.google.com/beyondcorp/docs/reference/
 * rest/v1/projects.locations.securityGateways), which the place-input table reads as processing places. With no hub
 * there is no data path: the gateway is configuration only.
 */
function securityGatewayControlPlane(r: GcpResource): void {
    const hubs = readArray(r.resource.props, ["hubs"]);
    if (hubs.unknown || hubs.opaque || (hubs.value?.length ?? 0) > 0) return;
    const via = "a security gateway with no hub (configuration only, no data path)";
    const location = addLocation(r.p, r.ctx, { cloud: "gcp", name: "global", role: "primary", via, path: "location" });
    location.controlPlane = true;
}

/** Adds a location read from an input, with multi- and dual-region members. */
function addGcpLocation(
    r: GcpResource,
    read: Read<string> | undefined,
    role: LocationRole,
    via: (path: string) => string,
): Location | undefined {
    if (!read) return undefined;
    const location = addReadLocation(
        r.p,
        r.ctx,
        read,
        { cloud: "gcp", role, via: via(read.path) },
        `input '${read.path}'`,
    );
    if (location) addMembers(r, location);
    return location;
}

function addMultiAware(
    r: GcpResource,
    spec: { name: string; role: LocationRole; via: string; path: string; secret?: boolean },
): Location {
    const location = addLocation(r.p, r.ctx, { cloud: "gcp", ...spec });
    addMembers(r, location);
    return location;
}

/** The member regions of a dual-region (`EUR4` = europe-north1 + europe-west4), one `member` each. */
function addMembers(r: GcpResource, location: Location): void {
    if (location.scope !== "multi-region") return;
    const multi = r.ctx.catalog.multiRegion("gcp", location.name);
    for (const region of multi?.regions ?? []) {
        addLocation(r.p, r.ctx, {
            cloud: "gcp",
            name: region,
            role: "member",
            via: `member of ${location.secret ? "a secret location" : location.name}`,
            path: location.path,
            secret: location.secret,
        });
    }
}

/** Each string of an array input is a location of the given role. */
function locationsIn(
    r: GcpResource,
    path: ReadonlyArray<PathSegment>,
    key: string | undefined,
    role: LocationRole,
    via: string,
): boolean {
    const list = readArray(r.resource.props, path);
    if (unreadable(r.p, list, "secondary-location", `input '${list.path}'`)) return true;
    const items = list.value ?? [];
    items.forEach((_, i) => {
        const read = readString(r.resource.props, key ? [...path, i, key] : [...path, i]);
        addGcpLocation(r, read, role, (at) => `${via} (${at})`);
    });
    return items.length > 0;
}

/** A custom dual-region bucket names its regions in `customPlacementConfig.dataLocations`. */
function bucketDataLocations(r: GcpResource): void {
    locationsIn(
        r,
        ["customPlacementConfig", "dataLocations"],
        undefined,
        "member",
        "a data location of the dual-region bucket",
    );
}

/**
 * A disk snapshot or image is stored in `storageLocations` (a region or a multi-region such as `eu`), by
 * default the multi-region nearest the source disk (Compute Engine, "Snapshot storage locations").
 */
function snapshotStorage(r: GcpResource): void {
    locationsIn(r, ["storageLocations"], undefined, "backup", "a storage location of the snapshot or image");
}

/**
 * Spanner: `regional-europe-west1` is one region, anything else (`nam3`, `eur3`, `nam-eur-asia1`) a
 * multi-region configuration looked up in the catalog; a custom or unknown one is "unrecognised".
 */
function spannerConfig(r: GcpResource): void {
    const read = readString(r.resource.props, ["config"]);
    if (read.unknown || read.opaque) {
        addReadLocation(
            r.p,
            r.ctx,
            read,
            { cloud: "gcp", role: "primary", via: "input 'config'" },
            "the Spanner instance config",
        );
        return;
    }
    if (!read.value) return missing(r.p, "config", "the Spanner instance has no instance config");
    const config = read.value.replace(/^projects\/[^/]+\/instanceConfigs\//, "");
    const regional = /^regional-(.+)$/.exec(config);
    const via = `Spanner instance config '${read.secret ? "[secret]" : config}'`;
    addMultiAware(r, {
        name: regional ? regional[1] : config,
        role: "primary",
        via,
        path: read.path,
        secret: read.secret,
    });
}

/**
 * Pub/Sub keeps messages in the allowed persistence regions; with no policy it "may store messages in
 * any Google Cloud region" (Pub/Sub resource location restriction docs), recorded as `global`.
 */
function pubsubStorage(r: GcpResource): void {
    const path = ["messageStoragePolicy", "allowedPersistenceRegions"];
    const policy = readValue(r.resource.props, ["messageStoragePolicy"]);
    if (unreadable(r.p, policy, "location", "the topic's message storage policy")) return;
    if (locationsIn(r, path, undefined, "member", "an allowed persistence region")) return;
    addLocation(r.p, r.ctx, {
        cloud: "gcp",
        name: "global",
        role: "primary",
        via: "no message storage policy: Pub/Sub may store messages in any Google Cloud region",
        path: "messageStoragePolicy",
    });
}

/** Secret Manager: `auto` lets Google pick the regions (global); `userManaged` lists the replicas. */
function secretReplication(r: GcpResource): void {
    const replication = readValue(r.resource.props, ["replication"]);
    if (unreadable(r.p, replication, "location", "the secret's replication")) return;
    if (readValue(r.resource.props, ["replication", "auto"]).value !== undefined) {
        addLocation(r.p, r.ctx, {
            cloud: "gcp",
            name: "global",
            role: "primary",
            via: "automatic replication: Google chooses the regions",
            path: "replication.auto",
        });
        return;
    }
    if (!locationsIn(r, ["replication", "userManaged", "replicas"], "location", "replica", "a user-managed replica")) {
        missing(r.p, "replication", "the secret names no replication policy");
    }
}

/**
 * Cloud SQL: a read replica holds its primary's data; backups go to `backupConfiguration.location`,
 * or, when it is not set, to the multi-region nearest the instance (Cloud SQL "custom backup locations").
 */
function cloudSqlCopies(r: GcpResource): void {
    addReference(
        r.p,
        readString(r.resource.props, ["masterInstanceName"]),
        "copy-of",
        "replica",
        "input 'masterInstanceName'",
    );
    const backup = ["settings", "backupConfiguration"];
    const enabled = readValue(r.resource.props, [...backup, "enabled"]);
    const location = readString(r.resource.props, [...backup, "location"]);
    if (location.value || location.unknown || location.opaque) {
        addGcpLocation(r, location, "backup", (path) => `input '${path}'`);
        return;
    }
    if (unreadable(r.p, enabled, "secondary-location", "whether backups are enabled") || enabled.value !== true) return;
    defaultBackupLocation(r, location.path);
}

/** The multi-regions Cloud SQL keeps default backups in: Cloud Storage's (the same page as below). */
const CLOUD_SQL_BACKUP_MULTI_REGIONS = ["us", "eu", "asia"];

/**
 * With no backup location, Cloud SQL stores backups "in the multi-region that is geographically closest to
 * the instance" (https://cloud.google.com/sql/docs/postgres/backup-recovery/backups#default-backup-location):
 * the multi-region of the instance's country when one covers it, else one of the multi-regions, judged as a
 * set of possible places. An instance whose own place is not known has its own entry saying so.
 */
function defaultBackupLocation(r: GcpResource, path: string): void {
    const primary = r.p.locations.find((l) => l.role === "primary");
    const country = primary?.place?.country;
    if (!primary || !country) return;
    const multiRegions = CLOUD_SQL_BACKUP_MULTI_REGIONS.flatMap((name) => r.ctx.catalog.multiRegion("gcp", name) ?? []);
    const near = `the multi-region nearest ${primary.secret ? "the instance" : primary.name}`;
    const nearest = multiRegions.find((m) => m.countries.includes(country));
    if (nearest) {
        addMultiAware(r, { name: nearest.name, role: "backup", via: `Cloud SQL's default: ${near}`, path });
        return;
    }
    const candidates = multiRegions.flatMap((m) =>
        m.countries.map((c) => ({ cloud: "gcp", region: m.name, partition: "gcp", country: c })),
    );
    r.p.locations.push({
        role: "backup",
        scope: "multi-region",
        cloud: "gcp",
        name: multiRegions.map((m) => m.name).join("/"),
        countries: [...new Set(candidates.map((c) => c.country))],
        via: "Cloud SQL's default backup location",
        path,
        possible: { why: near, candidates },
    });
}

function missing(p: Placement, path: string, detail: string): void {
    p.undetermined.push({ aspect: "location", reason: "missing", path, detail });
}
