// azure-native v3 (and v2, through its tokens' v3 names): type tokens and input names for the shared Azure locator.

import {
    allOf,
    type AzureRule,
    type AzureRules,
    type GlobalType,
    copyOfAt,
    copyOfWhenCreatedFrom,
    geoBackups,
    flexibleServer,
    geoReplicatedStorage,
    isOn,
    keyVaultReplication,
    locateAzure,
    modelDeployment,
    locationsIn,
    pairedWhen,
    parentAt,
    partnerAt,
    partnersIn,
    replicaAt,
} from "./azure-common";
import type { Locator } from "../../core/context";
import { addReadLocation } from "../../core/places";
import { readString } from "../../core/read";
import { unreadable } from "../../core/unreadable";
import { canonicalAzureNativeType } from "./azure-native-tokens";

const flexible = flexibleServer(["backup", "geoRedundantBackup"], "enabled", "sourceServerResourceId");

// A single server (retired; v2 programs still write `Server` with a 2017 API version) keeps geo-redundant backups
// in the paired region too ("Backup and restore in Azure Database for PostgreSQL - Single Server",
// learn.microsoft.com/azure/postgresql/single-server/concepts-backup; the MySQL and MariaDB pages say the same).
const geoBackupWhenEnabled = (path: string[]) => pairedWhen(path, isOn("enabled"), "backup", "geo-redundant backup");
const singleServer = geoBackupWhenEnabled(["properties", "storageProfile", "geoRedundantBackup"]);
// v2's API versions name the flexible server `Server` with its single-server or preview shapes.
const serverAnyApi = allOf(flexible, singleServer, geoBackupWhenEnabled(["storageProfile", "geoRedundantBackup"]));

// Cosmos DB for PostgreSQL stores a geo-redundant cluster's backups in another region as well, the paired one
// ("Backup and restore in Azure Cosmos DB for PostgreSQL", learn.microsoft.com/azure/cosmos-db/postgresql/concepts-backup).
const citusCluster = pairedWhen(["enableGeoBackup"], isOn("true"), "backup", "geo-redundant backup");

const cosmosDb = allOf(
    locationsIn("locations", "locationName", "replica", "a Cosmos DB region"),
    geoBackups(["backupPolicy", "periodicModeProperties", "backupStorageRedundancy"]),
);

/**
 * A Managed Instance link's partner is a SQL Server named by its endpoint (`TCP://SERVER01:5022`; v2's older API
 * versions call it `sourceEndpoint`): it holds the linked databases too, on premises or in any cloud, so its place
 * cannot be bounded. It is a place clean-guard cannot name: a warning on unclassified data, and on classified data
 * a "cannot verify" at the policy's level (fail closed). An endpoint on an untrusted vendor's host is rejected by
 * the host policies, which read every input.
 */
const instanceLinkPartner: AzureRule = ({ resource, p }) => {
    for (const key of ["partnerEndpoint", "sourceEndpoint"]) {
        const read = readString(resource.props, [key]);
        const what = `the partner SQL Server (input '${key}')`;
        if (unreadable(p, read, "secondary-location", what) || !read.value) continue;
        const at = read.secret ? "" : ` at '${read.value}'`;
        p.undetermined.push({
            aspect: "secondary-location",
            reason: "unrecognised",
            path: read.path,
            detail: `${what}${at} keeps a replica of the linked databases, and an endpoint names no region: the server may be on premises or in any cloud, anywhere`,
            fix: "confirm where that SQL Server runs and record a time-boxed exemption for the link, or replicate the databases to a managed instance or failover group whose place clean-guard can check",
        });
    }
};

const namespaceReplicas = locationsIn(
    ["geoDataReplication", "locations"],
    "locationName",
    "replica",
    "a geo-replication region",
);

/**
 * A Confluent Cloud cluster made through Azure's Confluent organization runs on the cloud and in the region its spec
 * names (`cloud`: AWS, GCP or AZURE; Confluent Cloud "Cloud providers and regions",
 * docs.confluent.io/cloud/current/clusters/regions.html), not where the organization's Azure record is.
 */
const confluentCluster: AzureRule = ({ resource, p, ctx }) => {
    const named = readString(resource.props, ["spec", "cloud"]);
    const cloud = (named.value && !named.secret && ctx.catalog.cloudNamed(named.value)) || "azure";
    addReadLocation(
        p,
        ctx,
        readString(resource.props, ["spec", "region"]),
        { cloud, role: "primary", via: `input 'spec.region' (a Confluent Cloud cluster on ${cloud})` },
        "the Confluent Cloud cluster's region",
    );
};

/**
 * A diagnostic setting that sends logs to a marketplace partner (a Datadog, Elastic, New Relic or Dynatrace resource,
 * named by its ARM id) copies them to that resource, judged where it is when it is in the stack.
 */
const toMarketplacePartner = replicaAt("marketplacePartnerId");

const NATIVE: AzureRules = {
    globalTypes: new Map([
        ["azure-native:frontdoor:FrontDoor", { via: "Front Door, served from Microsoft's edge in every country" }],
        [
            "azure-native:cdn:Profile",
            { via: "a CDN / Front Door profile, served from Microsoft's edge in every country" },
        ],
        [
            "azure-native:trafficmanager:Profile",
            { via: "Traffic Manager, a global DNS-based service", controlPlane: true },
        ],
        [
            "azure-native:dns:Zone",
            { via: "a public DNS zone, served from Azure DNS name servers worldwide", controlPlane: true },
        ],
        ["azure-native:privatedns:PrivateZone", { via: "a private DNS zone, a global resource", controlPlane: true }],
        // A zone's records live where the zone does; a record naming a host answers queries for it, and sends none
        // of the stack's data there (as Route 53's records). The host is still read: a name pointed at an untrusted
        // vendor's endpoint is reported by the host policies.
        [
            "azure-native:dns:RecordSet",
            {
                via: "a record set of a public DNS zone, served from Azure DNS name servers worldwide",
                controlPlane: true,
            },
        ],
        [
            "azure-native:privatedns:PrivateRecordSet",
            { via: "a record set of a private DNS zone, a global resource", controlPlane: true },
        ],
        // Communication Services keeps its data at rest in the geography `dataLocation` names (read by the place
        // table); its ARM location is `global` (learn.microsoft.com/azure/communication-services/concepts/privacy).
        ...["CommunicationService", "EmailService"].map((type): [string, GlobalType] => [
            `azure-native:communication:${type}`,
            {
                via: "a global Communication Services resource; its data is kept in its dataLocation",
                controlPlane: true,
            },
        ]),
    ]),
    rules: new Map([
        ["azure-native:cognitiveservices:Deployment", modelDeployment(["sku", "name"])],
        ["azure-native:storage:StorageAccount", geoReplicatedStorage(["sku", "name"])],
        ["azure-native:cosmosdb:DatabaseAccount", cosmosDb],
        ["azure-native:redis:LinkedServer", allOf(parentAt("name", "redis"), partnerAt("linkedRedisCacheId"))],
        [
            "azure-native:storage:ObjectReplicationPolicy",
            allOf(copyOfAt("sourceAccount"), replicaAt("destinationAccount")),
        ],
        ["azure-native:sql:FailoverGroup", partnersIn("partnerServers", "id", "failover")],
        ["azure-native:sql:DistributedAvailabilityGroup", instanceLinkPartner],
        [
            "azure-native:sql:Database",
            allOf(copyOfWhenCreatedFrom(["sourceDatabaseId"]), geoBackups(["requestedBackupStorageRedundancy"])),
        ],
        // A managed instance's backups are geo-redundant by default, kept in the paired region (Azure SQL Managed
        // Instance docs, "Backup storage redundancy").
        ["azure-native:sql:ManagedInstance", geoBackups(["requestedBackupStorageRedundancy"])],
        ["azure-native:dbforpostgresql:Server", serverAnyApi],
        ["azure-native:dbformysql:Server", serverAnyApi],
        ["azure-native:dbforpostgresql:SingleServer", singleServer],
        ["azure-native:dbformysql:SingleServer", singleServer],
        ["azure-native:dbformariadb:Server", singleServer],
        ["azure-native:dbforpostgresql:ServerGroupCluster", citusCluster],
        ["azure-native:dbforpostgresql:Cluster", citusCluster],
        // A Recovery Services vault is geo-redundant unless told otherwise (Azure Backup docs, "Set storage redundancy").
        [
            "azure-native:recoveryservices:Vault",
            pairedWhen(
                ["properties", "redundancySettings", "standardTierStorageRedundancy"],
                isOn("georedundant"),
                "backup",
                "geo-redundant vault storage",
                true,
            ),
        ],
        ["azure-native:keyvault:Vault", keyVaultReplication],
        ["azure-native:confluent:OrganizationClusterById", confluentCluster],
        ...[
            "monitor:DiagnosticSetting",
            "monitor:SubscriptionDiagnosticSetting",
            "monitor:ManagementGroupDiagnosticSetting",
            "insights:DiagnosticSetting",
            "insights:SubscriptionDiagnosticSetting",
            "insights:ManagementGroupDiagnosticSetting",
        ].map((type): [string, AzureRule] => [`azure-native:${type}`, toMarketplacePartner]),
        // Geo-replication keeps a replica of every message in each listed region (Event Hubs and Service Bus
        // "Geo-replication": the secondary regions hold a full copy of the namespace's data and metadata).
        ["azure-native:eventhub:Namespace", namespaceReplicas],
        ["azure-native:servicebus:Namespace", namespaceReplicas],
        // API Management's additional locations each run a gateway that handles the API's requests.
        [
            "azure-native:apimanagement:ApiManagementService",
            locationsIn("additionalLocations", "location", "member", "an additional API Management gateway location"),
        ],
        // Entra Domain Services replica sets hold the managed domain's directory in each set's region.
        [
            "azure-native:aad:DomainService",
            locationsIn("replicaSets", "location", "replica", "a Domain Services replica set"),
        ],
        ["azure-native:eventhub:DisasterRecoveryConfig", partnerAt("partnerNamespace")],
        ["azure-native:servicebus:DisasterRecoveryConfig", partnerAt("partnerNamespace")],
    ]),
};

// v2 programs (and explicit API versions) are read by the v3 token's rules.
export const locateAzureNative: Locator = (resource, p, ctx) =>
    locateAzure({ ...resource, type: canonicalAzureNativeType(resource.type) }, p, ctx, NATIVE);
