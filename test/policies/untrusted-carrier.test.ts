// The policy on its own: a located customer gateway is given a peer in the Placement contract's shape, so
// that ASN and name matching, look-alikes and secrets are judged independently of the inputs that name them
// (test/locate/peers.test.ts covers reading peers from real providers' inputs).
import { locate } from "../../src/locate";
import { toFinding } from "../../src/engine/evaluate";
import type { Peer } from "../../src/model/placement";
import { untrustedCarrier } from "../../src/policies";
import { awsResource } from "../support/builders";
import { assertFindings, catalog, profile, type Expected } from "./judge";

const POLICY = "clean-guard-untrusted-carrier";

async function judgePeer(peer: Peer) {
    const gateway = awsResource(
        "aws:ec2/customerGateway:CustomerGateway",
        { type: "ipsec.1", ipAddress: "203.0.113.7" },
        { providerRegion: "eu-west-1" },
    );
    const placement = locate(gateway, { catalog });
    placement.peers.push(peer);
    const stack = { tags: new Map<string, string>(), phase: "preview" as const };
    const verdicts = await untrustedCarrier.judge(placement, { profile, catalog, stack });
    return verdicts.map((v) => toFinding(untrustedCarrier, placement, v));
}

describe(POLICY, () => {
    const cases: Array<[string, Peer, Expected]> = [
        [
            "China Telecom's backbone ASN: the ASN, the carrier and the path",
            { asn: 4134, path: "bgpAsn" },
            [["violation", "peer ASN 4134 (China Telecom", "at bgpAsn", "clean-carrier"]],
        ],
        ["China Unicom's ASN", { asn: 4837, path: "bgpAsn" }, [["violation", "China Unicom"]]],
        ["China Mobile's ASN", { asn: 9808, path: "bgpAsn" }, [["violation", "China Mobile"]]],
        ["a private ASN", { asn: 65000, path: "bgpAsn" }, []],
        ["Amazon's ASN", { asn: 16509, path: "bgpAsn" }, []],
        [
            "a Direct Connect partner by name",
            { name: "China Telecom Americas", path: "providerName" },
            [["violation", "peer 'China Telecom Americas'"]],
        ],
        ["a look-alike partner name", { name: "Telecom Italia Sparkle", path: "providerName" }, []],
        [
            "the locator's own answer counts",
            { name: "CT backbone", carrier: "china-telecom", path: "providerName" },
            [["violation", "China Telecom"]],
        ],
    ];
    for (const [what, peer, expected] of cases)
        it(what, async () => assertFindings(await judgePeer(peer), POLICY, expected));

    it("judges a secret peer without naming it", async () => {
        const findings = await judgePeer({ asn: 4134, secret: true, path: "bgpAsn" });
        assertFindings(findings, POLICY, [["violation", "peer [secret]"]], ["4134"]);
    });
});
