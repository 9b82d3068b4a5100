// Classification follows the data, through the engine protocol: teams tag the primary (a SQL server, a storage
// account, a registry), not the plumbing around it (the failover group, the replication policy). A copy made by
// an untagged resource into a place outside the primary's jurisdiction is rejected, naming the primary the
// classification came from; the same copy into a place inside it passes. And a child whose resource group is
// not in the stack is placed through the parent it names.

import { strict as assert } from "node:assert";
import { defaultProvider, EngineEmulator, UNKNOWN, type Diagnostic, type EmulatedResource } from "../emulator/engine";

const azure = defaultProvider("azure-native", {}, "3.28.0");
const EU = { "data-residency": "eu" };

const az = (token: string, name: string, inputs: EmulatedResource["inputs"]): EmulatedResource => ({
    type: `azure-native:${token}`,
    name,
    inputs,
    provider: azure,
});

/** A resource group made outside the stack: only the resources that name a parent can be placed. */
const OUTSIDE_RG = "rg-shared";

const sqlServer = (name: string, location: string, tags?: Record<string, string>) =>
    az("sql:Server", name, { serverName: name, location, resourceGroupName: OUTSIDE_RG, ...(tags ? { tags } : {}) });

const failoverGroup = (partner: EmulatedResource, engine: EngineEmulator): EmulatedResource => ({
    ...az("sql:FailoverGroup", "orders-fog", {
        serverName: "orders-sql",
        resourceGroupName: OUTSIDE_RG,
        partnerServers: [{ id: UNKNOWN }],
        readWriteEndpoint: { failoverPolicy: "Automatic" },
    }),
    // During preview the partner's ARM id is an output: the engine says which resource it comes from.
    propertyDependencies: { partnerServers: [engine.urnOf(partner.type, partner.name)] },
});

const storageAccount = (name: string, location: string, tags?: Record<string, string>) =>
    az("storage:StorageAccount", name, {
        accountName: name,
        location,
        resourceGroupName: OUTSIDE_RG,
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
        ...(tags ? { tags } : {}),
    });

const registry = (location: string, tags?: Record<string, string>) =>
    az("containerregistry:Registry", "images", {
        registryName: "images",
        location,
        resourceGroupName: OUTSIDE_RG,
        sku: { name: "Premium" },
        ...(tags ? { tags } : {}),
    });

const blocking = (diags: Diagnostic[]) => diags.filter((d) => d.enforcementLevel === "mandatory");

describe("data edges: classification follows the data (engine protocol)", function () {
    this.timeout(60_000);
    let engine: EngineEmulator;
    before(async () => (engine = await EngineEmulator.start()));
    after(async () => engine?.stop());

    it("an untagged SQL failover group of an EU server, failing over to East US: rejected, naming the server", async () => {
        const primary = sqlServer("orders-sql", "westeurope", EU);
        const partner = sqlServer("orders-sql-us", "eastus");
        const diags = blocking(await engine.preview([primary, partner, failoverGroup(partner, engine)]));
        const fog = diags.filter((d) => d.urn === engine.urnOf("azure-native:sql:FailoverGroup", "orders-fog"));
        assert.equal(fog.length, 1, JSON.stringify(diags, null, 2));
        assert.equal(fog[0].policyName, "clean-guard-cross-border-replication");
        assert.match(fog[0].message, /failover azure region eastus \(United States \(US\)\)/);
        assert.match(fog[0].message, /eu \(27 countries\) by tag 'data-residency' of .*sql:Server 'orders-sql'/);
    });

    it("the same failover group into North Europe: passes", async () => {
        const primary = sqlServer("orders-sql", "westeurope", EU);
        const partner = sqlServer("orders-sql-us", "northeurope");
        assert.deepEqual(blocking(await engine.preview([primary, partner, failoverGroup(partner, engine)])), []);
    });

    it("a failover group whose resource group is not in the stack is placed through its server, not blocked", async () => {
        const primary = sqlServer("orders-sql", "westeurope");
        const partner = sqlServer("orders-sql-us", "northeurope");
        const diags = await engine.analyzeStack([primary, partner, failoverGroup(partner, engine)]);
        assert.deepEqual(
            diags.filter((d) => d.urn === engine.urnOf("azure-native:sql:FailoverGroup", "orders-fog")),
            [],
        );
    });

    it("object replication from an EU account into an account in the US: rejected, naming the source", async () => {
        const source = storageAccount("ordersrc", "westeurope", EU);
        const target = storageAccount("ordersdst", "eastus");
        const policy = az("storage:ObjectReplicationPolicy", "orders-orp", {
            accountName: "ordersdst",
            resourceGroupName: OUTSIDE_RG,
            sourceAccount: "ordersrc",
            destinationAccount: "ordersdst",
            rules: [{ sourceContainer: "in", destinationContainer: "out" }],
        });
        const diags = blocking(await engine.preview([source, target, policy]));
        assert.ok(
            diags.some(
                (d) =>
                    d.policyName === "clean-guard-cross-border-replication" &&
                    /eastus/.test(d.message) &&
                    /storage:StorageAccount 'ordersrc'/.test(d.message),
            ),
            JSON.stringify(diags, null, 2),
        );
    });

    it("a replication of an EU registry into East US: rejected; into France Central: passes", async () => {
        const replication = (location: string) =>
            az("containerregistry:Replication", `images-${location}`, {
                registryName: "images",
                location,
                resourceGroupName: OUTSIDE_RG,
            });
        const outside = blocking(await engine.preview([registry("westeurope", EU), replication("eastus")]));
        assert.ok(
            outside.some(
                (d) =>
                    d.urn === engine.urnOf("azure-native:containerregistry:Replication", "images-eastus") &&
                    /containerregistry:Registry 'images'/.test(d.message),
            ),
            JSON.stringify(outside, null, 2),
        );
        assert.deepEqual(
            blocking(await engine.preview([registry("westeurope", EU), replication("francecentral")])),
            [],
        );
    });

    it("a Service Bus geo-DR alias of an EU namespace pairing with East US: rejected", async () => {
        const namespace = (name: string, location: string, tags?: Record<string, string>) =>
            az("servicebus:Namespace", name, {
                namespaceName: name,
                location,
                resourceGroupName: OUTSIDE_RG,
                ...(tags ? { tags } : {}),
            });
        const primary = namespace("orders-bus", "westeurope", EU);
        const partner = namespace("orders-bus-us", "eastus");
        const alias: EmulatedResource = {
            ...az("servicebus:DisasterRecoveryConfig", "orders-dr", {
                namespaceName: "orders-bus",
                resourceGroupName: OUTSIDE_RG,
                alias: "orders",
                partnerNamespace: UNKNOWN,
            }),
            propertyDependencies: { partnerNamespace: [engine.urnOf(partner.type, partner.name)] },
        };
        const diags = blocking(await engine.preview([primary, partner, alias]));
        assert.ok(
            diags.some(
                (d) =>
                    d.urn === engine.urnOf("azure-native:servicebus:DisasterRecoveryConfig", "orders-dr") &&
                    /failover azure region eastus/.test(d.message),
            ),
            JSON.stringify(diags, null, 2),
        );
    });

    it("a Redis linked server of an EU cache, linked to a cache in East US: rejected, naming the cache", async () => {
        const cache = (name: string, location: string, tags?: Record<string, string>) =>
            az("redis:Redis", name, {
                name,
                location,
                resourceGroupName: OUTSIDE_RG,
                sku: { name: "Premium", family: "P", capacity: 1 },
                ...(tags ? { tags } : {}),
            });
        const primary = cache("orders-cache", "westeurope", EU);
        const partner = cache("orders-cache-us", "eastus");
        const link: EmulatedResource = {
            ...az("redis:LinkedServer", "orders-link", {
                name: "orders-cache",
                resourceGroupName: OUTSIDE_RG,
                linkedRedisCacheId: UNKNOWN,
                linkedRedisCacheLocation: "eastus",
                serverRole: "Secondary",
            }),
            propertyDependencies: { linkedRedisCacheId: [engine.urnOf(partner.type, partner.name)] },
        };
        const diags = blocking(await engine.preview([primary, partner, link]));
        const linked = diags.filter((d) => d.urn === engine.urnOf("azure-native:redis:LinkedServer", "orders-link"));
        assert.equal(linked.length, 1, JSON.stringify(diags, null, 2));
        assert.match(linked[0].message, /failover azure region eastus .*redis:Redis 'orders-cache'/);
    });

    it("a SQL database with geo-redundant backups in Brazil South: the paired region is a second place", async () => {
        const database = az("sql:Database", "orders-db", {
            location: "brazilsouth",
            serverName: "orders-sql-br",
            resourceGroupName: OUTSIDE_RG,
            requestedBackupStorageRedundancy: "Geo",
            tags: { "data-residency": "br" },
        });
        const diags = blocking(await engine.analyze(database));
        assert.equal(diags.length, 1, JSON.stringify(diags, null, 2));
        assert.match(diags[0].message, /backup azure region southcentralus .*geo-redundant backup storage/);
        const local = { ...database, inputs: { ...database.inputs, requestedBackupStorageRedundancy: "Local" } };
        assert.deepEqual(blocking(await engine.analyze(local)), []);
    });

    // The everyday shape: an account that leaves its location to a group the program creates and Pulumi names,
    // so that during preview the account's `resourceGroupName` is known only as a dependency on the group.
    const accountInNewGroup = (groupLocation: string, residency: string) => {
        const group = az("resources:ResourceGroup", "data", { location: groupLocation });
        const account: EmulatedResource = {
            ...az("storage:StorageAccount", "records", {
                resourceGroupName: UNKNOWN,
                kind: "StorageV2",
                sku: { name: "Standard_GRS" },
                tags: { "data-residency": residency },
            }),
            propertyDependencies: { resourceGroupName: [engine.urnOf(group.type, group.name)] },
        };
        return [group, account];
    };

    it("a geo-redundant EU account in a new group in West Europe: the pair (North Europe) passes, nothing blocks", async () => {
        assert.deepEqual(blocking(await engine.preview(accountInNewGroup("westeurope", "eu"))), []);
    });

    it("a geo-redundant Brazilian account in a new group in Brazil South: its pair in the US is rejected", async () => {
        const diags = blocking(await engine.preview(accountInNewGroup("brazilsouth", "br")));
        assert.equal(diags.length, 1, JSON.stringify(diags, null, 2));
        assert.equal(diags[0].policyName, "clean-guard-cross-border-replication");
        assert.match(diags[0].message, /failover azure region southcentralus \(United States \(US\)\)/);
        assert.match(
            diags[0].message,
            /paired region of brazilsouth .*its location from resourceGroupName -> ResourceGroup 'data'/,
        );
    });
});
