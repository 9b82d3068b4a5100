// EC2 machine-image lookups for a fleet of instances against moto_server: the calls made and the time,
// cold, then again with the disk cache the first run left (a second preview).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { evaluateResource, evaluateStack } from "../src/engine/evaluate";
import type { NormalisedResource } from "../src/model/resource";
import { createEc2Lookups, type Ec2Lookups } from "../src/lookups/index";
import type { Profile } from "../src/profile/types";
import { startMoto, useFakeAws } from "../test/support/moto";
import { ec2Fleet, PROJECT, STACK, STACK_CONFIG } from "./generate";
import { toNormalised } from "../test/emulator/engine";
import { benchOptions } from "./in-process";
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
    /** As the engine drives the pack: one Analyze per instance, 8 in flight. */
    analyze: { cold: LookupRun; warm: LookupRun };
    /** As the CLI judges a preview or state file: the whole stack at once (evaluateStack). */
    stackPass: { cold: LookupRun; warm: LookupRun };
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
        const settings: Omit<Profile["lookups"], "cacheDir"> = {
            ec2: "required",
            timeoutMs: 10_000,
            budgetMs: 120_000,
            cacheTtlSeconds: 3600,
        };
        const resources = fleet.resources.map(toNormalised);
        // Each flow starts from an empty disk cache; its second run is the next preview, cache warm.
        const runs = async (flow: Flow, cacheDir: string) => {
            const fresh = () => createEc2Lookups({ ...settings, cacheDir }, { log: () => undefined });
            const cold = await flow(resources, fresh());
            return { cold, warm: await flow(resources, fresh()) };
        };
        const analyze = await runs(viaAnalyze, path.join(work, "cache-analyze"));
        const stackPass = await runs(viaStackPass, path.join(work, "cache-stack"));
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
            analyze: { cold: analyze.cold.run, warm: analyze.warm.run },
            stackPass: { cold: stackPass.cold.run, warm: stackPass.warm.run },
            violations: analyze.cold.violations,
        };
    } finally {
        restoreEnv();
        await moto.stop();
        rmSync(work, { recursive: true, force: true });
    }
}

type Flow = (resources: NormalisedResource[], lookups: Ec2Lookups) => Promise<{ run: LookupRun; violations: number }>;

const STACK_CONTEXT = { project: PROJECT, stack: STACK, tags: new Map(), phase: "preview" as const };

/** Every instance judged as the engine's Analyze calls judge them, 8 at a time. */
const viaAnalyze: Flow = (resources, lookups) =>
    timed(lookups, async () => {
        const options = { ...benchOptions(), lookups };
        let next = 0;
        let violations = 0;
        const worker = async (): Promise<void> => {
            while (next < resources.length) {
                const { findings } = await evaluateResource(resources[next++], STACK_CONTEXT, options);
                violations += findings.filter((f) => f.kind === "violation").length;
            }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
        return violations;
    });

const viaStackPass: Flow = (resources, lookups) =>
    timed(lookups, async () => {
        const { findings } = await evaluateStack(resources, STACK_CONTEXT, { ...benchOptions(), lookups });
        return findings.filter((f) => f.kind === "violation").length;
    });

async function timed(
    lookups: Ec2Lookups,
    judge: () => Promise<number>,
): Promise<{ run: LookupRun; violations: number }> {
    const start = nowMs();
    const violations = await judge();
    const ms = nowMs() - start;
    const stats = lookups.stats();
    const failures = Object.values(stats.failures).reduce((sum, n) => sum + (n ?? 0), 0);
    return { run: { ms, calls: stats.calls, cacheHits: stats.cacheHits, failures }, violations };
}
