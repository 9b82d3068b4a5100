// One line saying where a resource keeps its data and where it sends it.

import type { Location, Placement } from "../model/placement";
import { maskPlacement } from "./mask";

/** `aws:s3/bucket:Bucket 'logs' -> eu-west-1 (IE) primary; replica us-east-1 (US) via replicationConfiguration...; hosts: ...` */
export function describePlacement(placement: Placement): string {
    const p = maskPlacement(placement);
    const parts = [p.locations.length > 0 ? p.locations.map(locationInOneLine).join("; ") : "no known location"];
    if (p.hosts.length > 0) parts.push(`hosts: ${p.hosts.map((h) => withVendor(h.host, h.vendor)).join(", ")}`);
    if (p.images.length > 0) parts.push(`images: ${p.images.map((i) => withVendor(i.ref, i.vendor)).join(", ")}`);
    if (p.peers.length > 0) {
        parts.push(
            `peers: ${p.peers.map((peer) => withVendor(peer.asn ? `AS${peer.asn}` : (peer.name ?? "?"), peer.carrier)).join(", ")}`,
        );
    }
    if (p.undetermined.length > 0) parts.push(`cannot tell: ${p.undetermined.map((u) => u.detail).join("; ")}`);
    const owner = p.vendor ? ` [${p.vendor}]` : "";
    return `${p.resource.type} '${p.resource.name}'${owner} -> ${parts.join("; ")}`;
}

function locationInOneLine(l: Location): string {
    const countries = l.countries.length > 0 ? l.countries.join(", ") : "country unknown";
    const where = `${l.name} (${countries})`;
    return l.role === "primary" ? `${where} primary` : `${l.role} ${where} via ${l.path}`;
}

function withVendor(what: string, vendor: string | undefined): string {
    return vendor ? `${what} (${vendor})` : what;
}
