// `npm run bench -- --profile`: clean-guard under V8's CPU profiler (what `node --cpu-prof` runs) while it
// serves the bench's Analyze load, and the profile's top frames by self and by total time over that load only
// (start-up left out).
//
// The engine (and the emulator) starts the pack itself and ends it with SIGTERM, which run-policy-pack does
// not handle, and Node refuses --cpu-prof in NODE_OPTIONS. So a preload module, in the profiled process
// only, starts the profiler through node:inspector and writes the profile when SIGTERM arrives: the pack
// itself runs as the engine runs it.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EngineEmulator, REPO_ROOT, type EmulatedResource } from "../test/emulator/engine";
import { measurePreview, packPid } from "./grpc";
import type { PackUnderTest } from "./packs";
import { load, progress } from "./stats";

export interface Frame {
    /** `function file:line`, the file relative to the repository. */
    frame: string;
    /** Share of the load's samples, in percent. */
    percent: number;
}

export interface ProfileSummary {
    /** The .cpuprofile, to open in Chrome DevTools or speedscope. */
    file: string;
    samples: number;
    load: number;
    analyzePerSecond: number;
    self: Frame[];
    total: Frame[];
    /** The pack's own code (dist/src) by total time: where its share of the request goes. */
    own: Frame[];
}

interface CpuProfile {
    nodes: {
        id: number;
        callFrame: { functionName: string; url: string; lineNumber: number };
        hitCount?: number;
        children?: number[];
    }[];
    startTime: number;
    samples: number[];
    timeDeltas: number[];
}

const TOP = 25;

/**
 * `rounds` previews of the stack (Analyze of every resource, then AnalyzeStack); or, with `stackOnly`,
 * AnalyzeStack alone, to see where a large stack's time goes.
 */
export async function profilePack(
    pack: PackUnderTest,
    stack: readonly EmulatedResource[],
    rounds: number,
    stackOnly = false,
): Promise<ProfileSummary> {
    const dir = mkdtempSync(path.join(tmpdir(), "clean-guard-bench-profile-"));
    const preload = path.join(dir, "profile-until-sigterm.js");
    writeFileSync(preload, profilerPreload(path.join(dir, "pack.cpuprofile")));
    const engine = await EngineEmulator.start({
        ...pack.start,
        env: { ...pack.start.env, NODE_OPTIONS: `--require ${preload}` },
    });
    let window: [number, number];
    let analyzePerSecond = 0;
    try {
        const pid = packPid(pack.packDir);
        window = [microseconds(), 0];
        const request = stackOnly ? engine.encodeStack([...stack]) : undefined;
        for (let round = 0; round < rounds; round++) {
            progress(`profiling ${pack.name}, round ${round + 1}/${rounds}: ${stack.length} resources`);
            if (request) await engine.analyzeStack(request);
            else analyzePerSecond = (await measurePreview(engine, pid, stack)).analyzePerSecond;
        }
        window[1] = microseconds();
    } finally {
        await engine.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error(`${pack.name} wrote no CPU profile in ${dir}`);
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    return { file: path.join(dir, file), load: load(), analyzePerSecond, ...topFrames(profile, window) };
}

function profilerPreload(file: string): string {
    return `const { Session } = require("node:inspector");
const { writeFileSync } = require("node:fs");
const session = new Session();
session.connect();
// Every 200 microseconds, not V8's default millisecond: a request's work is spread over many small frames.
session.post("Profiler.enable", () =>
    session.post("Profiler.setSamplingInterval", { interval: 200 }, () => session.post("Profiler.start")),
);
process.once("SIGTERM", () =>
    session.post("Profiler.stop", (err, result) => {
        if (!err) writeFileSync(${JSON.stringify(file)}, JSON.stringify(result.profile));
        process.exit(0);
    }),
);
`;
}

/** Both V8's sample times and process.hrtime read the monotonic clock, so the load's window can be cut out. */
function microseconds(): number {
    return Number(process.hrtime.bigint() / 1000n);
}

function topFrames(
    profile: CpuProfile,
    [from, to]: [number, number],
): Pick<ProfileSummary, "samples" | "self" | "total" | "own"> {
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    let samples = 0;
    let time = profile.startTime;
    profile.samples.forEach((id, i) => {
        time += profile.timeDeltas[i];
        const leaf = frameName(byId.get(id)!);
        // Idle time is the machine's, not the pack's: shares are of the time the pack was busy.
        if (time < from || time > to || leaf === "(idle)") return;
        samples++;
        self.set(leaf, (self.get(leaf) ?? 0) + 1);
        // A frame on the stack more than once (recursion) counts once towards its total.
        const onStack = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
            const node = byId.get(n)!;
            if (!isPlumbing(node)) onStack.add(frameName(node));
        }
        for (const f of onStack) total.set(f, (total.get(f) ?? 0) + 1);
    });
    const top = (counts: Map<string, number>): Frame[] =>
        [...counts]
            .sort((a, b) => b[1] - a[1])
            .slice(0, TOP)
            .map(([frame, n]) => ({ frame, percent: (n / samples) * 100 }));
    const own = new Map([...total].filter(([f]) => / dist\/src\//.test(f)));
    return { samples, self: top(self), total: top(total), own: top(own) };
}

/** Node's own event loop and stream frames, under which everything runs: they fill a total-time list and say nothing. */
function isPlumbing(node: CpuProfile["nodes"][number]): boolean {
    const { url, functionName } = node.callFrame;
    return url === "" ? functionName !== "(garbage collector)" : url.startsWith("node:");
}

function frameName(node: CpuProfile["nodes"][number]): string {
    const { functionName, url, lineNumber } = node.callFrame;
    if (!url) return functionName || "(anonymous)";
    const file = url.startsWith("file://") ? url.slice("file://".length) : url;
    const shown = file.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, file) : file;
    return `${functionName || "(anonymous)"} ${shown}:${lineNumber + 1}`;
}

export function printProfile(summary: ProfileSummary): void {
    const lines = [
        summary.analyzePerSecond
            ? `CPU profile of the pack over the Analyze load: ${summary.samples} samples, ${Math.round(summary.analyzePerSecond)} Analyze/s under profiling, load ${summary.load}`
            : `CPU profile of the pack over AnalyzeStack alone: ${summary.samples} samples, load ${summary.load}`,
        `(${summary.file})`,
    ];
    for (const [title, frames] of [
        ["self", summary.self],
        ["total", summary.total],
        ["total, clean-guard's own code", summary.own],
    ] as const) {
        lines.push(`top frames by ${title} time:`);
        for (const f of frames) lines.push(`  ${f.percent.toFixed(1).padStart(5)}%  ${f.frame}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
}
