// A short text report of what the catalog holds and which facts lack a source or rest on weaker material.

import type { Catalog, CatalogFact } from "./types";

export function catalogSummary(c: Catalog): string {
    const facts = c.facts?.() ?? [];
    const lines = ["Regions per cloud:"];
    for (const cloud of c.clouds()) {
        const places = c.regions(cloud);
        const partitions = new Set(places.map((p) => p.partition));
        const countries = new Set(places.map((p) => p.country));
        lines.push(
            `  ${cloud.padEnd(13)} ${String(places.length).padStart(3)} regions, ${partitions.size} partitions, ${countries.size} countries`,
        );
    }
    lines.push(`Countries: ${facts.filter((f) => f.kind === "country").length} ISO 3166-1 alpha-2 codes`);
    lines.push(
        `Jurisdiction groups: ${c
            .jurisdictionGroups()
            .map((g) => `${g} (${c.jurisdiction(g)?.size ?? 0})`)
            .join(", ")}`,
    );
    lines.push("Vendor identifiers:");
    for (const vendor of c.vendors()) {
        const counts = new Map<string, number>();
        for (const f of facts) {
            if (f.owner === vendor.id && f.kind !== "vendor" && f.kind !== "region")
                counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
        }
        const flags = [
            vendor.pillars.join("+") || "no pillar",
            vendor.defaultDisallowed === false ? "allowed by default" : "disallowed by default",
        ];
        const kinds = [...counts].map(([kind, n]) => `${kind} ${n}`).join(", ") || "none";
        lines.push(`  ${vendor.id.padEnd(13)} ${kinds} [${flags.join(", ")}]`);
    }
    lines.push(
        `False friends (never flagged): ${
            facts
                .filter((f) => f.kind === "false-friend")
                .map((f) => f.value)
                .join(", ") || "none"
        }`,
    );
    lines.push(
        listing(
            "Entries without a source",
            facts.filter((f) => !f.source),
        ),
    );
    lines.push(
        listing(
            "Unverified entries (third-party or inferred)",
            facts.filter((f) => !f.verified),
        ),
    );
    return lines.join("\n");
}

function listing(title: string, facts: CatalogFact[]): string {
    if (facts.length === 0) return `${title}: none`;
    return [
        `${title}: ${facts.length}`,
        ...facts.map((f) => `  ${f.kind} ${f.owner ? `${f.owner} ` : ""}${f.value}`),
    ].join("\n");
}
