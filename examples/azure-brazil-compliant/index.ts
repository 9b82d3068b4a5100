import * as pulumi from "@pulumi/pulumi";
import { brazilOrders } from "./orders";

brazilOrders({
    // Zone-redundant: three copies in three zones of São Paulo, none outside it.
    storageSku: "Standard_ZRS",
    // Rio de Janeiro: the failover partner stays in Brazil.
    failoverLocation: "brazilsoutheast",
    adminPassword: new pulumi.Config().requireSecret("sqlAdminPassword"),
});
