// `clean-guard demo`: every bundled example program scanned, each with its verdict and findings, and
// checked against the findings it is meant to produce (`expected-findings.json`).

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import type { Finding } from "../model/finding";
import { isBlocking, summarise, summaryLine, type ReportMeta } from "../report/meta";
import { formatText } from "../report/text";
import { packageRoot } from "./package-info";
import { scan } from "./scan";
import { UsageError } from "./usage-error";

/** One line of an example's `expected-findings.json`. */
export interface ExpectedFinding {
    policy: string;
    /** The resource's name (or URN). */
    resource: string;
    /** `mandatory` (fails the run; also written `error`) or `advisory` (`warning`, `note`). */
    level: string;
}

export interface DemoOptions {
    examplesDir?: string;
    color: boolean;
    write: (text: string) => void;
}

/** Runs every example; true when each one's findings match its expectations. */
export async function runDemo(options: DemoOptions): Promise<boolean> {
    const dir = options.examplesDir ?? path.join(packageRoot(), "examples");
    const examples = await exampleDirs(dir);
    if (examples.length === 0) throw new UsageError(`${dir}: no example programs (directories with Pulumi.yaml)`);
    // Two at a time: each example runs its program in a child process.
    const reports = new Array<Promise<{ text: string; ok: boolean }>>(examples.length);
    const start = (i: number) => (reports[i] = demoOne(examples[i], options.color));
    for (let i = 0; i < Math.min(2, examples.length); i++) start(i);
    let allOk = true;
    for (let i = 0; i < examples.length; i++) {
        const { text, ok } = await reports[i];
        if (i + 2 < examples.length) start(i + 2);
        options.write(text);
        allOk &&= ok;
    }
    options.write(
        `${allOk ? "every example" : "NOT every example"} produced the findings it expects (${examples.length} examples)\n`,
    );
    return allOk;
}

async function exampleDirs(dir: string): Promise<string[]> {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => {
        throw new UsageError(`${dir}: no examples directory`);
    });
    const found: string[] = [];
    for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
        const project = path.join(dir, e.name, "Pulumi.yaml");
        if (
            await fs.stat(project).then(
                () => true,
                () => false,
            )
        )
            found.push(path.join(dir, e.name));
    }
    return found;
}

async function demoOne(dir: string, color: boolean): Promise<{ text: string; ok: boolean }> {
    const name = path.basename(dir);
    const heading = `== ${name}: ${await projectDescription(dir)}\n`;
    try {
        const { evaluation, meta } = await scan(dir, { kind: "program" });
        const expected = await expectedFindings(dir);
        const diff = expected && compare(expected, evaluation.findings, meta);
        const verdict = !expected
            ? `verdict: ${summaryLine(summarise(evaluation.findings, meta))} (no expected-findings.json to check against)`
            : diff!.length === 0
              ? `verdict: as expected: ${summaryLine(summarise(evaluation.findings, meta))}`
              : `verdict: NOT as expected:\n${diff!.map((d) => `  ${d}`).join("\n")}`;
        return {
            text: `${heading}${verdict}\n${formatText(evaluation, meta, { color })}\n`,
            ok: !diff || diff.length === 0,
        };
    } catch (e) {
        return { text: `${heading}verdict: could not scan: ${(e as Error).message}\n\n`, ok: false };
    }
}

async function projectDescription(dir: string): Promise<string> {
    const project = load(await fs.readFile(path.join(dir, "Pulumi.yaml"), "utf8")) as { description?: unknown };
    return typeof project?.description === "string" ? project.description : "(no description)";
}

async function expectedFindings(dir: string): Promise<ExpectedFinding[] | undefined> {
    const file = path.join(dir, "expected-findings.json");
    const text = await fs.readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) return undefined;
    const parsed: unknown = JSON.parse(text);
    const valid = (e: unknown): e is ExpectedFinding =>
        typeof e === "object" &&
        e !== null &&
        ["policy", "resource", "level"].every((k) => typeof (e as Record<string, unknown>)[k] === "string");
    if (!Array.isArray(parsed)) throw new UsageError(`${file}: expected an array of { policy, resource, level }`);
    parsed.forEach((e, i) => {
        if (!valid(e))
            throw new UsageError(
                `${file}: [${i}] expected { policy, resource, level } strings, found ${JSON.stringify(e)}`,
            );
    });
    return parsed as ExpectedFinding[];
}

const BLOCKING_LEVELS: ReadonlySet<string> = new Set(["mandatory", "error"]);

/** Differences as lines (`missing: ...`, `unexpected: ...`); a finding matches by policy, resource and level. */
export function compare(
    expected: readonly ExpectedFinding[],
    findings: readonly Finding[],
    meta: ReportMeta,
): string[] {
    const remaining = findings.map((f) => ({ f, level: isBlocking(f, meta) ? "mandatory" : "advisory" }));
    const missing: string[] = [];
    for (const e of expected) {
        const level = BLOCKING_LEVELS.has(e.level) ? "mandatory" : "advisory";
        const at = remaining.findIndex(
            (r) =>
                r.f.policy === e.policy &&
                r.level === level &&
                (r.f.resource.name === e.resource || r.f.resource.urn === e.resource),
        );
        if (at < 0) missing.push(`missing: ${e.policy} on '${e.resource}' (${e.level})`);
        else remaining.splice(at, 1);
    }
    return [
        ...missing,
        ...remaining.map((r) => `unexpected: ${r.f.policy} on '${r.f.resource.name}' (${r.level}): ${r.f.found}`),
    ];
}
