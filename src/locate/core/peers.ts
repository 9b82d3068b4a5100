// Who a network connection peers with: the BGP ASN or the carrier named on VPN gateways, Direct Connect,
// ExpressRoute and Cloud Interconnect resources. The carrier policy judges them; here they are only read.

import { unreadable } from "./unreadable";
import type { Peer, Placement } from "../../model/placement";
import type { NormalisedResource } from "../../model/resource";
import { parsePattern, walkPattern, type PatternSegment } from "./location-rules";

interface PeerRule {
    segments: readonly PatternSegment[];
    /** `asn`: a BGP autonomous system number (number or numeric string); `name`: a carrier or partner name. */
    kind: "asn" | "name";
}

const asn = (at: string): PeerRule => ({ segments: parsePattern(at), kind: "asn" });
const name = (at: string): PeerRule => ({ segments: parsePattern(at), kind: "name" });

// Input names from the installed SDKs' type definitions (@pulumi/aws 7, azure-native 3, azure 6, gcp 9).
const PEER_RULES: ReadonlyMap<string, readonly PeerRule[]> = new Map([
    ["aws:ec2/customerGateway:CustomerGateway", [asn("bgpAsn"), asn("bgpAsnExtended")]],
    ["aws:directconnect/connection:Connection", [name("providerName")]],
    ["aws:directconnect/bgpPeer:BgpPeer", [asn("bgpAsn")]],
    ...[
        "privateVirtualInterface:PrivateVirtualInterface",
        "publicVirtualInterface:PublicVirtualInterface",
        "transitVirtualInterface:TransitVirtualInterface",
        "hostedPrivateVirtualInterface:HostedPrivateVirtualInterface",
        "hostedPublicVirtualInterface:HostedPublicVirtualInterface",
        "hostedTransitVirtualInterface:HostedTransitVirtualInterface",
    ].map((t): [string, PeerRule[]] => [`aws:directconnect/${t}`, [asn("bgpAsn"), asn("bgpAsnLong")]]),
    ["aws:ec2transitgateway/connectPeer:ConnectPeer", [asn("bgpAsn")]],
    [
        "azure-native:network:ExpressRouteCircuit",
        [name("serviceProviderProperties.serviceProviderName"), asn("peerings[*].peerASN")],
    ],
    ["azure-native:network:ExpressRouteCircuitPeering", [asn("peerASN")]],
    ["azure-native:network:LocalNetworkGateway", [asn("bgpSettings.asn")]],
    [
        "azure-native:network:VpnSite",
        [
            asn("bgpProperties.asn"),
            name("deviceProperties.linkProviderName"),
            asn("vpnSiteLinks[*].bgpProperties.asn"),
            name("vpnSiteLinks[*].linkProperties.linkProviderName"),
        ],
    ],
    ["azure:network/expressRouteCircuit:ExpressRouteCircuit", [name("serviceProviderName")]],
    ["azure:network/expressRouteCircuitPeering:ExpressRouteCircuitPeering", [asn("peerAsn")]],
    ["azure:network/localNetworkGateway:LocalNetworkGateway", [asn("bgpSettings.asn")]],
    ["gcp:compute/routerPeer:RouterPeer", [asn("peerAsn")]],
    ["gcp:compute/interconnectAttachment:InterconnectAttachment", [name("partnerMetadata.partnerName")]],
]);

export function readPeers(resource: NormalisedResource, p: Placement): void {
    for (const rule of PEER_RULES.get(resource.type) ?? []) {
        walkPattern(resource.props, rule.segments, (read) => {
            if (unreadable(p, read, "peer", `the peer at ${read.path}`)) return;
            if (read.value === undefined || read.value === "") return;
            const peer = toPeer(rule.kind, read.value, read.path);
            if (peer) p.peers.push(read.secret ? { ...peer, secret: true } : peer);
            else
                p.undetermined.push({
                    aspect: "peer",
                    reason: "unrecognised",
                    path: read.path,
                    detail: `the peer ASN at ${read.path} is not a number`,
                });
        });
    }
}

function toPeer(kind: PeerRule["kind"], value: string | number, path: string): Peer | undefined {
    if (kind === "name") return { name: String(value), path };
    const number = typeof value === "number" ? value : /^\s*(?:AS)?(\d+)\s*$/i.exec(value)?.[1];
    return number === undefined ? undefined : { asn: Number(number), path };
}
