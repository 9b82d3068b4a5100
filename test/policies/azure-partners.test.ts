// The last Azure place inputs the audit had left unread (issue 14), judged through every policy as a user meets
// them: a Managed Instance link's partner SQL Server and a server communication link's partner server. A trap in
// mainland China or on an untrusted vendor's host is rejected; the everyday shape passes the default profile.

import type { NormalisedResource } from "../../src/model/resource";
import type { Value } from "../../src/model/values";
import { azureNative, cloudResource, resourceGroup, secret } from "../support/builders";
import { assertFindings, judgeStack, type Expected, type JudgeOptions } from "./judge";

const COPIES = "clean-guard-cross-border-replication";
const HOST = "clean-guard-untrusted-host";

const EU = { stackTags: { "data-residency": "eu" } };
const group = () => resourceGroup({ resourceGroupName: "rg", location: "westeurope" }, { name: "rg" });

/** A Managed Instance link to the SQL Server at `partnerEndpoint`. */
const instanceLink = (partnerEndpoint: Value) =>
    azureNative(
        "sql:DistributedAvailabilityGroup",
        {
            resourceGroupName: "rg",
            managedInstanceName: "mi",
            distributedAvailabilityGroupName: "orders-link",
            partnerAvailabilityGroupName: "AG_Orders",
            instanceAvailabilityGroupName: "AG_Orders_MI",
            partnerEndpoint,
            databases: [{ databaseName: "orders" }],
        },
        { name: "orders-link" },
    );

const server = (location: string) =>
    azureNative("sql:Server", { resourceGroupName: "rg", serverName: "orders-dr", location }, { name: "orders-dr" });

/** A server communication link from server `orders` to the partner server named `partnerServer`. */
const communicationLink = (partnerServer: string) =>
    azureNative(
        "sql:ServerCommunicationLink",
        { resourceGroupName: "rg", serverName: "orders", communicationLinkName: "link1", partnerServer },
        { name: "link1" },
    );

type Case = [string, () => NormalisedResource[], string, Expected, JudgeOptions?];

const itJudges = (cases: Case[]) => {
    for (const [what, stack, policy, expected, options] of cases)
        it(what, async () => assertFindings((await judgeStack(stack(), options)).all, policy, expected));
};

describe("a Managed Instance link's partner SQL Server, which its endpoint does not place", () => {
    itJudges([
        [
            "unclassified data: a warning, never a block",
            () => [group(), instanceLink("TCP://sql01.corp.example.com:5022")],
            COPIES,
            [["advisory", "partner SQL Server", "sql01.corp.example.com", "anywhere", "a warning, not a block"]],
        ],
        [
            "EU data: cannot be verified, at the policy's level, with how to settle it",
            () => [group(), instanceLink("TCP://sql01.corp.example.com:5022")],
            COPIES,
            [["unverified", "partner SQL Server", "anywhere", "record a time-boxed exemption for the link"]],
            EU,
        ],
        [
            "a secret endpoint is judged the same and never printed",
            () => [group(), instanceLink(secret("TCP://sql01.corp.example.com:5022"))],
            COPIES,
            [["unverified", "partner SQL Server (input 'partnerEndpoint')", "anywhere"]],
            EU,
        ],
        [
            "an endpoint on a Huawei Cloud host: the untrusted host is rejected",
            () => [group(), instanceLink("TCP://sql.ap-southeast-1.myhuaweicloud.com:5022")],
            HOST,
            [["violation", "myhuaweicloud.com", "partnerEndpoint"]],
        ],
        [
            "azure-native v2's older API names the endpoint sourceEndpoint: EU data cannot be verified either",
            () => [
                group(),
                cloudResource(
                    "azure-native",
                    "2_92_3",
                    "azure-native:sql/v20211101:DistributedAvailabilityGroup",
                    {
                        resourceGroupName: "rg",
                        managedInstanceName: "mi",
                        primaryAvailabilityGroupName: "AG_Orders",
                        secondaryAvailabilityGroupName: "AG_Orders_MI",
                        sourceEndpoint: "TCP://SERVER01:5022",
                        targetDatabase: "orders",
                    },
                    { name: "orders-link-v2" },
                ),
            ],
            COPIES,
            [["unverified", "input 'sourceEndpoint'", "SERVER01"]],
            EU,
        ],
    ]);
});

describe("a server communication link's partner server", () => {
    itJudges([
        [
            "EU data linked to the stack's server in North Europe",
            () => [group(), server("northeurope"), communicationLink("orders-dr")],
            COPIES,
            [],
            EU,
        ],
        [
            "linked to the stack's server in China East 2: rejected through the server",
            () => [group(), server("chinaeast2"), communicationLink("orders-dr")],
            COPIES,
            [["violation", "chinaeast2", "China (CN)", "-> Server 'orders-dr'"]],
        ],
        [
            "default: linked to a server outside the stack, in public Azure's partition, passes",
            () => [group(), communicationLink("orders-elsewhere")],
            COPIES,
            [],
        ],
    ]);
});
