// The classic `azure` v6 package: type tokens and input names for the shared Azure locator.

import {
    allOf,
    type AzureRules,
    copyOfWhenCreatedFrom,
    flexibleServer,
    geoReplicatedStorage,
    isOn,
    keyVaultReplication,
    locateAzure,
    modelDeployment,
    locationsIn,
    pairedWhen,
    partnerAt,
    parentAt,
    partnersIn,
} from "./azure-common";
import type { Locator } from "../../core/context";

const flexible = flexibleServer(["geoRedundantBackupEnabled"], "true", "sourceServerId");

const CLASSIC: AzureRules = {
    globalTypes: new Map([
        [
            "azure:cdn/frontdoorProfile:FrontdoorProfile",
            { via: "Front Door, served from Microsoft's edge in every country" },
        ],
        [
            "azure:network/trafficManagerProfile:TrafficManagerProfile",
            { via: "Traffic Manager, a global DNS-based service", controlPlane: true },
        ],
        [
            "azure:dns/zone:Zone",
            { via: "a public DNS zone, served from Azure DNS name servers worldwide", controlPlane: true },
        ],
        ["azure:privatedns/zone:Zone", { via: "a private DNS zone, a global resource", controlPlane: true }],
    ]),
    rules: new Map([
        // The account is named by its ARM id under a key (`cognitiveAccountId`) that is not the account type's name.
        [
            "azure:cognitive/deployment:Deployment",
            allOf(parentAt("cognitiveAccountId", "account"), modelDeployment(["sku", "name"])),
        ],
        ["azure:storage/account:Account", geoReplicatedStorage(["accountReplicationType"])],
        ["azure:cosmosdb/account:Account", locationsIn("geoLocations", "location", "replica", "a Cosmos DB region")],
        ["azure:mssql/failoverGroup:FailoverGroup", partnersIn("partnerServers", "id", "failover")],
        [
            "azure:mssql/database:Database",
            copyOfWhenCreatedFrom(["creationSourceDatabaseId", "recoverDatabaseId", "restoreDroppedDatabaseId"]),
        ],
        ["azure:postgresql/flexibleServer:FlexibleServer", flexible],
        ["azure:mysql/flexibleServer:FlexibleServer", flexible],
        // `storageModeType` defaults to GeoRedundant (azurerm_recovery_services_vault docs).
        [
            "azure:recoveryservices/vault:Vault",
            pairedWhen(["storageModeType"], isOn("georedundant"), "backup", "geo-redundant vault storage", true),
        ],
        ["azure:keyvault/keyVault:KeyVault", keyVaultReplication],
        [
            "azure:eventhub/eventhubNamespaceDisasterRecoveryConfig:EventhubNamespaceDisasterRecoveryConfig",
            partnerAt("partnerNamespaceId"),
        ],
        [
            "azure:servicebus/namespaceDisasterRecoveryConfig:NamespaceDisasterRecoveryConfig",
            partnerAt("partnerNamespaceId"),
        ],
    ]),
};

export const locateAzureClassic: Locator = (resource, p, ctx) => locateAzure(resource, p, ctx, CLASSIC);
