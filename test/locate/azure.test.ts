import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import { locateStack } from "../../src/locate/stack";
import type { Placement } from "../../src/model/placement";
import type { NormalisedResource } from "../../src/model/resource";
import {
    azureClassic,
    azureNative,
    explicitProvider,
    providerResource,
    resourceGroup,
    secret,
    storageAccount,
    unknown,
} from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });
const references = (p: Placement) =>
    p.references.map((r) => `${r.relation} ${r.role} ${r.target || "(unknown)"} at ${r.path}`);

const DATADOG = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Datadog/monitors/dd";
const PARTNER_SERVER = "/subscriptions/0000/resourceGroups/rg-dr/providers/Microsoft.Sql/servers/sql-dr";
const SOURCE_DB =
    "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-main/databases/orders";

describe("azure locators: primary location", () => {
    const cases: Array<[string, NormalisedResource, string[], string[]]> = [
        ["display name", storageAccount({ location: "West Europe" }), ["primary westeurope NL"], []],
        ["programmatic name, same place", storageAccount({ location: "westeurope" }), ["primary westeurope NL"], []],
        ["Azure China (21Vianet)", storageAccount({ location: "China East 2" }), ["primary chinaeast2 CN"], []],
        ["US Government cloud", storageAccount({ location: "usgovvirginia" }), ["primary usgovvirginia US"], []],
        [
            "a location no catalog knows",
            storageAccount({ location: "moonbase1" }),
            ["primary moonbase1 ?"],
            ["unrecognised location location"],
        ],
        [
            "unknown during preview",
            storageAccount({ location: unknown() }),
            [],
            ["unknown-during-preview location location"],
        ],
        ["secret ciphertext", storageAccount({ location: secret() }), [], ["secret-ciphertext location location"]],
        [
            "classic package, display name",
            azureClassic("azure:storage/account:Account", {
                location: "Germany West Central",
                resourceGroupName: "rg",
                accountTier: "Standard",
                accountReplicationType: "LRS",
            }),
            ["primary germanywestcentral DE"],
            [],
        ],
        [
            "resource group without location: the provider's location",
            resourceGroup({}, { providerConfig: { location: "francecentral" } }),
            ["primary francecentral FR"],
            [],
        ],
        [
            "resource group through an explicit provider in Azure China",
            resourceGroup(
                {},
                {
                    provider: explicitProvider("azure-native", "china", {
                        environment: "china",
                        location: "chinanorth2",
                    }),
                },
            ),
            ["primary chinanorth2 CN"],
            [],
        ],
        ["resource group with no location anywhere", resourceGroup({}), [], ["missing location location"]],
        [
            "the provider instance itself",
            providerResource("azure-native", "china", { location: "chinaeast" }),
            ["primary chinaeast CN"],
            [],
        ],
        [
            "an action group written as 'global' is judged as global, not passed",
            azureNative("monitor:ActionGroup", {
                location: "global",
                resourceGroupName: "rg",
                groupShortName: "ops",
                enabled: true,
            }),
            ["primary global ? [global]"],
            [],
        ],
        [
            "a private DNS zone is global configuration",
            azureNative("privatedns:PrivateZone", { location: "Global", resourceGroupName: "rg" }),
            ["primary global ? [global control-plane]"],
            [],
        ],
        [
            "Front Door is global",
            azureNative("frontdoor:FrontDoor", { location: "global", resourceGroupName: "rg" }),
            ["primary global ? [global]"],
            [],
        ],
        [
            "a classic DNS zone has no location: global, configuration only",
            azureClassic("azure:dns/zone:Zone", { name: "example.com", resourceGroupName: "rg" }),
            ["primary global ? [global control-plane]"],
            [],
        ],
    ];
    for (const [what, r, locations, undetermined] of cases) {
        it(what, () => {
            const p = placed(r);
            assert.deepEqual(locationsText(p), locations);
            assert.deepEqual(undeterminedsText(p), undetermined);
            assert.equal(p.cloud, "azure");
        });
    }

    it("a secret location never appears in what is recorded", () => {
        const p = placed(storageAccount({ location: secret("moonbase1") }));
        assert.equal(p.locations[0].secret, true);
        assert.ok(!p.undetermined[0].detail.includes("moonbase1"), p.undetermined[0].detail);
    });

    it("a resource without a location inherits its resource group's; a global DNS zone does not", () => {
        assert.deepEqual(references(placed(storageAccount({ resourceGroupName: "rg-data" }))), [
            "located-by primary rg-data at resourceGroupName",
        ]);
        assert.deepEqual(references(placed(storageAccount({ resourceGroupName: unknown() }))), [
            "located-by primary (unknown) at resourceGroupName",
        ]);
        assert.deepEqual(
            references(placed(azureClassic("azure:dns/zone:Zone", { name: "example.com", resourceGroupName: "rg" }))),
            [],
        );
    });
});

describe("azure locators: copies Azure makes", () => {
    const secondary = (p: Placement) => locationsText(p).filter((l) => !l.startsWith("primary"));
    const cases: Array<[string, NormalisedResource, string[], string[]]> = [
        [
            "GRS storage copies to the paired region",
            storageAccount({ location: "westeurope", sku: { name: "Standard_GRS" } }),
            ["failover northeurope IE"],
            [],
        ],
        [
            "the same account locally redundant",
            storageAccount({ location: "westeurope", sku: { name: "Standard_LRS" } }),
            [],
            [],
        ],
        ["zone-redundant only", storageAccount({ location: "westeurope", sku: { name: "Standard_ZRS" } }), [], []],
        [
            "RA-GZRS in Brazil crosses into the US (one-way pair)",
            storageAccount({ location: "brazilsouth", sku: { name: "Standard_RAGZRS" } }),
            ["failover southcentralus US"],
            [],
        ],
        [
            "GRS in Azure China stays in China",
            storageAccount({ location: "chinaeast2", sku: { name: "Standard_GRS" } }),
            ["failover chinanorth2 CN"],
            [],
        ],
        [
            "GRS in a region without a pair",
            storageAccount({ location: "polandcentral", sku: { name: "Standard_GRS" } }),
            [],
            ["unrecognised secondary-location sku.name"],
        ],
        [
            // Judged alone nothing is known yet: the stack pass lends the group's location, then places the pair
            // (test/policies/cross-border-replication.test.ts), or says it cannot when the group is not in the stack.
            "GRS inheriting the resource group's location: left to the stack pass",
            storageAccount({ sku: { name: "Standard_RAGRS" } }),
            [],
            [],
        ],
        [
            "replication not known during preview",
            storageAccount({ location: "westeurope", sku: { name: unknown() } }),
            [],
            ["unknown-during-preview secondary-location sku.name"],
        ],
        [
            "replication in an unreadable secret",
            storageAccount({ location: "westeurope", sku: { name: secret() } }),
            [],
            ["secret-ciphertext secondary-location sku.name"],
        ],
        [
            "classic account, RAGRS",
            azureClassic("azure:storage/account:Account", {
                location: "eastasia",
                resourceGroupName: "rg",
                accountTier: "Standard",
                accountReplicationType: "RAGRS",
            }),
            ["failover southeastasia SG"],
            [],
        ],
        [
            "Cosmos DB: every region is a replica",
            azureNative("cosmosdb:DatabaseAccount", {
                location: "westeurope",
                resourceGroupName: "rg",
                databaseAccountOfferType: "Standard",
                locations: [
                    { locationName: "West Europe", failoverPriority: 0 },
                    { locationName: "East Asia", failoverPriority: 1 },
                ],
            }),
            ["replica westeurope NL", "replica eastasia HK"],
            [],
        ],
        [
            "Cosmos DB under azure-native v2's module name, with geo-redundant periodic backups",
            azureNative("documentdb:DatabaseAccount", {
                location: "westeurope",
                resourceGroupName: "rg",
                databaseAccountOfferType: "Standard",
                locations: [{ locationName: "East Asia", failoverPriority: 1 }],
                backupPolicy: { type: "Periodic", periodicModeProperties: { backupStorageRedundancy: "Geo" } },
            }),
            ["replica eastasia HK", "backup northeurope IE"],
            [],
        ],
        [
            "Cosmos DB at an explicit API version of azure-native v2 (documentdb/v20230415)",
            azureNative("documentdb/v20230415:DatabaseAccount", {
                location: "westeurope",
                resourceGroupName: "rg",
                databaseAccountOfferType: "Standard",
                locations: [{ locationName: "China North 3", failoverPriority: 1 }],
            }),
            ["replica chinanorth3 CN"],
            [],
        ],
        [
            "classic Cosmos DB geo locations",
            azureClassic("azure:cosmosdb/account:Account", {
                location: "westeurope",
                resourceGroupName: "rg",
                offerType: "Standard",
                geoLocations: [{ location: "chinanorth", failoverPriority: 0 }],
            }),
            ["replica chinanorth CN"],
            [],
        ],
        [
            "PostgreSQL flexible server with geo-redundant backup",
            azureNative("dbforpostgresql:Server", {
                location: "uksouth",
                resourceGroupName: "rg",
                backup: { geoRedundantBackup: "Enabled" },
            }),
            ["backup ukwest GB"],
            [],
        ],
        [
            "the same server, backup kept in region",
            azureNative("dbforpostgresql:Server", {
                location: "uksouth",
                resourceGroupName: "rg",
                backup: { geoRedundantBackup: "Disabled" },
            }),
            [],
            [],
        ],
        [
            "classic MySQL flexible server with geo-redundant backup",
            azureClassic("azure:mysql/flexibleServer:FlexibleServer", {
                location: "southeastasia",
                resourceGroupName: "rg",
                geoRedundantBackupEnabled: true,
            }),
            ["backup eastasia HK"],
            [],
        ],
        [
            "Recovery Services vault: geo-redundant by default",
            azureNative("recoveryservices:Vault", {
                location: "northeurope",
                resourceGroupName: "rg",
                sku: { name: "Standard" },
            }),
            ["backup westeurope NL"],
            [],
        ],
        [
            "vault set to locally redundant",
            azureNative("recoveryservices:Vault", {
                location: "northeurope",
                resourceGroupName: "rg",
                sku: { name: "Standard" },
                properties: { redundancySettings: { standardTierStorageRedundancy: "LocallyRedundant" } },
            }),
            [],
            [],
        ],
        [
            "classic vault, default storage mode",
            azureClassic("azure:recoveryservices/vault:Vault", {
                location: "westus3",
                resourceGroupName: "rg",
                sku: "Standard",
            }),
            ["backup eastus US"],
            [],
        ],
        [
            "Key Vault replicates to the pair on its own",
            azureNative("keyvault:Vault", {
                location: "canadacentral",
                resourceGroupName: "rg",
                properties: { tenantId: "t", sku: { name: "standard", family: "A" } },
            }),
            ["failover canadaeast CA"],
            [],
        ],
        [
            "Key Vault in Brazil South stays in the region",
            azureNative("keyvault:Vault", {
                location: "brazilsouth",
                resourceGroupName: "rg",
                properties: { tenantId: "t", sku: { name: "standard", family: "A" } },
            }),
            [],
            [],
        ],
        [
            "Key Vault in a region without a pair stays in the region",
            azureClassic("azure:keyvault/keyVault:KeyVault", {
                location: "polandcentral",
                resourceGroupName: "rg",
                tenantId: "t",
                skuName: "standard",
            }),
            [],
            [],
        ],
    ];
    for (const [what, r, locations, undetermined] of cases) {
        it(what, () => {
            const p = placed(r);
            assert.deepEqual(secondary(p), locations);
            assert.deepEqual(undeterminedsText(p), undetermined);
        });
    }

    it("a one-way pair says so", () => {
        const p = placed(storageAccount({ location: "brazilsouth", sku: { name: "Standard_GRS" } }));
        assert.match(p.locations[1].via, /paired region of brazilsouth .*one-way/);
    });

    const refs: Array<[string, NormalisedResource, string[]]> = [
        [
            "SQL failover group: the partner server holds a copy",
            azureNative("sql:FailoverGroup", {
                serverName: "sql-main",
                resourceGroupName: "rg",
                partnerServers: [{ id: PARTNER_SERVER }],
                readWriteEndpoint: { failoverPolicy: "Automatic" },
            }),
            [
                "located-by primary rg at resourceGroupName",
                `copies-to failover ${PARTNER_SERVER} at partnerServers[0].id`,
                "child-of primary sql-main at serverName",
            ],
        ],
        [
            "geo-secondary database",
            azureNative("sql:Database", {
                location: "westeurope",
                serverName: "sql-dr",
                resourceGroupName: "rg",
                createMode: "Secondary",
                sourceDatabaseId: SOURCE_DB,
            }),
            [`copy-of replica ${SOURCE_DB} at sourceDatabaseId`, "child-of primary sql-dr at serverName"],
        ],
        [
            "a new, empty database: on its server",
            azureNative("sql:Database", { location: "westeurope", serverName: "sql-main", resourceGroupName: "rg" }),
            ["child-of primary sql-main at serverName"],
        ],
        [
            "classic geo-secondary database",
            azureClassic("azure:mssql/database:Database", {
                serverId: "s",
                createMode: "Secondary",
                creationSourceDatabaseId: SOURCE_DB,
            }),
            [`copy-of replica ${SOURCE_DB} at creationSourceDatabaseId`],
        ],
        [
            "Event Hubs geo-DR pairing",
            azureNative("eventhub:DisasterRecoveryConfig", {
                namespaceName: "ns-main",
                resourceGroupName: "rg",
                alias: "orders",
                partnerNamespace: unknown(),
            }),
            [
                "located-by primary rg at resourceGroupName",
                "copies-to failover (unknown) at partnerNamespace",
                "child-of primary ns-main at namespaceName",
            ],
        ],
        [
            "classic Service Bus geo-DR pairing",
            azureClassic("azure:servicebus/namespaceDisasterRecoveryConfig:NamespaceDisasterRecoveryConfig", {
                name: "orders",
                primaryNamespaceId: "p",
                partnerNamespaceId:
                    "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/ns-dr",
            }),
            [
                "copies-to failover /subscriptions/0/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/ns-dr at partnerNamespaceId",
            ],
        ],
        [
            "a diagnostic setting sending logs to a marketplace partner (a Datadog monitor) copies them there",
            azureNative("monitor:DiagnosticSetting", {
                resourceUri: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/orders",
                marketplacePartnerId: DATADOG,
                logs: [{ categoryGroup: "allLogs", enabled: true }],
            }),
            [`copies-to replica ${DATADOG} at marketplacePartnerId`],
        ],
        [
            "decoy: one sending them to a workspace names no partner (the workspace it writes to places it)",
            azureNative("monitor:DiagnosticSetting", {
                resourceUri: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/orders",
                workspaceId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w",
            }),
            ["child-of primary w at workspaceId"],
        ],
    ];
    for (const [what, r, expected] of refs) it(what, () => assert.deepEqual(references(placed(r)), expected));
});

describe("azure locators: the stack pass", () => {
    const primaries = (placements: Map<string, Placement>, r: NormalisedResource) =>
        locationsText(placements.get(r.urn)!).filter((l) => l.startsWith("primary"));

    it("resources without a location take their resource group's", () => {
        const rg = resourceGroup({ resourceGroupName: "rg-data", location: "chinanorth3" }, { name: "rg" });
        const a = storageAccount({ resourceGroupName: "rg-data" }, { name: "a" });
        const b = storageAccount({ resourceGroupName: "rg-data" }, { name: "b" });
        const placements = locateStack([rg, a, b], { catalog });
        assert.deepEqual(primaries(placements, a), ["primary chinanorth3 CN"]);
        assert.deepEqual(primaries(placements, b), ["primary chinanorth3 CN"]);
    });

    it("a GRS account that inherits its group's location copies to that location's pair", () => {
        const rg = resourceGroup({ resourceGroupName: "rg-data", location: "brazilsouth" }, { name: "rg" });
        const a = storageAccount({ resourceGroupName: "rg-data", sku: { name: "Standard_GRS" } }, { name: "a" });
        const p = locateStack([rg, a], { catalog }).get(a.urn)!;
        assert.deepEqual(locationsText(p), ["failover southcentralus US", "primary brazilsouth BR"]);
        assert.deepEqual(undeterminedsText(p), []);
    });

    it("a resource group that is not in the stack is any region of the provider's Azure cloud", () => {
        const a = storageAccount({ resourceGroupName: "rg-elsewhere" }, { name: "a" });
        const p = locateStack([a], { catalog }).get(a.urn)!;
        assert.deepEqual(undeterminedsText(p), []);
        const [location] = p.locations;
        assert.equal(location.role, "primary");
        assert.match(location.possible!.why, /resource group 'rg-elsewhere' is not in this stack.*partition azure /);
        const partitions = new Set(location.possible!.candidates.map((c) => c.partition));
        assert.deepEqual([...partitions], ["azure"]);
        assert.ok(location.possible!.candidates.some((c) => c.region === "westeurope"));
    });

    it("a failover group's partner server lends its location", () => {
        const dr = azureNative(
            "sql:Server",
            { location: "eastasia", resourceGroupName: "rg-dr", serverName: "sql-dr", id: PARTNER_SERVER },
            { name: "dr" },
        );
        const group = azureNative(
            "sql:FailoverGroup",
            { serverName: "sql-main", resourceGroupName: "rg-dr", partnerServers: [{ id: PARTNER_SERVER }] },
            { name: "fog" },
        );
        const placements = locateStack([dr, group], { catalog });
        assert.ok(locationsText(placements.get(group.urn)!).includes("failover eastasia HK"));
    });

    it("a resource filed in the group an event hub names borrows the hub's place, whatever the order", () => {
        // classic-azure-ts-stream-analytics: `outputHub.onEvent` files its function app in
        // `eventHub.resourceGroupName`, an output of the hub, which takes its own place from its namespace.
        const group = azureClassic(
            "azure:core/resourceGroup:ResourceGroup",
            { location: "westeurope" },
            { name: "rg" },
        );
        const namespace = azureClassic(
            "azure:eventhub/eventHubNamespace:EventHubNamespace",
            { name: "ns", sku: "Standard", resourceGroupName: unknown() },
            { name: "ns", propertyDependencies: { resourceGroupName: [group.urn] } },
        );
        const hub = azureClassic(
            "azure:eventhub/eventHub:EventHub",
            { namespaceName: "ns", resourceGroupName: unknown(), partitionCount: 2, messageRetention: 1 },
            { name: "outputs", propertyDependencies: { resourceGroupName: [group.urn] } },
        );
        const plan = azureClassic(
            "azure:appservice/plan:Plan",
            { kind: "FunctionApp", resourceGroupName: unknown(), sku: { tier: "Dynamic", size: "Y1" } },
            { name: "analytics-output", propertyDependencies: { resourceGroupName: [hub.urn] } },
        );
        for (const order of [
            [group, namespace, hub, plan],
            [plan, hub, namespace, group],
        ]) {
            const p = locateStack(order, { catalog }).get(plan.urn)!;
            assert.deepEqual(undeterminedsText(p), []);
            assert.deepEqual(locationsText(p), ["primary westeurope NL"]);
        }
    });

    it("a classic failover group names its server by ARM id: placed there, holding its data", () => {
        const main = azureClassic(
            "azure:mssql/server:Server",
            { name: "sql-main", location: "westeurope", resourceGroupName: "rg-shared" },
            { name: "main" },
        );
        const group = azureClassic(
            "azure:mssql/failoverGroup:FailoverGroup",
            {
                name: "fog",
                serverId: "/subscriptions/0/resourceGroups/rg-shared/providers/Microsoft.Sql/servers/sql-main",
                partnerServers: [{ id: PARTNER_SERVER }],
            },
            { name: "fog" },
        );
        const placements = locateStack([main, group], { catalog });
        const fog = placements.get(group.urn)!;
        assert.ok(locationsText(fog).includes("primary westeurope NL"), locationsText(fog).join("; "));
        assert.deepEqual(fog.copyOf, [main.urn]);
        assert.deepEqual(placements.get(main.urn)!.copyOf, [group.urn]);
    });

    it("decoy: an id that is no ARM resource id (a tenant) names no parent", () => {
        const vault = azureClassic("azure:keyvault/vault:Vault", {
            name: "kv",
            location: "westeurope",
            resourceGroupName: "rg",
            tenantId: "00000000-0000-0000-0000-000000000000",
        });
        assert.deepEqual(references(placed(vault)), []);
    });
});
