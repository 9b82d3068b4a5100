// Where an Azure resource keeps its data, for both Azure packages (azure-native v3 and the classic
// `azure` v6): the `location` input, the resource group it inherits a location from, and the copies
// Azure makes on its own (geo-redundant storage to the paired region, Cosmos DB replicas, SQL failover
// groups, geo-redundant backups, geo-DR pairings). The two packages differ only in type tokens and
// input names, which each package's module gives as an AzureRules table.

import type { Catalog } from "../../../catalog/types";
import type { Location, LocationRole, OutsideTarget, Placement } from "../../../model/placement";
import type { NormalisedResource } from "../../../model/resource";
import type { Props } from "../../../model/values";
import type { LocateContext } from "../../core/context";
import { addLocation, addReadLocation } from "../../core/places";
import { inScope, unknownSetting } from "../../core/processing";
import { addReference } from "../../core/references";
import type { StackIndex } from "../../core/stack-index";
import { decodedProviderProps, readArray, readString, readValue, type PathSegment } from "../../core/read";
import { unreadable } from "../../core/unreadable";

export interface AzureResource {
    resource: NormalisedResource;
    p: Placement;
    ctx: LocateContext;
    /** The resource's own primary location, when it wrote one clean-guard knows. */
    primary?: Location;
}

export interface GlobalType {
    via: string;
    /** Holds configuration (DNS records, routing rules) rather than the data a resource serves. */
    controlPlane?: boolean;
}

/** What a resource type adds beyond its primary location. */
export type AzureRule = (r: AzureResource) => void;

/** Resource groups of both packages: a classic resource may sit in a group made with azure-native. */
const RESOURCE_GROUP_TYPES: ReadonlySet<string> = new Set([
    "azure-native:resources:ResourceGroup",
    "azure:core/resourceGroup:ResourceGroup",
]);

export interface AzureRules {
    /**
     * Types that live in no region (Front Door, Traffic Manager, DNS): their location is `global`
     * whatever `location` says (azure-native writes `global`, classic writes nothing). The policies then
     * see a location with no country, never a pass.
     */
    globalTypes: ReadonlyMap<string, GlobalType>;
    rules: ReadonlyMap<string, AzureRule>;
}

export function locateAzure(resource: NormalisedResource, p: Placement, ctx: LocateContext, rules: AzureRules): void {
    p.cloud = "azure";
    const props = resource.props;
    if (p.isProvider) {
        // azure-native's `location` is the default for resource groups only; the provider's own
        // location is judged like any other so that a provider set to chinaeast is caught once.
        addReadLocation(
            p,
            ctx,
            readString(props, ["location"]),
            { cloud: "azure", role: "primary", via: "the provider's input 'location'" },
            "the provider's location",
        );
        return;
    }
    const global = rules.globalTypes.get(resource.type);
    if (global) {
        const location = addLocation(p, ctx, {
            cloud: "azure",
            name: "global",
            role: "primary",
            via: global.via,
            path: "location",
        });
        if (global.controlPlane) location.controlPlane = true;
    } else {
        const primary = locatePrimary(resource, p, ctx);
        rules.rules.get(resource.type)?.({ resource, p, ctx, primary });
        addParents(resource, p);
    }
}

/**
 * ARM nests a child under the parent it names (`serverName` of a database or failover group, `accountName` of a
 * container or replication policy, `registryName` of a registry replication; the classic provider's `serverId`,
 * `storageAccountId`, `namespaceId` by ARM id): the child is where its parent is and holds its parent's data. The
 * stack pass follows the name to the parent when the parent is in the stack.
 */
const PARENT_KEY = /^([a-z][A-Za-z]*)(Name|Id)$/;

/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql-main` names `sql-main`. */
const ARM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/.+\/([^/]+)$/i;

function addParents(resource: NormalisedResource, p: Placement): void {
    const ownName = resource.type.slice(resource.type.lastIndexOf(":") + 1).toLowerCase();
    for (const key of Object.keys(resource.props)) {
        const kind = PARENT_KEY.exec(key)?.[1].toLowerCase();
        // `resourceGroupName` places it already; `serverName` on a Server is its own name; an input a rule read as a
        // copy (`sourceDatabaseId`, `partnerNamespaceId`) is that, not a parent.
        if (!kind || kind === "resourcegroup" || ownName.endsWith(kind)) continue;
        if (p.references.some((r) => r.path === key)) continue;
        addParent(resource, p, key, kind);
    }
}

function addParent(resource: NormalisedResource, p: Placement, key: string, kind: string): void {
    const read = readString(resource.props, [key]);
    // An unreadable parent name says nothing: the child is placed and judged as if it named none.
    if (read.opaque || (!read.unknown && !read.value)) return;
    // An id names its parent by the id's last segment; any other `<kind>Id` (a tenant, a subnet) names no parent.
    const target = key.endsWith("Id") && read.value ? ARM_ID.exec(read.value)?.[1] : read.value;
    if (key.endsWith("Id") && read.value && !target) return;
    p.references.push({
        relation: "child-of",
        role: "primary",
        target: target ?? "",
        path: key,
        kind,
        ...(read.unknown ? { unknown: true } : {}),
        ...(read.secret ? { secret: true } : {}),
    });
}

/** A parent named by an input that does not follow the `<kind>Name` pattern (a Redis linked server's `name`). */
export function parentAt(key: string, kind: string): AzureRule {
    return (r) => addParent(r.resource, r.p, key, kind);
}

function locatePrimary(resource: NormalisedResource, p: Placement, ctx: LocateContext): Location | undefined {
    const own = readString(resource.props, ["location"]);
    if (own.value || own.unknown || own.opaque) {
        return addReadLocation(
            p,
            ctx,
            own,
            { cloud: "azure", role: "primary", via: "input 'location'" },
            "input 'location'",
        );
    }
    if (RESOURCE_GROUP_TYPES.has(resource.type)) {
        const fromProvider = readString(decodedProviderProps(resource), ["location"]);
        if (fromProvider.value || fromProvider.unknown || fromProvider.opaque) {
            const via = `location of ${providerText(resource)}`;
            return addReadLocation(
                p,
                ctx,
                { ...fromProvider, path: "provider.location" },
                { cloud: "azure", role: "primary", via },
                via,
            );
        }
        p.undetermined.push({
            aspect: "location",
            reason: "missing",
            path: "location",
            detail: "the resource group has no location and its provider sets none",
        });
        return undefined;
    }
    // ARM gives a resource without a location its resource group's: the stack pass resolves the group
    // and reports it unresolved when the group is not part of the stack.
    const group = readString(resource.props, ["resourceGroupName"]);
    const groupUrn = group.value && ctx.stack ? resourceGroupsOf(ctx.stack).get(group.value) : undefined;
    addReference(
        p,
        groupUrn ? { ...group, value: groupUrn } : group,
        "located-by",
        "primary",
        "input 'resourceGroupName'",
        azureCloudOf(resource, ctx.catalog),
    );
    // Neither a location nor a resource group: a subscription- or tenant-scoped control-plane object
    // (role assignment, policy definition, management group) that keeps no customer data.
    return groupUrn ? inheritedLocation(ctx, groupUrn, group.path) : undefined;
}

/**
 * The resource group's location, for the copies Azure derives from it (the paired region of a GRS
 * account that inherits its group's location). Not added to the placement: the stack pass adds the
 * group's primary location itself.
 */
function inheritedLocation(ctx: LocateContext, groupUrn: string, path: string): Location | undefined {
    const group = ctx.stack?.get(groupUrn);
    const name = group && readString(group.props, ["location"]);
    const place = name?.value ? ctx.catalog.region("azure", name.value) : undefined;
    if (!group || !place) return undefined;
    return {
        role: "primary",
        scope: "region",
        cloud: "azure",
        name: place.region,
        place,
        countries: [place.country],
        via: `resource group '${group.name}'`,
        path,
        fromStack: true,
        ...(name?.secret ? { secret: true } : {}),
    };
}

const groupIndexes = new WeakMap<StackIndex, Map<string, string>>();

/**
 * Resource groups of the stack by their Azure name, built once per stack. Every resource in a group
 * writes the group's name in its own `resourceGroupName`, so the stack index cannot tell the group
 * from its members by that name alone; the group's URN can.
 */
function resourceGroupsOf(stack: StackIndex): Map<string, string> {
    let groups = groupIndexes.get(stack);
    if (!groups) {
        groups = new Map();
        for (const r of stack.resources) {
            if (!RESOURCE_GROUP_TYPES.has(r.type)) continue;
            for (const key of ["resourceGroupName", "name"]) {
                const name = readString(r.props, [key]).value;
                if (name && !groups.has(name)) groups.set(name, r.urn);
            }
        }
        groupIndexes.set(stack, groups);
    }
    return groups;
}

/**
 * The provider's `environment` names the Azure cloud it deploys to (both packages: public, usgovernment, china; public
 * when unset), and so the partition of every region a resource group made elsewhere can be in. A metadata host points
 * the provider at a cloud by its endpoints instead, and an environment clean-guard does not know says nothing: then
 * the partition is not known.
 */
const ENVIRONMENT_PARTITIONS: ReadonlyMap<string, string> = new Map([
    ["public", "azure"],
    ["usgovernment", "azure-us-gov"],
    ["china", "azure-china"],
]);

function azureCloudOf(resource: NormalisedResource, catalog: Catalog): OutsideTarget | undefined {
    const known = azureProviderPartition(resource, catalog);
    // Every azure-native and classic resource placed by its group takes a `location` that overrides it.
    return known && { cloud: "azure", what: "resource group", ownLocation: "location", ...known };
}

/** The partition the resource's provider deploys to, when it can be told. */
export function azureProviderPartition(
    resource: NormalisedResource,
    catalog: Catalog,
): { partition: string; because: string } | undefined {
    const props = decodedProviderProps(resource);
    const environment = readString(props, ["environment"]);
    const metadataHost = readString(props, ["metadataHost"]);
    if (environment.unknown || environment.opaque || metadataHost.value || metadataHost.unknown) return undefined;
    const provider = providerText(resource);
    if (environment.value) {
        const partition = ENVIRONMENT_PARTITIONS.get(environment.value.toLowerCase());
        const because = `${provider} deploys to environment '${environment.value}'`;
        return partition === undefined ? undefined : { partition, because };
    }
    // With no environment, a provider location only one cloud has (chinanorth3) says which cloud it works in.
    const location = readString(props, ["location"]);
    const place = location.value && !location.secret ? catalog.region("azure", location.value) : undefined;
    if (place) return { partition: place.partition, because: `${provider} has location '${location.value}'` };
    return { partition: "azure", because: `${provider} deploys to the public cloud, its default` };
}

function providerText(resource: NormalisedResource): string {
    const provider = resource.provider;
    if (!provider) return "the provider";
    return provider.name.startsWith("default")
        ? `the default ${provider.type.replace(/^pulumi:providers:/, "")} provider (stack config)`
        : `provider '${provider.name}'`;
}

/**
 * The paired region Azure copies to (geo-redundant storage, backups, Key Vault). Pairs that are one
 * way or cross a border (brazilsouth -> southcentralus) come from the catalog like any other.
 */
function addPairedRegion(
    r: AzureResource,
    role: LocationRole,
    why: string,
    path: string,
    keepsNoCopyIn?: PairedCopy["keepsNoCopyIn"],
): void {
    const { p, ctx, primary } = r;
    const copy = { role, why, path, keepsNoCopyIn };
    if (primary?.place) addPairOf(p, ctx, primary, copy);
    // Most resources leave their location to their resource group: the stack pass lends it, then places the
    // pair (settleAzure). Judged alone, the resource has nothing to say about it yet, as about its location.
    else if (p.references.some((ref) => ref.relation === "located-by"))
        PAIRS_AWAITING_LOCATION.set(p, [...(PAIRS_AWAITING_LOCATION.get(p) ?? []), copy]);
    else pairNotKnown(p, copy);
}

interface PairedCopy {
    role: LocationRole;
    why: string;
    path: string;
    /** Regions where the service keeps its copies inside the region instead. */
    keepsNoCopyIn?: (region: string) => boolean;
}

const PAIRS_AWAITING_LOCATION = new WeakMap<Placement, PairedCopy[]>();

/**
 * The stack pass has settled the resource's references: the paired-region copies that waited for the location
 * its resource group lends are placed now. A location known only as a set of possible places (a group outside
 * the stack) has no one pair, so those copies cannot be verified.
 */
export function settleAzure(p: Placement, ctx: LocateContext): void {
    const pending = PAIRS_AWAITING_LOCATION.get(p);
    if (!pending) return;
    PAIRS_AWAITING_LOCATION.delete(p);
    const primary = p.locations.find((l) => l.role === "primary" && l.cloud === "azure" && l.place && !l.possible);
    for (const copy of pending) {
        if (primary) addPairOf(p, ctx, primary, copy);
        else pairNotKnown(p, copy);
    }
}

/** Said once, and not at all when the location itself is what cannot be known (that is reported already). */
function pairNotKnown(p: Placement, { why, path }: PairedCopy): void {
    if (p.undetermined.some((u) => u.aspect === "location")) return;
    p.undetermined.push({
        aspect: "secondary-location",
        reason: "missing",
        path,
        detail: `${why} copies data to the paired region of the resource's location, which is not set on the resource: set 'location' so the pair can be checked`,
    });
}

function addPairOf(
    p: Placement,
    ctx: LocateContext,
    primary: Location,
    { role, why, path, keepsNoCopyIn }: PairedCopy,
): void {
    const region = primary.place!.region;
    if (keepsNoCopyIn?.(region)) return;
    const pair = ctx.catalog.azurePair(region);
    if (!pair) {
        p.undetermined.push({
            aspect: "secondary-location",
            reason: "unrecognised",
            path,
            detail: `${why} copies data to a secondary region, and clean-guard knows no paired region for ${primary.secret ? "the resource's location" : region}`,
        });
        return;
    }
    const oneWay = pair.oneWay ? ", a one-way pair" : "";
    const from = primary.secret ? "the resource's region" : region;
    addLocation(p, ctx, {
        cloud: "azure",
        name: pair.region,
        role,
        via: `paired region of ${from} (${why}${oneWay})${primary.fromStack ? `, its location from ${primary.via}` : ""}`,
        path,
        secret: primary.secret,
        ...(primary.fromStack ? { fromStack: true } : {}),
    });
}

/** An input that is there but unreadable (unknown during preview, secret ciphertext): recorded; true when it was. */
function pendingRead(
    r: AzureResource,
    read: { unknown: boolean; opaque: boolean; path: string },
    what: string,
): boolean {
    return unreadable(r.p, read, "secondary-location", what);
}

/** Each element of an array input names a location where a copy lives (Cosmos DB regions). */
/** Each element of a list of locations, at the top (`locations`) or nested (`["geoDataReplication", "locations"]`). */
export function locationsIn(
    array: string | readonly string[],
    key: string,
    role: LocationRole,
    why: string,
): AzureRule {
    const at = [array].flat();
    return ({ resource, p, ctx }) => {
        const list = readArray(resource.props, at);
        if (pendingRead({ resource, p, ctx }, list, `input '${list.path}'`)) return;
        (list.value ?? []).forEach((_, i) => {
            const read = readString(resource.props, [...at, i, key]);
            addReadLocation(
                p,
                ctx,
                read,
                { cloud: "azure", role, via: `${why} (${read.path})` },
                `input '${read.path}'`,
            );
        });
    };
}

/** A reference to another resource by ARM id or name: `copies-to` a partner, or `copy-of` a source. */
function referenceAt(
    r: AzureResource,
    path: ReadonlyArray<PathSegment>,
    relation: "copies-to" | "copy-of",
    role: LocationRole,
): void {
    const read = readString(r.resource.props, path);
    addReference(r.p, read, relation, role, `input '${read.path}'`);
}

/** Each element of an array input references a partner the data is copied to (SQL failover group). */
export function partnersIn(array: string, key: string, role: LocationRole): AzureRule {
    return (r) => {
        const list = readArray(r.resource.props, [array]);
        if (pendingRead(r, list, `input '${array}'`)) return;
        (list.value ?? []).forEach((_, i) => referenceAt(r, [array, i, key], "copies-to", role));
    };
}

/** Storage replication codes that keep a copy in the paired region (Azure Storage redundancy docs). */
const GEO_REPLICATION = new Set(["grs", "ragrs", "gzrs", "ragzrs"]);

/** A storage SKU (`Standard_RAGZRS`) or replication type (`RAGRS`) that copies to the paired region. */
export function geoReplicatedStorage(path: ReadonlyArray<PathSegment>): AzureRule {
    return (r) => {
        const read = readString(r.resource.props, path);
        if (pendingRead(r, read, `the replication setting '${read.path}'`)) return;
        const code = read.value?.split("_").pop()?.toLowerCase();
        if (code && GEO_REPLICATION.has(code)) {
            addPairedRegion(r, "failover", `geo-redundant storage ${read.secret ? "[secret]" : read.value}`, read.path);
        }
    };
}

/** A switch input that, when it has one of the given values, copies to the paired region. */
export function pairedWhen(
    path: ReadonlyArray<PathSegment>,
    on: (value: string | boolean) => boolean,
    role: LocationRole,
    why: string,
    byDefault = false,
): AzureRule {
    return (r) => {
        const raw = readPrimitive(r.resource.props, path);
        if (pendingRead(r, raw, `input '${raw.path}'`)) return;
        const enabled = raw.value === undefined ? byDefault : on(raw.value);
        if (enabled)
            addPairedRegion(
                r,
                role,
                raw.value === undefined ? `${why}, the default when '${raw.path}' is not set` : why,
                raw.path,
            );
    };
}

function readPrimitive(
    props: Props,
    path: ReadonlyArray<PathSegment>,
): { value?: string | boolean; unknown: boolean; opaque: boolean; path: string } {
    const read = readValue(props, path);
    return {
        ...read,
        value: typeof read.value === "string" || typeof read.value === "boolean" ? read.value : undefined,
    };
}

/**
 * Key Vault replicates to the paired region on its own, except in regions without a pair and in
 * brazilsouth and westus3, where it keeps zone-redundant copies in the region (Key Vault
 * availability and redundancy: learn.microsoft.com/azure/key-vault/general/disaster-recovery-guidance).
 */
const KEY_VAULT_IN_REGION_ONLY: ReadonlySet<string> = new Set(["brazilsouth", "westus3"]);

export const keyVaultReplication: AzureRule = (r) =>
    addPairedRegion(
        r,
        "failover",
        "Key Vault's automatic replication to the paired region",
        "location",
        (region) => KEY_VAULT_IN_REGION_ONLY.has(region) || !r.ctx.catalog.azurePair(region),
    );

/** A geo-DR pairing: on failover the namespace alias and its traffic move to the partner. */
export function partnerAt(key: string): AzureRule {
    return (r) => referenceAt(r, [key], "copies-to", "failover");
}

/** A replication that copies the data into the resource named by `key` (object replication's destination). */
export function replicaAt(key: string): AzureRule {
    return (r) => referenceAt(r, [key], "copies-to", "replica");
}

/** A replication whose data comes from the resource named by `key`: it carries that resource's classification. */
export function copyOfAt(key: string): AzureRule {
    return (r) => referenceAt(r, [key], "copy-of", "replica");
}

/**
 * Backup storage redundancy `Geo` or `GeoZone` (SQL Database, Cosmos DB periodic backups) keeps the backups in the
 * paired region as well (Azure SQL "Backup storage redundancy"; Cosmos DB "periodic backup storage redundancy").
 */
export function geoBackups(path: ReadonlyArray<PathSegment>): AzureRule {
    return pairedWhen(path, (v) => typeof v === "string" && /^geo/i.test(v), "backup", "geo-redundant backup storage");
}

/** A switch value test that ignores case: `Enabled`, `GeoRedundant`, or a boolean `true`. */
export function isOn(word: string): (value: string | boolean) => boolean {
    return (value) => value === true || (typeof value === "string" && value.toLowerCase() === word.toLowerCase());
}

/** A database or server created from another one (geo-secondary, copy, restore, replica). */
export function copyOfWhenCreatedFrom(sourceKeys: readonly string[]): AzureRule {
    return (r) => {
        for (const key of sourceKeys) referenceAt(r, [key], "copy-of", "replica");
    };
}

/** A PostgreSQL / MySQL flexible server: geo-redundant backups in the paired region, or a copy of a source server. */
export function flexibleServer(
    geoBackup: ReadonlyArray<PathSegment>,
    enabledWord: string,
    sourceKey: string,
): AzureRule {
    return allOf(
        pairedWhen(geoBackup, isOn(enabledWord), "backup", "geo-redundant backup"),
        copyOfWhenCreatedFrom([sourceKey]),
    );
}

/**
 * An Azure OpenAI / AI Foundry model deployment processes prompts where its deployment type (the SKU name) says:
 * in its account's region (already its primary location, through the account it names), anywhere in the
 * account's data zone, or anywhere in Azure. A type the catalog does not know, or none, cannot be judged.
 */
export function modelDeployment(path: ReadonlyArray<PathSegment>): AzureRule {
    return ({ resource, p, ctx }) => {
        const read = readString(resource.props, path);
        if (unreadable(p, read, "processing", "the deployment type (sku name)")) return;
        const at = {
            name: read.value ?? "",
            via: `deployment type (${read.path})`,
            path: read.path,
            secret: read.secret,
        };
        const written = read.secret ? "a secret deployment type" : `deployment type '${at.name}'`;
        const scope = read.value
            ? ctx.catalog.processingScope("azure", "deployment-type", read.value.toLowerCase().replace(/[\s_-]+/g, ""))
            : undefined;
        if (!scope) {
            const detail = read.value
                ? `${written} is not one clean-guard knows`
                : "the deployment states no type (sku name)";
            p.undetermined.push(...unknownSetting(at, detail).undetermined);
        } else if (scope.scope === "partition") {
            p.locations.push(inScope(scope, at));
        } else if (scope.scope === "data-zone") {
            p.dataZoneProcessing = { description: scope.description, written: at.name, via: at.via, path: at.path };
            if (read.secret) p.dataZoneProcessing.secret = true;
        }
    };
}

export function allOf(...rules: AzureRule[]): AzureRule {
    return (r) => {
        for (const rule of rules) rule(r);
    };
}
