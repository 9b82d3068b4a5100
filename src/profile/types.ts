// What an organisation decides, after loading and validation. Policies read this; they never read YAML.

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export type LookupMode = "off" | "auto" | "required";

export interface RegionRef {
    /** A cloud id (`aws`, `azure`, `gcp`, `alicloud`, ...) or `*` for any cloud. */
    cloud: string;
    region: string;
}

export interface StackDefault {
    /** Glob on the project name; absent means any. */
    project?: string;
    /** Glob on the stack name; absent means any. */
    stack?: string;
    /** A country code or jurisdiction group every resource of the stack is classified with. */
    residency: string;
}

export interface Exemption {
    /** Policy names (or `*`). */
    policies: string[];
    /** Globs on resource URNs; absent means any. */
    urns?: string[];
    /** Globs on type tokens; absent means any. */
    types?: string[];
    /** Globs on stack and project names; absent means any. */
    stacks?: string[];
    projects?: string[];
    reason: string;
    owner: string;
    ticket: string;
    /** ISO date (YYYY-MM-DD); the exemption stops at the end of that day (UTC). */
    expires: string;
    /** Where it was written (`org.yaml:23`), so reports of dead or expired exemptions point at it. */
    origin?: string;
}

export interface Profile {
    /** Where it came from, for messages: a file path or `built-in default`. */
    source: string;
    disallowed: {
        /** Untrusted vendor ids (see the catalog). */
        vendors: string[];
        /** ISO 3166-1 alpha-2 codes, upper case. */
        countries: string[];
        regions: RegionRef[];
        /** Partition or sovereign-cloud ids: `aws-cn`, `azure-china`. */
        partitions: string[];
    };
    /** Organisation-defined jurisdiction groups: name -> ISO codes (upper case). */
    jurisdictions: Record<string, string[]>;
    classification: {
        /** Tag or label keys that carry the residency classification. Default `data-residency`. */
        keys: string[];
        stackDefaults: StackDefault[];
        /** Stack tag (or config key) that classifies a whole stack. Default `data-residency`. */
        stackTag: string;
        /** Type-token globs of resources that must carry a classification. */
        requiredFor: string[];
        /** The level of "cannot verify" for a place the catalog cannot name, on an unclassified resource. */
        unknownPlaces: "advisory" | "mandatory";
    };
    /** Enforcement level per policy name, overriding each policy's default. */
    enforcement: Record<string, EnforcementLevel>;
    /** Policies that accept a tag-based exemption (`clean-guard-exempt` tag) on the resource. */
    tagExemptions: { tag: string; policies: string[] };
    lookups: {
        ec2: LookupMode;
        /** Per-call timeout in ms. */
        timeoutMs: number;
        /** Total time all lookups of one run may take, in ms. */
        budgetMs: number;
        /** Directory of the on-disk cache; empty string disables it. */
        cacheDir: string;
        /** Cache entry lifetime, in seconds. */
        cacheTtlSeconds: number;
    };
    exemptions: Exemption[];
}
