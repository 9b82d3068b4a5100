// EC2 machine-image lookups for a fleet of instances against moto_server: the calls made and the time,
// cold, then again with the disk cache the first run left (a second preview).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { evaluateResource } from "../src/engine/evaluate";
import { createEc2Lookups, type Ec2Lookups } from "../src/lookups/index";
import type { Profile } from "../src/profile/types";
import { startMoto, useFakeAws } from "../test/support/moto";
import { ec2Fleet, PROJECT, STACK, STACK_CONFIG } from "./generate";
import { benchOptions, normalised } from "./in-process";
import { nowMs } from "./stats";

export interface LookupRun {
    ms: number;
    calls: number;
    cacheHits: number;
    failures: number;
}

export interface Ec2Result {
    instances: number;
    distinctAmis: number;
    regions: number;
    /** The target: one DescribeImages call per region per 100 distinct AMIs. */
    callBound: number;
    cold: LookupRun;
    warm: LookupRun;
    violations: number;
}

const IN_FLIGHT = 8;

export async function measureEc2(instances: number, distinctAmis: number): Promise<Ec2Result> {
    const fleet = ec2Fleet(instances, distinctAmis);
    const work = mkdtempSync(path.join(tmpdir(), "clean-guard-bench-ec2-"));
    const amisPath = path.join(work, "amis.json");
    writeFileSync(amisPath, JSON.stringify(fleet.amis));
    const moto = await startMoto({ amisPath });
    const restoreEnv = useFakeAws(moto.endpoint);
    try {
        const settings: Profile["lookups"] = {
            ec2: "required",
            timeoutMs: 10_000,
            budgetMs: 120_000,
            cacheDir: path.join(work, "cache"),
            cacheTtlSeconds: 3600,
        };
        const resources = fleet.resources.map(normalised);
        const lookups = () => createEc2Lookups(settings, { log: () => undefined });
        const cold = await previewWith(resources, lookups());
        const warm = await previewWith(resources, lookups());
        const byRegion = new Map<string, Set<string>>();
        for (const r of resources) {
            const region = String(r.provider?.props.region ?? STACK_CONFIG["aws:region"]);
            byRegion.set(region, (byRegion.get(region) ?? new Set()).add(String(r.props.ami)));
        }
        const callBound = [...byRegion.values()].reduce((sum, amis) => sum + Math.ceil(amis.size / 100), 0);
        return {
            instances,
            distinctAmis,
            regions: byRegion.size,
            callBound,
            cold: cold.run,
            warm: warm.run,
            violations: cold.violations,
        };
    } finally {
        restoreEnv();
        await moto.stop();
        rmSync(work, { recursive: true, force: true });
    }
}

/** Every instance judged as the engine's Analyze calls judge them, 8 at a time. */
async function previewWith(
    resources: ReturnType<typeof normalised>[],
    lookups: Ec2Lookups,
): Promise<{ run: LookupRun; violations: number }> {
    const options = { ...benchOptions(), lookups };
    const stack = { project: PROJECT, stack: STACK, tags: new Map(), phase: "preview" as const };
    let next = 0;
    let violations = 0;
    const worker = async (): Promise<void> => {
        while (next < resources.length) {
            const { findings } = await evaluateResource(resources[next++], stack, options);
            violations += findings.filter((f) => f.kind === "violation").length;
        }
    };
    const start = nowMs();
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const ms = nowMs() - start;
    const stats = lookups.stats();
    const failures = Object.values(stats.failures).reduce((sum, n) => sum + (n ?? 0), 0);
    return { run: { ms, calls: stats.calls, cacheHits: stats.cacheHits, failures }, violations };
}
