// Runs the real Pulumi CLI (built by scripts/pulumi-cli.sh into .pulumi-cli/bin) on a Pulumi YAML program of
// test/pulumi/programs, offline: a file backend and a private PULUMI_HOME in a temporary directory, an empty
// passphrase, no plugin downloads, and stand-in providers (test/pulumi/standin) instead of real ones.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { parseUrn } from "../../src/model/resource";
import { REPO_ROOT } from "../emulator/engine";
import { sdkVersion } from "./standin/schema";

export const BIN = path.join(REPO_ROOT, ".pulumi-cli", "bin");
export const PULUMI = path.join(BIN, "pulumi");
export const PROGRAMS = path.join(REPO_ROOT, "test", "pulumi", "programs");
const PROVIDERS = path.join(REPO_ROOT, ".pulumi-cli", "providers");
const STANDIN = path.join(REPO_ROOT, "test", "pulumi", "standin", "provider.ts");

export type Level = "mandatory" | "advisory" | "remediate";

/** One policy event of the CLI's event log: what the user sees as a policy violation or remediation. */
export interface Finding {
    policy: string;
    /** The resource's name; a default provider's as a TypeScript program would name it (`default_7_48_0`). */
    resource: string;
    urn: string;
    type: string;
    level: Level;
    message: string;
}

export interface CliResult {
    code: number;
    /** stdout and stderr as the user's terminal shows them. */
    output: string;
    findings: Finding[];
    remediations: Remediation[];
}

/** A change a `remediate` policy made, as the engine applied and showed it. */
export interface Remediation {
    policy: string;
    resource: string;
    /** The resource's inputs after the change. */
    after: Record<string, unknown>;
}

/** Fails with what to run when the CLI or the pack is not built. */
export function assertBuilt(): void {
    if (!fs.existsSync(PULUMI)) throw new Error(`${PULUMI} is missing: run \`bash scripts/pulumi-cli.sh\` first`);
    if (!fs.existsSync(path.join(REPO_ROOT, "dist", "policy-pack", "index.js")))
        throw new Error("dist/policy-pack is missing: run `npm run build` first");
}

interface ProgramFile {
    variables?: Record<string, unknown>;
    resources?: Record<string, { type: string; options?: Record<string, unknown> }>;
    /** Resource options for every resource of the parts: what a component passes to its children. */
    partOptions?: Record<string, unknown>;
    plugins?: unknown;
}

/**
 * A program directory as one Pulumi YAML program: Pulumi.yaml with the variables and resources of the
 * directory's other .yaml files (Pulumi YAML reads one file; the twins share their platforms this way),
 * and a stand-in provider for each package the program uses. Pulumi.yaml's `partOptions`, the harness's
 * own key, go to every resource of the other files, as a component's options go to its children.
 */
export function assembleProgram(dir: string): ProgramFile {
    const { partOptions, ...program } = yaml.load(
        fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"),
    ) as ProgramFile;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml") && !f.startsWith("Pulumi."))) {
        const part = yaml.load(fs.readFileSync(path.join(dir, file), "utf8")) as ProgramFile;
        const resources = Object.entries(part.resources ?? {}).map(([name, r]) => [
            name,
            partOptions ? { ...r, options: { ...partOptions, ...r.options } } : r,
        ]);
        program.variables = { ...program.variables, ...part.variables };
        program.resources = { ...program.resources, ...Object.fromEntries(resources) };
    }
    const packages = new Set(
        Object.values(program.resources ?? {}).map(({ type }) =>
            type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0],
        ),
    );
    program.plugins = {
        providers: [...packages].sort().map((name) => ({ name, path: standinProvider(name) })),
    };
    return program;
}

/** The folder of the executable `pulumi-resource-<pkg>` the CLI starts for a package. */
function standinProvider(pkg: string): string {
    const dir = path.join(PROVIDERS, pkg);
    const exe = path.join(dir, `pulumi-resource-${pkg}`);
    const register = require.resolve("ts-node/register/transpile-only");
    // The CLI starts a plugin in a directory of its choosing: name the project's tsconfig for ts-node.
    const tsconfig = path.join(REPO_ROOT, "tsconfig.json");
    const script = `#!/bin/sh\nTS_NODE_PROJECT="${tsconfig}" exec "${process.execPath}" -r "${register}" "${STANDIN}" ${pkg} "$@"\n`;
    if (!fs.existsSync(exe) || fs.readFileSync(exe, "utf8") !== script) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(exe, script, { mode: 0o755 });
    }
    return dir;
}

export const EXAMPLES = path.join(REPO_ROOT, "examples");

export interface ExpectedFinding {
    policy: string;
    resource: string;
    type: string;
    level: Level;
}

/** A program of test/pulumi/programs with its stack and the findings its preview must show. */
export interface Program {
    name: string;
    /** The program's directory: Pulumi.yaml, the parts it includes and, if any, its previous version. */
    dir: string;
    /** The example in examples/ it is the twin of, if any: same resources, same config, same findings. */
    twinOf?: string;
    stack: string;
    config: Record<string, string>;
    /** Keys the stack file holds encrypted (`secure:`): the test sets its own secret value for each. */
    secretKeys: string[];
    expected: ExpectedFinding[];
    /**
     * The findings once `pulumi up` knows every value: expected-findings-up.json where they differ from the
     * preview's (a "cannot verify" resolved), the preview's otherwise.
     */
    expectedAtUp: ExpectedFinding[];
}

const readFindings = (file: string): ExpectedFinding[] =>
    JSON.parse(fs.readFileSync(file, "utf8")) as ExpectedFinding[];

export function programs(): Program[] {
    return fs
        .readdirSync(PROGRAMS)
        .sort()
        .map((name) => {
            const twin = fs.existsSync(path.join(EXAMPLES, name, "Pulumi.yaml")) ? name : undefined;
            // A twin takes its example's stack file and expected findings, so the two cannot drift apart.
            const home = twin ? path.join(EXAMPLES, twin) : path.join(PROGRAMS, name);
            const stackFile = fs.readdirSync(home).find((f) => /^Pulumi\.[^.]+\.yaml$/.test(f));
            if (!stackFile) throw new Error(`${home} has no Pulumi.<stack>.yaml`);
            const doc = yaml.load(fs.readFileSync(path.join(home, stackFile), "utf8")) as {
                config?: Record<string, string | { secure: string }>;
            };
            const entries = Object.entries(doc.config ?? {});
            const expected = readFindings(path.join(home, "expected-findings.json"));
            const atUp = path.join(home, "expected-findings-up.json");
            return {
                name,
                dir: path.join(PROGRAMS, name),
                twinOf: twin,
                stack: stackFile.split(".")[1],
                config: Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === "string")),
                secretKeys: entries.filter(([, v]) => typeof v !== "string").map(([k]) => k),
                expected,
                expectedAtUp: fs.existsSync(atUp) ? readFindings(atUp) : expected,
            };
        });
}

const key = (f: ExpectedFinding): string => `${f.policy} | ${f.resource} | ${f.type} | ${f.level}`;

/** What differs between the expected findings and the CLI's, one line each, with the message of an extra one. */
export function differences(expected: ExpectedFinding[], found: Finding[]): string[] {
    const left = expected.map(key);
    const extra: string[] = [];
    for (const f of found) {
        const i = left.indexOf(key(f));
        if (i >= 0) left.splice(i, 1);
        else extra.push(`extra:   ${key(f)}\n         ${f.message.split("\n").join("\n         ")}`);
    }
    return [...left.map((k) => `missing: ${k}`), ...extra];
}

/**
 * The value the tests give a secret stack config key: text found nowhere else, the same on every run so
 * that the captured fixtures can name it.
 */
export const secretValue = (key: string): string => `s3cr3t-${key.replace(/\W/g, "-")}-never-print-me`;

/**
 * The secrets of a program: a fresh value for each secret stack config key, and every `fn::secret` string
 * of the program with the host of a URL inside it. None may ever appear in what the CLI prints.
 */
export function secretsOf(program: Program): { config: Record<string, string>; texts: string[] } {
    const config = Object.fromEntries(program.secretKeys.map((k) => [k, secretValue(k)]));
    const texts = new Set(Object.values(config));
    const visit = (v: unknown, inSecret: boolean): void => {
        if (typeof v === "string" && inSecret) {
            texts.add(v);
            for (const m of v.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/"'\s:@]+)/gi)) texts.add(m[1]);
        } else if (Array.isArray(v)) v.forEach((x) => visit(x, inSecret));
        else if (v !== null && typeof v === "object")
            for (const [k, x] of Object.entries(v)) visit(x, inSecret || k === "fn::secret");
    };
    visit(assembleProgram(program.dir).resources, false);
    return { config, texts: [...texts] };
}

export interface StackOptions {
    /** Stack config over the program's own. */
    config?: Record<string, string>;
    /** Values for the program's secret config keys. */
    secrets?: Record<string, string>;
    /** Environment of every command, over the offline defaults (e.g. CLEAN_GUARD_PROFILE). */
    env?: Record<string, string>;
}

/** A program in its own temporary project directory, with its own backend, PULUMI_HOME and stack. */
export class Workspace {
    private constructor(
        readonly root: string,
        readonly projectDir: string,
        private readonly env: NodeJS.ProcessEnv,
    ) {}

    static async create(program: Program, options: StackOptions = {}): Promise<Workspace> {
        assertBuilt();
        const root = fs.mkdtempSync(path.join(os.tmpdir(), `clean-guard-cli-${program.name}-`));
        const projectDir = path.join(root, "project");
        fs.mkdirSync(projectDir);
        fs.mkdirSync(path.join(root, "state"));
        const previous = path.join(program.dir, "previous");
        const ws = new Workspace(root, projectDir, offlineEnv(root, options.env ?? {}));
        ws.write(fs.existsSync(previous) ? previous : program.dir);
        await ws.pulumiOk(["stack", "init", program.stack]);
        const pairs = [
            ...Object.entries({ ...program.config, ...options.config }).map(([k, v]) => ["--plaintext", `${k}=${v}`]),
            ...Object.entries(options.secrets ?? {}).map(([k, v]) => ["--secret", `${k}=${v}`]),
        ].flat();
        if (pairs.length > 0) await ws.pulumiOk(["config", "set-all", ...pairs]);
        // A program with a previous version runs over that version's stack, deployed without the pack.
        if (fs.existsSync(previous)) {
            await ws.pulumiOk(["up", "--yes", "--skip-preview", "--non-interactive"]);
            ws.write(program.dir);
        }
        return ws;
    }

    private write(programDir: string): void {
        fs.writeFileSync(
            path.join(this.projectDir, "Pulumi.yaml"),
            yaml.dump(assembleProgram(programDir), { lineWidth: -1 }),
        );
    }

    /** `pulumi preview` or `pulumi up --yes --skip-preview` with the pack, and what the user sees. */
    async run(command: "preview" | "up", args: string[] = []): Promise<CliResult> {
        const events = path.join(this.root, `events-${Date.now()}.jsonl`);
        const extra = command === "up" ? ["--yes", "--skip-preview"] : [];
        const { code, output } = await this.pulumi([
            command,
            "--policy-pack",
            REPO_ROOT,
            "--event-log",
            events,
            "--non-interactive",
            "--color",
            "never",
            ...extra,
            ...args,
        ]);
        const { findings, remediations } = readEvents(fs.existsSync(events) ? fs.readFileSync(events, "utf8") : "");
        return { code, output, findings, remediations };
    }

    /** The URNs of the stack's resources as the backend holds them. */
    async stateUrns(): Promise<string[]> {
        const { output } = await this.pulumiOk(["stack", "export"]);
        const state = JSON.parse(output) as { deployment: { resources?: Array<{ urn: string }> } };
        return (state.deployment.resources ?? []).map((r) => r.urn);
    }

    pulumi(args: string[]): Promise<{ code: number; output: string }> {
        return new Promise((resolve, reject) => {
            const child = spawn(PULUMI, args, { cwd: this.projectDir, env: this.env });
            const chunks: Buffer[] = [];
            child.stdout.on("data", (d: Buffer) => chunks.push(d));
            child.stderr.on("data", (d: Buffer) => chunks.push(d));
            child.on("error", reject);
            child.on("close", (code) => resolve({ code: code ?? -1, output: Buffer.concat(chunks).toString("utf8") }));
        });
    }

    async pulumiOk(args: string[]): Promise<{ code: number; output: string }> {
        const result = await this.pulumi(args);
        if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
        return result;
    }

    dispose(): void {
        fs.rmSync(this.root, { recursive: true, force: true });
    }
}

/**
 * The CLI offline and on its own: nothing from the caller's Pulumi, AWS or clean-guard settings leaks in,
 * so a developer's credentials cannot turn EC2 lookups on and change the findings.
 */
function offlineEnv(root: string, extra: Record<string, string>): NodeJS.ProcessEnv {
    const inherited = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !/^(PULUMI_|AWS_|CLEAN_GUARD_|XDG_CACHE_HOME$)/.test(k)),
    );
    return {
        ...inherited,
        PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ""}`,
        PULUMI_HOME: path.join(root, "home"),
        PULUMI_BACKEND_URL: `file://${path.join(root, "state")}`,
        PULUMI_CONFIG_PASSPHRASE: "",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        // Enables `--event-log`, the structured record of policy events (what the Automation API reads).
        PULUMI_DEBUG_COMMANDS: "true",
        XDG_CACHE_HOME: path.join(root, "cache"),
        ...extra,
    };
}

interface PolicyEvent {
    resourceUrn?: string;
    message: string;
    policyName: string;
    enforcementLevel: string;
}

interface RemediationEvent {
    resourceUrn?: string;
    policyName: string;
    after?: Record<string, unknown>;
}

/** A policy diagnostic, from the CLI's event log or the emulator, as the tests compare them. */
export function toFinding(d: { policyName: string; enforcementLevel: string; message: string; urn: string }): Finding {
    const urn = parseUrn(d.urn);
    return {
        policy: d.policyName,
        resource: urn ? defaultProviderName(urn.type, urn.name) : "",
        urn: d.urn,
        type: urn?.type ?? "",
        level: d.enforcementLevel as Level,
        message: d.message,
    };
}

function readEvents(log: string): { findings: Finding[]; remediations: Remediation[] } {
    const findings: Finding[] = [];
    const remediations: Remediation[] = [];
    for (const line of log.split("\n").filter((l) => l.trim() !== "")) {
        const event = JSON.parse(line) as { policyEvent?: PolicyEvent; policyRemediationEvent?: RemediationEvent };
        if (event.policyEvent)
            findings.push(toFinding({ ...event.policyEvent, urn: event.policyEvent.resourceUrn ?? "" }));
        const fix = event.policyRemediationEvent;
        if (fix) {
            const name = parseUrn(fix.resourceUrn ?? "")?.name ?? "";
            remediations.push({ policy: fix.policyName, resource: name, after: fix.after ?? {} });
        }
    }
    return { findings, remediations };
}

/**
 * Pulumi YAML sends no version for a provider plugin it finds by path, so the engine names the package's
 * default provider `default`; a program in TypeScript sends its SDK's version, and the engine names it
 * `default_7_48_0`. The stand-in is that SDK version: findings use the name a TypeScript program would see.
 */
export function defaultProviderName(type: string, name: string): string {
    const pkg = type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : undefined;
    return pkg && name === "default" ? `default_${sdkVersion(pkg).replace(/\./g, "_")}` : name;
}
