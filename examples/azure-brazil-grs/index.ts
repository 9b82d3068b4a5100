// The Brazilian orders service of azure-brazil-compliant with two settings changed, each of which
// sends Brazilian data to the United States.

import * as pulumi from "@pulumi/pulumi";
import { brazilOrders } from "../azure-brazil-compliant/orders";

brazilOrders({
    // Geo-redundant: Azure copies the account to brazilsouth's paired region, South Central US (Texas).
    storageSku: "Standard_GRS",
    // A failover partner in Virginia.
    failoverLocation: "eastus",
    adminPassword: new pulumi.Config().requireSecret("sqlAdminPassword"),
});
