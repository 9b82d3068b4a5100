// azure-native v3: type tokens and input names for the shared Azure locator.

import {
    allOf,
    type AzureRules,
    copyOfAt,
    copyOfWhenCreatedFrom,
    geoBackups,
    flexibleServer,
    geoReplicatedStorage,
    isOn,
    keyVaultReplication,
    locateAzure,
    locationsIn,
    pairedWhen,
    parentAt,
    partnerAt,
    partnersIn,
    replicaAt,
} from "./azure-common";
import type { Locator } from "../../core/context";

const flexible = flexibleServer(["backup", "geoRedundantBackup"], "enabled", "sourceServerResourceId");

const cosmosDb = allOf(
    locationsIn("locations", "locationName", "replica", "a Cosmos DB region"),
    geoBackups(["backupPolicy", "periodicModeProperties", "backupStorageRedundancy"]),
);

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
    ]),
    rules: new Map([
        ["azure-native:storage:StorageAccount", geoReplicatedStorage(["sku", "name"])],
        ["azure-native:cosmosdb:DatabaseAccount", cosmosDb],
        // azure-native v2 named the Cosmos DB module `documentdb`; many programs still run it.
        ["azure-native:documentdb:DatabaseAccount", cosmosDb],
        ["azure-native:redis:LinkedServer", allOf(parentAt("name", "redis"), partnerAt("linkedRedisCacheId"))],
        [
            "azure-native:storage:ObjectReplicationPolicy",
            allOf(copyOfAt("sourceAccount"), replicaAt("destinationAccount")),
        ],
        ["azure-native:sql:FailoverGroup", partnersIn("partnerServers", "id", "failover")],
        [
            "azure-native:sql:Database",
            allOf(copyOfWhenCreatedFrom(["sourceDatabaseId"]), geoBackups(["requestedBackupStorageRedundancy"])),
        ],
        ["azure-native:dbforpostgresql:Server", flexible],
        ["azure-native:dbformysql:Server", flexible],
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
        ["azure-native:eventhub:DisasterRecoveryConfig", partnerAt("partnerNamespace")],
        ["azure-native:servicebus:DisasterRecoveryConfig", partnerAt("partnerNamespace")],
    ]),
};

export const locateAzureNative: Locator = (resource, p, ctx) => locateAzure(resource, p, ctx, NATIVE);
