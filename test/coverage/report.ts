// `npm run coverage`: how clean-guard treats each input of the installed provider SDKs that names a place or
// a copy, and each tags or labels map, with counts per provider. `--details` adds one row per table entry;
// `--unclassified` lists the inputs no entry classifies (the coverage test fails on each).

import Table from "cli-table3";
import { audit, loadTable, type Audit, type Verdict } from "./place-inputs";

const COLUMNS: ReadonlyArray<Verdict | "unclassified"> = ["read", "primary", "irrelevant", "unread", "unclassified"];

function kindOf(input: Audit["inputs"][number]): (typeof COLUMNS)[number] {
    return input.entry?.verdict ?? "unclassified";
}

function summary(audits: Audit[]): string {
    const table = new Table({ head: ["SDK", "version", "types", "inputs", ...COLUMNS] });
    for (const a of audits) {
        const counts = COLUMNS.map((c) => a.inputs.filter((i) => kindOf(i) === c).length);
        table.push([a.sdk, a.version, new Set(a.inputs.map((i) => i.type)).size, a.inputs.length, ...counts]);
    }
    return table.toString();
}

function details(audits: Audit[]): string {
    const entries = loadTable("entries");
    const table = new Table({ head: ["types", "inputs", "verdict", "rule or why", ...audits.map((a) => a.sdk)] });
    for (const entry of entries) {
        const counts = audits.map(
            (a) => a.inputs.filter((i) => (i.entry === undefined ? false : same(i.entry, entry))).length,
        );
        table.push([entry.types.join("\n"), entry.inputs.join("\n"), entry.verdict, entry.why, ...counts]);
    }
    return table.toString();
}

const same = (a: { types: string[]; inputs: string[] }, b: { types: string[]; inputs: string[] }) =>
    a.types.join() === b.types.join() && a.inputs.join() === b.inputs.join();

function unclassified(audits: Audit[]): string {
    return audits
        .flatMap((a) => [
            ...a.inputs.filter((i) => !i.entry).map((i) => `place  ${a.sdk} ${i.token} ${i.path}`),
            ...a.labels.filter((i) => !i.read && !i.entry).map((i) => `labels ${a.sdk} ${i.token} ${i.path}`),
        ])
        .join("\n");
}

function labelSummary(audits: Audit[]): string {
    const table = new Table({
        head: ["SDK", "tags and labels maps", "read", "irrelevant", "unread", "unclassified"],
    });
    for (const a of audits) {
        const l = a.labels;
        const other = l.filter((i) => !i.read);
        table.push([
            a.sdk,
            l.length,
            l.length - other.length,
            other.filter((i) => i.entry?.verdict === "irrelevant").length,
            other.filter((i) => i.entry?.verdict === "unread").length,
            other.filter((i) => !i.entry).length,
        ]);
    }
    return table.toString();
}

const audits = audit();
console.log(summary(audits));
console.log(labelSummary(audits));
if (process.argv.includes("--details")) console.log(details(audits));
if (process.argv.includes("--unclassified")) console.log(unclassified(audits));
