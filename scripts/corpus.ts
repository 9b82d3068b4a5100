// Runs a corpus of real public Pulumi TypeScript programs (pulumi/examples and others, checked out outside this
// repository) through `clean-guard scan` under Pulumi's mocks, twice each: as written in an allowed region, and
// moved to a mainland-China region. The programs are other people's code and are not committed; what each one
// teaches becomes a test of our own. Usage (after `npm run build`):
//
//   node -r ts-node/register/transpile-only scripts/corpus.ts <dir holding program dirs> [name filter]
//
// The programs import @pulumi/aws etc. from the directory above them: link this repository's node_modules there
// (`ln -s <repo>/node_modules <dir>/../node_modules` or `<dir>/node_modules`). Each run writes two stack files,
// Pulumi.corpus-allowed.yaml and Pulumi.corpus-china.yaml, into the program's directory.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

const CLI = path.resolve(__dirname, "..", "dist", "src", "cli", "main.js");

/** The stack config that places each package's resources, per variant. Google Cloud has no mainland-China region. */
const PLACES: Record<string, { allowed: Record<string, string>; china?: Record<string, string> }> = {
    "@pulumi/aws": { allowed: { "aws:region": "eu-west-1" }, china: { "aws:region": "cn-north-1" } },
    "@pulumi/azure-native": {
        allowed: { "azure-native:location": "westeurope" },
        china: { "azure-native:location": "chinanorth3" },
    },
    "@pulumi/azure": { allowed: { "azure:location": "westeurope" }, china: { "azure:location": "chinaeast2" } },
    "@pulumi/gcp": {
        allowed: { "gcp:project": "corpus-project", "gcp:region": "europe-west1", "gcp:zone": "europe-west1-b" },
    },
};

/** A plausible value for a config key the program requires, by the accessor it reads it with. */
function dummy(accessor: string, key: string, variant: "allowed" | "china", places: Record<string, string>): string {
    if (/number|integer/i.test(accessor)) return "2";
    if (/boolean/i.test(accessor)) return "false";
    if (/object/i.test(accessor)) return "{}";
    if (/region|location/i.test(key)) {
        const place = Object.entries(places).find(([k]) => /region|location/.test(k));
        if (place) return place[1];
        return variant === "china" ? "cn-north-1" : "eu-west-1";
    }
    if (/cidr/i.test(key)) return "10.0.0.0/16";
    if (/port/i.test(key)) return "8080";
    return `corpus-${key.toLowerCase().replace(/[^a-z0-9]/g, "")}-1A`;
}

interface Variant {
    ran: boolean;
    error?: string;
    resources: number;
    blocking: number;
    /** Blocking findings on resources, the provider instances left out. */
    blockingResources: number;
    unverified: number;
    messages: string[];
}

function sources(dir: string): string {
    const out: string[] = [];
    const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            if (e.name === "node_modules" || e.name.startsWith(".")) continue;
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (/\.(ts|js)$/.test(e.name)) out.push(fs.readFileSync(p, "utf8"));
        }
    };
    walk(dir);
    return out.join("\n");
}

function stackConfig(dir: string, variant: "allowed" | "china", pkgs: string[]): Record<string, string> {
    const places: Record<string, string> = {};
    for (const pkg of pkgs) Object.assign(places, PLACES[pkg]?.[variant] ?? PLACES[pkg]?.allowed ?? {});
    const config: Record<string, string> = { ...places };
    const code = sources(dir);
    for (const m of code.matchAll(
        /\.(require(?:Secret)?(?:Number|Boolean|Object)?)(?:<[^>]*>)?\(\s*["'`]([\w:-]+)["'`]/g,
    )) {
        const [, accessor, key] = m;
        if (!(key in config)) config[key] = dummy(accessor, key, variant, places);
    }
    const project = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
    const declared = (project.config ?? {}) as Record<string, unknown>;
    for (const [key, spec] of Object.entries(declared)) {
        // A plain value (or list) in Pulumi.yaml is the project's value for every stack, not a declaration.
        const hasDefault =
            typeof spec !== "object" || spec === null || Array.isArray(spec) || "default" in spec || "value" in spec;
        if (!hasDefault && !(key in config))
            config[key] = dummy(typeof spec === "object" ? JSON.stringify(spec) : "", key, variant, places);
    }
    return config;
}

function scan(dir: string, stack: string): Variant {
    const run = spawnSync(process.execPath, [CLI, "scan", dir, "--stack", stack, "--format", "json"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        timeout: 180_000,
    });
    if (run.status !== 0 && run.status !== 1) {
        const why = `${run.stderr}`.replace(/\s+/g, " ").trim();
        return {
            ran: false,
            error: why.slice(0, 400),
            resources: 0,
            blocking: 0,
            blockingResources: 0,
            unverified: 0,
            messages: [],
        };
    }
    const report = JSON.parse(run.stdout) as {
        summary: { resources: number; blocking: number; unverified: number };
        findings: { advisory: boolean; kind: string; message: string; resource: { type: string } }[];
    };
    const blocking = report.findings.filter((f) => !f.advisory);
    return {
        ran: true,
        resources: report.summary.resources,
        blocking: report.summary.blocking,
        blockingResources: blocking.filter((f) => !f.resource.type.startsWith("pulumi:providers:")).length,
        unverified: report.summary.unverified,
        messages: report.findings.map((f) => `${f.advisory ? "note" : "BLOCK"} ${f.message}`),
    };
}

function main(): void {
    const [root, filter] = process.argv.slice(2);
    if (!root) throw new Error("usage: corpus.ts <dir holding program dirs> [name filter]");
    const rows: string[][] = [["program", "packages", "resources", "allowed: blocking/notes", "china: rejected"]];
    const details: string[] = [];
    for (const name of fs.readdirSync(root).sort()) {
        const dir = path.resolve(root, name);
        if (filter && !name.includes(filter)) continue;
        if (!fs.existsSync(path.join(dir, "Pulumi.yaml")) || !fs.existsSync(path.join(dir, "package.json"))) continue;
        const deps = Object.keys(
            (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies?: object })
                .dependencies ?? {},
        );
        const pkgs = deps.filter((d) => d in PLACES);
        const variants: Record<string, Variant> = {};
        for (const variant of ["allowed", "china"] as const) {
            if (variant === "china" && !pkgs.some((p) => PLACES[p].china)) continue;
            const stack = `corpus-${variant}`;
            fs.writeFileSync(
                path.join(dir, `Pulumi.${stack}.yaml`),
                yaml.dump({ config: stackConfig(dir, variant, pkgs) }),
            );
            variants[variant] = scan(dir, stack);
        }
        const { allowed, china } = variants;
        const chinaCell = !china
            ? "n/a (no China region)"
            : !china.ran
              ? "did not run"
              : china.blocking > 0
                ? `yes (${china.blockingResources} on resources)`
                : "NO";
        rows.push([
            name,
            pkgs.map((p) => p.replace("@pulumi/", "")).join(",") || "-",
            allowed.ran ? String(allowed.resources) : "-",
            allowed.ran ? `${allowed.blocking}/${allowed.unverified}` : `did not run`,
            chinaCell,
        ]);
        if (!allowed.ran) details.push(`${name}: ${allowed.error}`);
        else if (allowed.blocking > 0 || allowed.unverified > 0)
            details.push(`${name} (allowed):\n  ${allowed.messages.join("\n  ")}`);
        if (china?.ran && china.blocking === 0)
            details.push(`${name} (china, not rejected):\n  ${china.messages.join("\n  ")}`);
    }
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log(`\n${details.join("\n\n")}`);
}

main();
