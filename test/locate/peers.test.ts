// BGP peers and interconnect partners, read from the inputs the real providers take, and judged.
import { secret, unknown } from "../support/builders";
import { awsResource, azureNative, explicitProvider, gcpResource } from "../support/builders";
import type { NormalisedResource } from "../../src/model/resource";
import { assertFindings, judgeResource, type Expected } from "../policies/judge";

const POLICY = "clean-guard-untrusted-carrier";
const ireland = { provider: explicitProvider("aws", "ireland", { region: "eu-west-1" }) };
const westEurope = { providerConfig: { location: "westeurope" } };
const belgium = { providerConfig: { region: "europe-west1" } };

describe("untrusted carriers, from the inputs that name them", () => {
    const cases: Array<[string, NormalisedResource, Expected]> = [
        [
            "a VPN customer gateway peering with China Telecom's backbone (AS4134)",
            awsResource("aws:ec2/customerGateway:CustomerGateway", { bgpAsn: "4134", type: "ipsec.1" }, ireland),
            [["violation", "ASN 4134", "China Telecom", "bgpAsn"]],
        ],
        [
            "decoy: a private ASN",
            awsResource("aws:ec2/customerGateway:CustomerGateway", { bgpAsn: "65000", type: "ipsec.1" }, ireland),
            [],
        ],
        [
            "a Direct Connect connection ordered from China Unicom Americas",
            awsResource(
                "aws:directconnect/connection:Connection",
                { bandwidth: "1Gbps", location: "EqDC2", providerName: "China Unicom Americas" },
                ireland,
            ),
            [["violation", "'China Unicom Americas'", "providerName"]],
        ],
        [
            "decoy: a partner whose name merely contains a carrier-like word",
            awsResource(
                "aws:directconnect/connection:Connection",
                { bandwidth: "1Gbps", location: "EqDC2", providerName: "Chinatown Networks" },
                ireland,
            ),
            [],
        ],
        [
            "a private virtual interface whose BGP peer is China Mobile (AS9808, a number)",
            awsResource(
                "aws:directconnect/privateVirtualInterface:PrivateVirtualInterface",
                { bgpAsn: 9808, connectionId: "dxcon-1", vlan: 10, addressFamily: "ipv4" },
                ireland,
            ),
            [["violation", "ASN 9808", "China Mobile"]],
        ],
        [
            "an ExpressRoute circuit from China Telecom Global, with a peering to AS4809",
            azureNative(
                "network:ExpressRouteCircuit",
                {
                    resourceGroupName: "rg",
                    serviceProviderProperties: {
                        serviceProviderName: "China Telecom Global",
                        peeringLocation: "London",
                    },
                    peerings: [{ name: "AzurePrivatePeering", peerASN: 4809 }],
                },
                westEurope,
            ),
            [
                ["violation", "China Telecom Global", "serviceProviderProperties.serviceProviderName"],
                ["violation", "ASN 4809", "peerings[0].peerASN"],
            ],
        ],
        [
            "a Cloud Router peer with China Unicom's backbone (AS4837)",
            gcpResource("gcp:compute/routerPeer:RouterPeer", { router: "r", peerAsn: 4837, interface: "if" }, belgium),
            [["violation", "ASN 4837", "China Unicom"]],
        ],
        [
            "a peer ASN unknown during preview: cannot verify yet",
            awsResource("aws:ec2/customerGateway:CustomerGateway", { bgpAsn: unknown(), type: "ipsec.1" }, ireland),
            [["advisory", "bgpAsn"]],
        ],
        [
            "a secret peer ASN is judged but not printed",
            awsResource(
                "aws:ec2/customerGateway:CustomerGateway",
                { bgpAsn: secret("4134"), type: "ipsec.1" },
                ireland,
            ),
            [["violation", "[secret]"]],
        ],
    ];
    for (const [what, resource, expected] of cases) {
        it(what, async () =>
            assertFindings(await judgeResource(resource), POLICY, expected, what.includes("secret") ? ["4134"] : []),
        );
    }
});
