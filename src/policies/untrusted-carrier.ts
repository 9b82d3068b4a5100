import type { Peer } from "../model/placement";
import { SECRET_MASK } from "../model/values";
import { definePolicy } from "./define";
import { disallowedVendor, untrustedVendorRule, vendorName } from "./vendors";
import { unverifiedAspects } from "./undetermined";
import type { Catalog } from "../catalog/types";

// Clean Carrier: traffic handed to an untrusted carrier's network (a BGP peer, a Direct Connect or
// ExpressRoute partner) crosses infrastructure the organisation has decided not to trust.
export const untrustedCarrier = definePolicy({
    name: "clean-guard-untrusted-carrier",
    pillar: "clean-carrier",
    severity: "high",
    description:
        "BGP peers and interconnects (VPN customer gateways, Direct Connect, ExpressRoute, Cloud Interconnect partners) must not belong to an untrusted carrier: China Telecom, China Unicom or China Mobile.",
    remediation:
        "Peer with, or order the interconnect from, a trusted carrier; move the connection before the data flows over it",
    judge(p, ctx) {
        const { profile, catalog } = ctx;
        const violations = p.peers.flatMap((peer) => {
            const vendor = disallowedVendor(carrierOf(peer, catalog), profile);
            if (!vendor) return [];
            return [
                {
                    kind: "violation" as const,
                    found: `${describePeer(peer)} (${vendorName(vendor, catalog)}) at ${peer.path}`,
                    rule: untrustedVendorRule(vendor, profile, catalog),
                },
            ];
        });
        return [...violations, ...unverifiedAspects(p, ["peer"], "which carrier this connection goes through", ctx)];
    },
});

/** The locator's answer, or the catalog's for the ASN, then for the name. */
function carrierOf(peer: Peer, catalog: Catalog): string | undefined {
    if (peer.carrier) return peer.carrier;
    const byAsn = peer.asn === undefined ? undefined : catalog.carrierOfAsn(peer.asn);
    return (byAsn ?? (peer.name ? catalog.carrierOfName(peer.name) : undefined))?.vendor.id;
}

function describePeer(peer: Peer): string {
    if (peer.secret) return `peer ${SECRET_MASK}`;
    const parts = [...(peer.asn !== undefined ? [`ASN ${peer.asn}`] : []), ...(peer.name ? [`'${peer.name}'`] : [])];
    return `peer ${parts.join(" ")}`;
}
