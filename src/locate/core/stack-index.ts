// The stack pass's lookup table: a reference written in one resource (a replication destination ARN, a
// source DB identifier, a resource group name, a URN) leads to the resource of the stack it names.
// Built once per stack in linear time; each lookup is a map hit.

import type { NormalisedResource } from "../../model/resource";
import { reveal } from "../../model/values";
import { parseStoreRef } from "./store-ref";

/** Top-level inputs/outputs whose string value identifies any resource (ids, ARNs, physical names). */
const IDENTIFYING_KEYS = new Set(["arn", "id", "name", "identifier", "selfLink"]);

/**
 * A resource is also named by the input called after its own type (`resourceGroupName` on a ResourceGroup,
 * `datasetId` on a Dataset, `clusterIdentifier` on a Cluster); on any other resource the same key is a
 * reference to it, and indexing it there would make the name ambiguous. Likewise S3's companion resources
 * (versioning, policy, replication...) repeat their bucket's name in `bucket`: only the bucket owns it.
 */
function ownsKey(type: string, key: string): boolean {
    if (IDENTIFYING_KEYS.has(key)) return true;
    const typeName = type.slice(type.lastIndexOf(":") + 1);
    if (key === "bucket") return /^Bucket(V2)?$/.test(typeName);
    const own = typeName.charAt(0).toLowerCase() + typeName.slice(1);
    return key.startsWith(own) && /^(Name|Id|Identifier|Arn)$/.test(key.slice(own.length));
}

export class StackIndex {
    private readonly byUrn = new Map<string, NormalisedResource>();
    /** Usually one resource a name; a list where several share it (kept, so a kind can tell them apart). */
    private readonly byKey = new Map<string, NormalisedResource | NormalisedResource[]>();

    constructor(readonly resources: readonly NormalisedResource[]) {
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
            this.add(r.name, r);
            for (const [key, raw] of Object.entries(r.props)) {
                if (!ownsKey(r.type, key)) continue;
                const { value } = reveal(raw);
                if (typeof value === "string" && value.length > 0) this.add(value, r);
            }
        }
    }

    get(urn: string): NormalisedResource | undefined {
        return this.byUrn.get(urn);
    }

    /**
     * The one resource a reference names, or undefined when none or several do: as written, else by the name the
     * form carries (`arn:aws:s3:::bucket`, `gs://bucket/path`, an Azure resource id or Storage URL).
     */
    resolve(reference: string): NormalisedResource | undefined {
        const direct = this.byUrn.get(reference) ?? this.unique(reference);
        if (direct) return direct;
        const { name } = parseStoreRef(reference);
        return name !== reference ? this.unique(name) : undefined;
    }

    /**
     * The single resource a top-level property depends on, from the engine's property dependencies: during
     * preview a reference such as `destination.bucket = replica.arn` is unknown, but the engine still says which
     * resource it comes from.
     */
    dependencyOf(resource: NormalisedResource, property: string): NormalisedResource | undefined {
        const deps = resource.propertyDependencies[property];
        if (!deps || deps.length !== 1) return undefined;
        return this.byUrn.get(deps[0]);
    }

    /** The one resource of the stack by that name that `accept` accepts (a parent of the kind a child names). */
    resolveWhere(reference: string, accept: (r: NormalisedResource) => boolean): NormalisedResource | undefined {
        const direct = this.byUrn.get(reference);
        if (direct) return accept(direct) ? direct : undefined;
        const hit = this.byKey.get(reference);
        const accepted = (Array.isArray(hit) ? hit : hit ? [hit] : []).filter(accept);
        return accepted.length === 1 ? accepted[0] : undefined;
    }

    private unique(key: string): NormalisedResource | undefined {
        const hit = this.byKey.get(key);
        return Array.isArray(hit) ? undefined : hit;
    }

    private add(key: string, r: NormalisedResource): void {
        const prior = this.byKey.get(key);
        if (prior === undefined) this.byKey.set(key, r);
        else if (Array.isArray(prior)) {
            if (!prior.includes(r)) prior.push(r);
        } else if (prior !== r) this.byKey.set(key, [prior, r]);
    }
}
