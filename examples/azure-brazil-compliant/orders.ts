// The Brazilian orders service both Azure examples deploy: a resource group, a storage account, and an
// Azure SQL database whose server fails over to a partner server. Every resource carries the
// `data-residency: br` tag; the storage redundancy and the partner's region are the caller's choice.

import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as sql from "@pulumi/azure-native/sql";
import * as storage from "@pulumi/azure-native/storage";

export interface OrdersArgs {
    /** `Standard_LRS`, `Standard_ZRS`, `Standard_GRS`, ... */
    storageSku: string;
    /** Where the SQL failover partner runs. */
    failoverLocation: string;
    adminPassword: pulumi.Input<string>;
}

const location = "brazilsouth";
const tags = { "data-residency": "br", app: "orders" };

export function brazilOrders(args: OrdersArgs): void {
    const group = new resources.ResourceGroup("orders-br", { resourceGroupName: "orders-br", location, tags });
    const resourceGroupName = group.name;

    new storage.StorageAccount("ordersdata", {
        resourceGroupName,
        accountName: "ordersdatabr",
        location,
        kind: storage.Kind.StorageV2,
        sku: { name: args.storageSku },
        minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
        tags,
    });

    const server = (name: string, serverLocation: string) =>
        new sql.Server(name, {
            resourceGroupName,
            serverName: name,
            location: serverLocation,
            version: "12.0",
            administratorLogin: "orders",
            administratorLoginPassword: args.adminPassword,
            minimalTlsVersion: "1.2",
            tags,
        });
    const primary = server("orders-sql", location);
    const partner = server("orders-sql-dr", args.failoverLocation);

    const database = new sql.Database("orders", {
        resourceGroupName,
        serverName: primary.name,
        databaseName: "orders",
        location,
        sku: { name: "S1", tier: "Standard" },
        tags,
    });
    new sql.FailoverGroup("orders-fog", {
        resourceGroupName,
        serverName: primary.name,
        failoverGroupName: "orders-fog",
        partnerServers: [{ id: partner.id }],
        databases: [database.id],
        readWriteEndpoint: {
            failoverPolicy: sql.ReadWriteEndpointFailoverPolicy.Automatic,
            failoverWithDataLossGracePeriodMinutes: 60,
        },
        tags,
    });
}
