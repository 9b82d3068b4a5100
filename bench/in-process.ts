// In-process evaluation of the full policy set, one core: what the pack spends per resource and per stack
// once the engine's request is decoded, without gRPC around it.

import { defaultCatalog } from "../src/catalog/index";
import { evaluateResource, evaluateStack, type EvaluationOptions } from "../src/engine/evaluate";
import { scanInputs } from "../src/locate/core/scan";
import { emptyPlacement } from "../src/model/placement";
import type { StackContext } from "../src/model/resource";
import { allPolicies } from "../src/policies/index";
import { defaultProfile } from "../src/profile/load";
import { toNormalised, type EmulatedResource } from "../test/emulator/engine";
import { generateStack, PROJECT, STACK, STACK_CONFIG } from "./generate";
import { medianCost, type Cost } from "./stats";

export interface InProcessResult {
    resources: number;
    /** evaluateResource on every resource, one after the other, per second of CPU time. */
    resourcesPerSecond: number;
    /** The same per second of wall time (lower when the machine is busy). */
    resourcesPerWallSecond: number;
    /** CPU microseconds per resource in evaluateResource: constant when the cost grows linearly. */
    usPerResource: number;
    /** Of those, the host scan's: every input string of the resource and its provider read for hosts and images. */
    hostScanUsPerResource: number;
    evaluateStack: Cost;
    findings: number;
}

const STACK_CONTEXT: StackContext = {
    project: PROJECT,
    stack: STACK,
    tags: new Map(),
    config: new Map(Object.entries(STACK_CONFIG)),
    phase: "preview",
};

const WARM_UP = generateStack(2_000, 99).resources.map(toNormalised);
const WARM_UP_PASSES = 10;

export function benchOptions(): EvaluationOptions {
    const catalog = defaultCatalog();
    return { policies: allPolicies, profile: defaultProfile(catalog), catalog };
}

export async function measureInProcess(
    stack: readonly EmulatedResource[],
    repetitions: number,
): Promise<InProcessResult> {
    const resources = stack.map(toNormalised);
    const options = benchOptions();
    let findings = 0;
    // Untimed passes over another stack first, so that every size is measured with the JIT warm: otherwise
    // the smallest stack mostly measures compilation. Three passes were not enough: the first size measured
    // ran at half the speed of the same size measured again.
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
        for (const r of WARM_UP) await evaluateResource(r, STACK_CONTEXT, options);
    }
    const perResource = await medianCost(repetitions, async () => {
        for (const r of resources) await evaluateResource(r, STACK_CONTEXT, options);
    });
    const hostScan = await medianCost(repetitions, async () => {
        for (const r of resources) scanInputs(r, emptyPlacement(r, r.type), { catalog: options.catalog });
    });
    const evaluateStackCost = await medianCost(repetitions, async () => {
        findings = (await evaluateStack(resources, STACK_CONTEXT, options)).findings.length;
    });
    return {
        resources: resources.length,
        resourcesPerSecond: (resources.length / perResource.cpuMs) * 1000,
        resourcesPerWallSecond: (resources.length / perResource.wallMs) * 1000,
        usPerResource: (perResource.cpuMs * 1000) / resources.length,
        hostScanUsPerResource: (hostScan.cpuMs * 1000) / resources.length,
        evaluateStack: evaluateStackCost,
        findings,
    };
}
