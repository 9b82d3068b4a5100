// Placement: where one resource keeps, copies and sends its data. Locators (src/locate) produce it;
// policies (src/policies) judge it and never read raw properties themselves.

/** Why a location is part of a resource's footprint. */
export type LocationRole =
    /** where the resource itself lives */
    | "primary"
    /** a read replica, global-table replica, replicated bucket, ... */
    | "replica"
    /** a backup or snapshot copy */
    | "backup"
    /** a failover partner or geo-redundant pair */
    | "failover"
    /** one member of a multi-region or dual-region location */
    | "member"
    /**
     * where the resource sends data to be processed without keeping it (a model endpoint, a Bedrock inference
     * profile, an Azure OpenAI deployment type): judged for residency like the place data is kept, never a copy
     */
    | "processing";

export type LocationScope = "region" | "zone" | "multi-region" | "global";

/** A region (or zone, multi-region, global location) as the catalog knows it. */
export interface Place {
    cloud: string;
    /** Canonical id: `cn-north-1`, `westeurope`, `europe-west4`. */
    region: string;
    displayName?: string;
    partition: string;
    /** ISO 3166-1 alpha-2, upper case. */
    country: string;
    /** Who operates the region when that is not the cloud itself (Sinnet, NWCD, 21Vianet). */
    operator?: string;
}

export interface Location {
    role: LocationRole;
    scope: LocationScope;
    /** The cloud (or untrusted vendor's cloud) whose location this is: aws, azure, gcp, alicloud, ... */
    cloud: string;
    /** The location as written, normalised (lower case, `West Europe` -> `westeurope`). */
    name: string;
    /** The catalog's entry; undefined when the catalog does not know the name (then `countries` is empty). */
    place?: Place;
    /** Every country the data may be in: one for a region, several for a multi-region, none if unknown. */
    countries: string[];
    /** Where the fact came from, for messages: `input 'region'`, `provider 'china'`, `stack config aws:region`. */
    via: string;
    /** The property path that put it here, e.g. `replicaRegions[1].regionName`. */
    path: string;
    /** The value came from a secret: print `[secret]`, never the name. */
    secret?: boolean;
    /** Resolved through another resource of the stack (stack pass only). */
    fromStack?: boolean;
    /**
     * The partition (`aws`, `aws-cn`) of a `global` location, or of a region name the catalog does not list but
     * whose spelling follows a partition's pattern; catalogued regions carry theirs in `place`.
     */
    partition?: string;
    /**
     * The location holds configuration of a global control plane (IAM, Route 53 zones and records), not the
     * data a resource serves: a residency rule may choose to ignore it; a disallowed-partition rule may not.
     */
    controlPlane?: boolean;
    /**
     * The location is one of several places and which one is not known (a region name several clouds share,
     * the multi-region a service picks by default): `countries` lists every country it may be in. A rule that
     * every candidate breaks is broken; one that only some break cannot be verified; one none breaks is kept.
     */
    possible?: PossiblePlaces;
    /**
     * A region no catalog lists, placed in `countries` by this word of its name (`beijing` in `cn-beijing-6`): the
     * name says the place, the catalog has no entry to confirm it.
     */
    namedFor?: string;
}

export interface PossiblePlaces {
    /** Why the place is not known exactly, for messages: `a region name of both aws and alicloud`. */
    why: string;
    /** Every place the location may be. */
    candidates: Place[];
    /** How to name the place exactly, when the general advice (one region on the resource or its provider) is not it. */
    fix?: string;
}

/** An availability zone written by id (`use1-az1`): only EC2 can say which zone (and country) it is. */
export interface ZoneToLookUp {
    /** The zone id as written. */
    zone: string;
    /** The region to ask EC2 in: the resource's primary region. */
    region: string;
    role: LocationRole;
    via: string;
    path: string;
    secret?: boolean;
}

/** A host the resource sends data to (an endpoint, origin, webhook, URL in an environment variable...). */
export interface Host {
    /** Normalised host: lower case, no trailing dot, punycode for IDNs. */
    host: string;
    /** Untrusted vendor id owning the host, if any. */
    vendor?: string;
    /** The untrusted AI model service the host reaches (catalog id), if it is one. */
    service?: string;
    path: string;
    secret?: boolean;
}

/**
 * Processing that follows the resource's own region to a data zone (an Azure OpenAI DataZone deployment): placed
 * once that region is known, by the locator or, for a child placed through its parent, in the stack pass.
 */
export interface DataZoneProcessing {
    /** `Azure OpenAI DataZone-Standard deployment (processed anywhere in the account's data zone)`. */
    description: string;
    /** The setting as written, for messages: `DataZoneStandard`. */
    written: string;
    via: string;
    path: string;
    secret?: boolean;
}

/** Facts an EC2 DescribeImages lookup returned for a machine image. */
export interface ImageFacts {
    imageId: string;
    ownerId?: string;
    ownerAlias?: string;
    name?: string;
    description?: string;
    platformDetails?: string;
    imageLocation?: string;
    region: string;
}

export interface Image {
    /** As written: `registry.cn-hangzhou.aliyuncs.com/team/app:1.2`, `ami-0abc...`, a chart repository URL. */
    ref: string;
    kind: "container" | "helm-chart" | "machine-image";
    /** Registry host for containers and charts. */
    registry?: string;
    /** Untrusted vendor id, when the registry, publisher or branding belongs to one. */
    vendor?: string;
    /** Region in which a machine image must be looked up. */
    region?: string;
    /** What EC2 says of a machine image (the enrich stage, src/engine/enrich.ts). */
    facts?: ImageFacts;
    /** Why EC2 could not say it: `not-found`, `timeout`, `off`..., and whether that only warns (lookups.ec2 auto). */
    lookupFailure?: { reason: string; detail: string; advisory: boolean };
    path: string;
    secret?: boolean;
}

/** A BGP peer or interconnect partner. */
export interface Peer {
    asn?: number;
    /** Provider or partner name as written (Direct Connect location provider, ExpressRoute provider). */
    name?: string;
    /** Untrusted carrier (vendor id) the ASN or name belongs to. */
    carrier?: string;
    path: string;
    secret?: boolean;
}

/** A reference from this resource to another one whose location matters (replication target, source DB). */
export interface Reference {
    /**
     * What the reference means for data. `copies-to`: this resource's data is copied to the target. `copy-of`:
     * this resource holds a copy of the target's data. `carries`: this resource moves the target's data
     * elsewhere without keeping a copy (an S3 replication rule). `located-by`: the target's location is this
     * one's (Azure resource group). `child-of`: this resource lives inside the target it names (a database on
     * its server, a failover group of its server, a replication of its registry): it sits where the target
     * is and its data is the target's, in both directions; a name that is no resource of the stack says
     * nothing (the parent may be managed elsewhere).
     */
    relation: "copies-to" | "copy-of" | "carries" | "located-by" | "child-of";
    /** For `child-of`: the kind of resource the target must be (`server` for `serverName`). */
    kind?: string;
    role: LocationRole;
    /** The value as written: ARN, name, id or URN (empty when not known during preview). */
    target: string;
    /** The target is not known during preview; the stack pass may still resolve it from property dependencies. */
    unknown?: boolean;
    /**
     * Where the target is when it is no resource of this stack (a resource group made elsewhere, a replication
     * destination named by ARN): somewhere in one partition of one cloud, the only thing known of it. The stack pass
     * then places the data in any region of that partition, as possible places; without it the reference is
     * unresolved.
     */
    outside?: OutsideTarget;
    path: string;
    secret?: boolean;
}

/** The partition a reference's target is known to be in, though not which of its regions. */
export interface OutsideTarget {
    cloud: string;
    /**
     * Absent: the partition of the resource's own location (a bucket named by name is in the partition of the account
     * that names it: partitions share nothing), known once the stack pass has placed the resource.
     */
    partition?: string;
    /** The target's exact region, when the value names it (an ARN's region, a Google resource name's location). */
    region?: string;
    /**
     * The partition the resource's provider deploys to, for when neither the value nor the resource's own location
     * says (an Event Grid subscription or a log sink has no location of its own).
     */
    provider?: { partition: string; because: string };
    /** What the target is, for messages: `resource group`, `bucket`. */
    what: string;
    /** How the partition is known: `the provider's environment 'china'`, `its ARN`. */
    because: string;
    /** The resource's own input that would place it instead of the target (`location` beside a resource group). */
    ownLocation?: string;
}

export type UndeterminedReason =
    | "unknown-during-preview"
    | "secret-ciphertext"
    | "unrecognised"
    | "unresolved-reference"
    | "missing"
    | "lookup-failed"
    | "too-large";

/** Something the locator could not establish. Policies turn these into "cannot verify" findings. */
export interface Undetermined {
    aspect: "location" | "secondary-location" | "processing" | "host" | "image" | "peer" | "classification";
    reason: UndeterminedReason;
    path: string;
    /** One human sentence: `the region of provider 'eu' is unknown during preview`. Never holds a secret value. */
    detail: string;
    /** Advisory by nature: the value will be known at `up`, when the real check runs. */
    advisory?: boolean;
    /** How to make the check possible, when the general advice for the reason is not it. */
    fix?: string;
}

/** How a package's resources carry tags: the word its users know, and the input holding them as a plain map. */
export interface Tagging {
    word: "tag" | "label";
    /** Absent when tags are not a plain map (a list of key/value pairs, nested metadata): nothing can be stamped. */
    input?: "tags" | "labels";
}

export interface Placement {
    resource: { urn: string; type: string; name: string };
    /** Pulumi package of the type token (`aws`, `azure-native`, `alicloud`). */
    package: string;
    /** The cloud the resource lives on; undefined for packages without one (random, tls, command...). */
    cloud?: string;
    /** The untrusted vendor whose package, provider or cloud this resource belongs to. */
    vendor?: string;
    /** The resource is a provider instance. */
    isProvider: boolean;
    /** Name of the explicit provider, if any (`china`), for messages. */
    providerName?: string;
    locations: Location[];
    hosts: Host[];
    images: Image[];
    peers: Peer[];
    /** Tags or labels, secrets excluded. */
    tags: Record<string, string>;
    /** Tags or labels whose value is a secret: read for the data's classification only, never shown. */
    secretTags?: Record<string, string>;
    /** Tags (by key) and whole maps of tags (by input path) not known during preview. */
    pendingTags?: { keys: string[]; maps: string[] };
    tagging: Tagging;
    references: Reference[];
    /** URNs of resources whose data this one holds a copy of (filled by the stack pass). */
    copyOf: string[];
    /** URNs of resources whose data this one moves without keeping it (filled by the stack pass). */
    carries: string[];
    undetermined: Undetermined[];
    /** Zones to resolve through EC2 (src/lookups/ec2-zones.ts) before the location is complete. */
    zoneLookups?: ZoneToLookUp[];
    /** Processing in the data zone of the resource's region, until that region is known. */
    dataZoneProcessing?: DataZoneProcessing;
}

export function emptyPlacement(resource: { urn: string; type: string; name: string }, pkg: string): Placement {
    return {
        resource,
        package: pkg,
        isProvider: false,
        locations: [],
        hosts: [],
        images: [],
        peers: [],
        tags: {},
        tagging: { word: "tag" },
        references: [],
        copyOf: [],
        carries: [],
        undetermined: [],
    };
}
