// Which jurisdictions a resource's data must stay in. A classification comes from the resource's own tag
// or label, from the stack (stack tag, stack config, the profile's stack defaults), or, in the stack pass,
// from the resources whose data this one holds a copy of. The data must stay inside all of them at once
// (their intersection): removing a resource's tag cannot widen the stack's rule, and a resource's own tag
// can only narrow it.

import type { Catalog } from "../catalog/types";
import type { Verdict } from "../model/finding";
import type { Location, Placement } from "../model/placement";
import type { StackContext } from "../model/resource";
import { SECRET_MASK } from "../model/values";
import { describeJurisdiction } from "../profile/jurisdiction";
import type { CompiledProfile } from "../profile/compile";
import type { Profile } from "../profile/types";
import type { JudgeContext } from "./define";

export interface Jurisdiction {
    /** The value as written, trimmed and lower case: `eu`, `de`, an organisation's group. */
    name: string;
    countries: ReadonlySet<string>;
    /** Where it was set, for messages: `tag 'data-residency'`, `stack tag 'data-residency'`. */
    from: string;
    /** The resource whose data this one holds a copy of, when the classification is inherited from it. */
    inheritedFrom?: string;
    /** This resource only moves the data it inherits this from (a replication rule): it keeps no copy itself. */
    carried?: boolean;
    /** Set by a secret tag: judged like any other, its value never shown. */
    secret?: boolean;
}

export interface Classification {
    /** Every jurisdiction that applies; the data must stay inside each one. */
    jurisdictions: Jurisdiction[];
    /** Values that name no jurisdiction, and resource tags reaching outside the stack's jurisdiction. */
    problems: Verdict[];
}

interface Written {
    value: string;
    from: string;
    secret?: boolean;
}

export function classificationOf(p: Placement, ctx: JudgeContext): Classification {
    const stack = stackClassification(ctx);
    const own = ownValues(p, ctx.profile);
    const problems = [...(holdsData(p) ? stack.problems : [])];
    const jurisdictions = [...stack.jurisdictions];
    for (const written of own) {
        const j = resolve(written, ctx);
        if (!j) {
            problems.push(unknownValue(written, ctx));
            continue;
        }
        for (const wider of stack.jurisdictions) {
            const outside = [...j.countries].filter((c) => !wider.countries.has(c));
            if (outside.length > 0) problems.push(widens(j, wider, outside, ctx));
        }
        jurisdictions.push(j);
    }
    return { jurisdictions: [...jurisdictions, ...inherited(p, ctx)], problems };
}

/** Resources that keep data somewhere: a stack-wide misconfiguration is reported on these only. */
function holdsData(p: Placement): boolean {
    return p.locations.length > 0 || p.undetermined.some((u) => u.aspect === "location");
}

function ownValues(p: Placement, profile: Profile): Written[] {
    const out: Written[] = [];
    for (const key of profile.classification.keys) {
        const hidden = p.secretTags?.[key];
        if (key in p.tags) out.push({ value: p.tags[key], from: `tag '${key}'` });
        else if (hidden !== undefined) out.push({ value: hidden, from: `secret tag '${key}'`, secret: true });
    }
    return out;
}

/** The key of the classification tag the resource carries itself, its value a secret or not. */
export function ownClassificationKey(p: Placement, profile: Profile): string | undefined {
    return profile.classification.keys.find((k) => k in p.tags || (p.secretTags !== undefined && k in p.secretTags));
}

function resolve(written: Written, { profile }: JudgeContext): Jurisdiction | undefined {
    const name = written.value.trim().toLowerCase();
    const countries = name === "" ? undefined : profile.rules.countriesOf(name);
    return countries && { name, countries, from: written.from, ...(written.secret ? { secret: true } : {}) };
}

/** `eu (27 countries)`, or the mask when a secret set it. */
function shown(j: Jurisdiction, { profile, catalog }: Pick<JudgeContext, "profile" | "catalog">): string {
    return j.secret ? SECRET_MASK : describeJurisdiction(j.name, profile, catalog);
}

/**
 * The classifications of the resources whose data this one holds a copy of or moves, and of their sources
 * in turn: the data keeps its classification wherever it flows.
 */
function inherited(p: Placement, ctx: JudgeContext): Jurisdiction[] {
    // Most resources copy nothing: asked by several policies of every resource, they answer at once.
    if (p.copyOf.length === 0 && p.carries.length === 0) return [];
    const out = new Map<string, Jurisdiction>();
    const direct = [
        ...p.copyOf.map((urn) => ({ urn, carried: false })),
        ...p.carries.map((urn) => ({ urn, carried: true })),
    ];
    for (const { urn, carried } of direct) {
        if (urn === p.resource.urn) continue;
        for (const j of heldData(urn, ctx)) {
            const key = `${j.inheritedFrom}\u0000${j.name}\u0000${j.from}`;
            if (!out.has(key)) out.set(key, { ...j, carried });
        }
    }
    return [...out.values()];
}

const heldDataMemo = new WeakMap<
    ReadonlyMap<string, Placement>,
    { profile: Profile; byUrn: Map<string, Jurisdiction[]> }
>();

/**
 * The classifications of the data a resource holds: its own tags, and those of every resource upstream of
 * it, one entry per jurisdiction (the nearest source that sets it). Computed once per resource per stack
 * pass, without recursion, so a chain of copies costs its length whatever its depth. A cycle of copies (two
 * buckets replicating to each other) ends where it began, and every member of it holds the data of all.
 */
function heldData(urn: string, ctx: JudgeContext): Jurisdiction[] {
    const placements = ctx.placements;
    if (!placements) return [];
    let memo = heldDataMemo.get(placements);
    // Stryker disable next-line ConditionalExpression: a memo; a miss computes the same again
    if (memo?.profile !== ctx.profile)
        heldDataMemo.set(placements, (memo = { profile: ctx.profile, byUrn: new Map() }));
    const done = memo.byUrn;
    const expanded = new Set<string>();
    const completed: Array<[string, Placement, string[]]> = [];
    // Stryker disable next-line BooleanLiteral: settling a walk without a cycle changes nothing; it only costs
    let cycle = false;
    const pending = [urn];
    while (pending.length > 0) {
        const u = pending[pending.length - 1];
        const p = placements.get(u);
        // A URN no placement has holds nothing: `done.get(x) ?? []` reads it so.
        if (done.has(u) || !p) {
            pending.pop();
            continue;
        }
        const upstream = [...p.copyOf, ...p.carries].filter((x) => x !== u);
        if (!expanded.has(u)) {
            expanded.add(u);
            for (const x of upstream) if (!done.has(x) && !expanded.has(x)) pending.push(x);
            continue;
        }
        pending.pop();
        // An upstream resource still open is further along a cycle: what it holds is known only once the
        // cycle is closed, so the walk's results are settled again below.
        // Stryker disable next-line BooleanLiteral: as for `cycle` above; the member a cycle was entered by closes last, with its upstream done
        cycle ||= upstream.some((x) => !done.has(x));
        completed.push([u, p, upstream]);
        done.set(u, heldAt(p, upstream, done, ctx));
    }
    // Each round can only add jurisdictions, of which there are few: the rounds end.
    for (let changed = cycle; changed;) {
        changed = false;
        for (const [u, p, upstream] of completed) {
            const held = heldAt(p, upstream, done, ctx);
            changed ||= held.length !== done.get(u)?.length;
            done.set(u, held);
        }
    }
    return done.get(urn) ?? [];
}

function heldAt(
    p: Placement,
    upstream: string[],
    done: Map<string, Jurisdiction[]>,
    ctx: JudgeContext,
): Jurisdiction[] {
    return nearestFirst([...ownJurisdictions(p, ctx), ...upstream.flatMap((x) => done.get(x) ?? [])]);
}

function ownJurisdictions(source: Placement, ctx: JudgeContext): Jurisdiction[] {
    const of = `its source ${source.resource.type} '${source.resource.name}'`;
    return ownValues(source, ctx.profile).flatMap((written) => {
        const j = resolve(written, ctx);
        return j ? [{ ...j, from: `${j.from} of ${of}`, inheritedFrom: source.resource.urn }] : [];
    });
}

function nearestFirst(jurisdictions: Jurisdiction[]): Jurisdiction[] {
    const seen = new Set<string>();
    return jurisdictions.filter((j) => !seen.has(j.name) && seen.add(j.name));
}

/** The jurisdictions the stack itself classifies all its data with (stack tag, stack config, profile). */
export function stackJurisdictions(ctx: JudgeContext): readonly Jurisdiction[] {
    return stackClassification(ctx).jurisdictions;
}

const stackMemo = new WeakMap<StackContext, { profile: Profile; value: Classification }>();

function stackClassification(ctx: JudgeContext): Classification {
    const memo = stackMemo.get(ctx.stack);
    // Stryker disable next-line ConditionalExpression: a memo; a miss computes the same again
    if (memo?.profile === ctx.profile) return memo.value;
    const value: Classification = { jurisdictions: [], problems: [] };
    for (const written of stackValues(ctx.stack, ctx.profile)) {
        const j = resolve(written, ctx);
        if (j) value.jurisdictions.push(j);
        else value.problems.push(unknownValue(written, ctx));
    }
    // Stryker disable next-line ObjectLiteral: a memo; an empty entry is a miss, and the classification is computed again, the same
    stackMemo.set(ctx.stack, { profile: ctx.profile, value });
    return value;
}

function stackValues(stack: StackContext, profile: CompiledProfile): Written[] {
    const key = profile.classification.stackTag;
    const out: Written[] = [];
    const tag = stack.tags.get(key);
    if (tag !== undefined) out.push({ value: tag, from: `stack tag '${key}'` });
    // Stryker disable next-line ArrayDeclaration: a key without a namespace (`ns:key`) names no config the engine sends
    for (const configKey of [...(stack.project ? [`${stack.project}:${key}`] : []), `clean-guard:${key}`]) {
        const value = stack.config?.get(configKey);
        if (value !== undefined) out.push({ value, from: `stack config '${configKey}'` });
    }
    profile.rules.stackDefaults.forEach((matches, i) => {
        if (matches(stack.project ?? "", stack.stack ?? "")) {
            out.push({
                value: profile.classification.stackDefaults[i].residency,
                from: `classification.stacks[${i}] of ${profile.source}`,
            });
        }
    });
    return out;
}

function unknownValue(written: Written, { profile, catalog }: JudgeContext): Verdict {
    const groups = [...catalog.jurisdictionGroups(), ...Object.keys(profile.jurisdictions)];
    return {
        kind: "violation",
        found: `${written.from} is ${written.secret ? SECRET_MASK : `'${written.value}'`}, which names no jurisdiction`,
        rule: `A data-residency classification must be a lower-case ISO 3166-1 country code (de, fr, ca, ...) or a group: ${groups.join(", ")}`,
        fix: `set ${written.from} to one of the accepted values, or define the group under 'jurisdictions' in the organisation's profile`,
    };
}

function widens(j: Jurisdiction, wider: Jurisdiction, outside: string[], ctx: JudgeContext): Verdict {
    const where = j.secret ? "" : ` (${outside.length > 3 ? `${outside.length} countries` : outside.join(", ")})`;
    return {
        kind: "violation",
        found: `${j.from} is ${shown(j, ctx)}, which reaches outside ${wider.from} ${shown(wider, ctx)}${where}`,
        rule: "A resource's own classification can only narrow its stack's, never widen it",
        fix: `tag the resource with a jurisdiction inside ${shown(wider, ctx)}, or remove its tag so the stack's applies`,
    };
}

/** Why data classified with each of `jurisdictions` may not be kept at `l`: one rule per jurisdiction broken. */
export function residencyRules(l: Location, jurisdictions: readonly Jurisdiction[], ctx: JudgeContext): string[] {
    return jurisdictions.flatMap((j) => {
        const reason = outsideJurisdiction(l, j, ctx.catalog);
        return reason
            ? [`Data classified ${shown(j, ctx)} by ${j.from} must stay in that jurisdiction: ${reason}`]
            : [];
    });
}

/**
 * Why data classified with `j` may not be kept at `l`, or undefined when it may. A control-plane location
 * (IAM, DNS zones) holds configuration, not the classified data; a location the catalog does not know is
 * left to its undetermined entry.
 */
function outsideJurisdiction(l: Location, j: Jurisdiction, catalog: Catalog): string | undefined {
    if (l.controlPlane) return undefined;
    if (l.scope === "global") return "the location is not pinned to any country";
    const outside = l.countries.filter((c) => !j.countries.has(c));
    if (outside.length === 0) return undefined;
    if (l.secret) return "the location is outside it";
    const names =
        outside.length > 3
            ? `${outside.length} countries outside it`
            : outside.map((c) => `${catalog.countryName(c) ?? c} (${c})`).join(", ");
    return l.scope === "multi-region" ? `the multi-region is not pinned: it spans ${names}` : `${names} is outside it`;
}
