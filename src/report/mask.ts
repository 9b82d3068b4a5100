// Placements keep the values locators read, secrets included (flagged): reports print `[secret]` instead.

import type { Location, Placement } from "../model/placement";
import { SECRET_MASK } from "../model/values";

export function maskLocation(l: Location): Location {
    if (!l.secret) return l;
    return { ...l, name: SECRET_MASK, place: undefined, countries: [] };
}

export function maskPlacement(p: Placement): Placement {
    return {
        ...p,
        locations: p.locations.map(maskLocation),
        hosts: p.hosts.map((h) => (h.secret ? { ...h, host: SECRET_MASK } : h)),
        images: p.images.map((i) =>
            i.secret ? { ...i, ref: SECRET_MASK, registry: undefined, facts: undefined, region: undefined } : i,
        ),
        peers: p.peers.map((peer) => (peer.secret ? { ...peer, asn: undefined, name: SECRET_MASK } : peer)),
        references: p.references.map((r) => (r.secret ? { ...r, target: SECRET_MASK } : r)),
        ...(p.secretTags
            ? { secretTags: Object.fromEntries(Object.keys(p.secretTags).map((k) => [k, SECRET_MASK])) }
            : {}),
    };
}
