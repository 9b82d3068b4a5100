// A Pulumi TypeScript program run under Pulumi's mocks, without the Pulumi CLI or cloud credentials:
// what the engine would receive during a preview, as NormalisedResources. The program runs in a child
// process (see program-child.ts); this side reads Pulumi.yaml and the stack file, passes the stack's
// config the way the language host does, and fills in default providers the way the engine does.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import {
    isProviderType,
    packageOf,
    type NormalisedResource,
    type ProviderInfo,
    type StackContext,
} from "../model/resource";
import { isRecord, Secret, type Props, type Value } from "../model/values";
import { decodeProps, PREVIEW_SECRET_PLACEHOLDER } from "../normalise/wire";
import { InputError } from "./input-error";
import { normalisedResource, providerInfo, providerUrnOf, withDefaultProviders } from "./resource-state";
import type { CapturedRegistration, ChildRequest } from "./program-child";

export interface RunProgramOptions {
    /** The stack whose `Pulumi.<stack>.yaml` to use; needed only when the directory holds several. */
    stack?: string;
    /** How long the program may run, in milliseconds (default two minutes). */
    timeoutMs?: number;
}

const CHILD_ENTRY = path.join(__dirname, `program-child${path.extname(__filename)}`);
const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

/** ts-node compiles the program; it is needed only here, so its absence is reported here. */
function tsNodeRegister(): string {
    try {
        return require.resolve("ts-node/register/transpile-only");
    } catch {
        throw new InputError(
            "running a Pulumi TypeScript program needs the ts-node package: npm install --save-dev ts-node",
        );
    }
}

/** One stack config entry, its key fully qualified (`aws:region`, `<project>:<key>`). */
interface ConfigEntry {
    key: string;
    /** As the engine hands it to the program: strings as they are, anything else as JSON text. */
    text: string;
    secure: boolean;
}

interface ProgramProject {
    name: string;
    entry: string;
}

export interface ProgramRun {
    resources: NormalisedResource[];
    stack: StackContext;
    /** The stack config as the engine hands it to the program and to policy packs: fully-qualified keys. */
    config: { values: Record<string, string>; secretKeys: string[] };
}

export async function runProgram(dir: string, opts: RunProgramOptions = {}): Promise<ProgramRun> {
    const root = path.resolve(dir);
    const project = readProject(root);
    const { stack, config } = readStack(root, project.name, opts.stack);
    const stackConfig = {
        values: Object.fromEntries(config.map((c) => [c.key, c.text])),
        secretKeys: config.filter((c) => c.secure).map((c) => c.key),
    };
    const registrations = await runChild(
        { entry: project.entry, project: project.name, stack },
        stackConfig,
        tsNodeEnv(root),
        root,
        opts.timeoutMs ?? 120_000,
    );
    return {
        resources: normalise(
            registrations,
            defaultProviders(config, stack, project.name),
            new Set(config.map((c) => c.key.split(":")[0])),
        ),
        stack: {
            project: project.name,
            stack,
            tags: new Map([
                ["pulumi:project", project.name],
                ["pulumi:stack", stack],
            ]),
            phase: "preview",
        },
        config: stackConfig,
    };
}

function readProject(root: string): ProgramProject {
    const file = PROJECT_FILES.map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
    if (!file) throw new InputError(`${root}: no Pulumi.yaml, so not a Pulumi project directory`);
    const doc = loadYaml(file);
    if (typeof doc.name !== "string" || doc.name === "") {
        throw new InputError(`${file}: key 'name' expected the project name, found ${JSON.stringify(doc.name)}`);
    }
    const runtime = isRecord(doc.runtime as Value) ? (doc.runtime as Record<string, unknown>).name : doc.runtime;
    if (runtime !== "nodejs") {
        throw new InputError(`${file}: key 'runtime' expected nodejs, found ${JSON.stringify(runtime)}`);
    }
    if (doc.main !== undefined && typeof doc.main !== "string") {
        throw new InputError(`${file}: key 'main' expected a path, found ${JSON.stringify(doc.main)}`);
    }
    return { name: doc.name, entry: path.resolve(root, doc.main ?? ".") };
}

function readStack(root: string, project: string, wanted?: string): { stack: string; config: ConfigEntry[] } {
    const stacks = fs
        .readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined);
    const stack = wanted ?? (stacks.length === 1 ? stacks[0] : undefined);
    if (stack === undefined) {
        const found = stacks.length === 0 ? "none" : stacks.map((s) => `Pulumi.${s}.yaml`).join(", ");
        throw new InputError(`${root}: expected exactly one Pulumi.<stack>.yaml or a stack name, found ${found}`);
    }
    const file = path.join(root, `Pulumi.${stack}.yaml`);
    if (!stacks.includes(stack)) throw new InputError(`${file}: stack file not found for stack '${stack}'`);
    const config = loadYaml(file).config ?? {};
    if (!isRecord(config as Value))
        throw new InputError(`${file}: key 'config' expected a map, found ${JSON.stringify(config)}`);
    return {
        stack,
        config: Object.entries(config as Record<string, unknown>).map(([key, value]) =>
            configEntry(project, key, value),
        ),
    };
}

function configEntry(project: string, key: string, value: unknown): ConfigEntry {
    const qualified = key.includes(":") ? key : `${project}:${key}`;
    if (isRecord(value as Value) && typeof (value as Record<string, unknown>).secure === "string") {
        // The ciphertext cannot be opened here: the program sees a placeholder it cannot mistake for data.
        return { key: qualified, text: PREVIEW_SECRET_PLACEHOLDER, secure: true };
    }
    return { key: qualified, text: typeof value === "string" ? value : JSON.stringify(value), secure: false };
}

function loadYaml(file: string): Record<string, unknown> {
    let doc: unknown;
    try {
        doc = yaml.load(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new InputError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!isRecord(doc as Value))
        throw new InputError(`${file}: expected a YAML map at the top, found ${JSON.stringify(doc)}`);
    return doc as Record<string, unknown>;
}

/** The program's own tsconfig.json if it has one; otherwise a plain CommonJS setup, as `pulumi` uses. */
function tsNodeEnv(root: string): Record<string, string> {
    const own = path.join(root, "tsconfig.json");
    // Pulumi's language host loads programs as CommonJS whatever the tsconfig says; CommonJS output rejects a
    // tsconfig's NodeNext module resolution (TS5110), so the resolution is forced to match.
    const forced = { module: "commonjs", moduleResolution: "node10" };
    if (fs.existsSync(own)) return { TS_NODE_PROJECT: own, TS_NODE_COMPILER_OPTIONS: JSON.stringify(forced) };
    return {
        TS_NODE_SKIP_PROJECT: "true",
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ ...forced, target: "es2020", esModuleInterop: true }),
    };
}

function runChild(
    request: ChildRequest,
    config: ProgramRun["config"],
    tsNode: Record<string, string>,
    root: string,
    timeoutMs: number,
): Promise<CapturedRegistration[]> {
    const env = {
        ...process.env,
        ...tsNode,
        PROGRAM_RUN: JSON.stringify(request),
        PULUMI_CONFIG: JSON.stringify(config.values),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(config.secretKeys),
    };
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["-r", tsNodeRegister(), CHILD_ENTRY], {
            // The language host runs a program in its project directory: programs read files relative to it.
            cwd: root,
            env,
            stdio: ["ignore", "pipe", "pipe"],
            timeout: timeoutMs,
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on("data", (b: Buffer) => out.push(b));
        child.stderr.on("data", (b: Buffer) => err.push(b));
        child.on("error", reject);
        child.on("close", (code, signal) => {
            const log = Buffer.concat(err).toString("utf8").trim();
            if (code !== 0) {
                const why = signal ? `was stopped (${signal}) after ${timeoutMs} ms` : `failed (exit ${code})`;
                reject(new InputError(`${request.entry}: the Pulumi program ${why}:\n${log}`));
                return;
            }
            try {
                resolve(JSON.parse(Buffer.concat(out).toString("utf8")) as CapturedRegistration[]);
            } catch (e) {
                reject(
                    new InputError(`${request.entry}: unreadable result from the program run: ${String(e)}\n${log}`),
                );
            }
        });
    });
}

/**
 * One default provider per package and version, named and configured as the engine does it:
 * `default_7_48_0` (plain `default` when the SDK sends no version).
 */
function defaultProviders(
    config: ConfigEntry[],
    stack: string,
    project: string,
): (pkg: string, version: string) => ProviderInfo {
    const made = new Map<string, ProviderInfo>();
    return (pkg, version) => {
        const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
        const urn = `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::${name}`;
        const known = made.get(urn);
        if (known) return known;
        const prefix = `${pkg}:`;
        const props: Props = {};
        for (const c of config) {
            if (!c.key.startsWith(prefix)) continue;
            props[c.key.slice(prefix.length)] = c.secure ? new Secret(undefined) : c.text;
        }
        const info = providerInfo(urn, props);
        made.set(urn, info);
        return info;
    };
}

/**
 * Mocks never run a multi-language component's provider, so the children it would build (an awsx VPC's subnets, an
 * EKS cluster's nodes) are not there to be judged: the component stands for them, placed by the provider they would
 * be built with. That is the one the program passed it for a package its SDK depends on, else that package's default
 * provider when the stack configures it (`aws:region`). A component whose packages have neither stays unplaced.
 */
function builderOf(
    remote: NonNullable<CapturedRegistration["remote"]>,
    explicit: ReadonlyMap<string, ProviderInfo>,
    defaultProvider: (pkg: string, version: string) => ProviderInfo,
    configured: ReadonlySet<string>,
): ProviderInfo | undefined {
    for (const pkg of remote.builtOn) {
        const passed = remote.providers[pkg];
        if (passed) return explicit.get(providerUrnOf(passed));
    }
    const pkg = remote.builtOn.find((name) => configured.has(name));
    return pkg === undefined ? undefined : defaultProvider(pkg, "");
}

function normalise(
    registrations: CapturedRegistration[],
    defaultProvider: (pkg: string, version: string) => ProviderInfo,
    configured: ReadonlySet<string>,
): NormalisedResource[] {
    const explicit = new Map<string, ProviderInfo>();
    for (const r of registrations) {
        if (isProviderType(r.type)) explicit.set(r.urn, providerInfo(r.urn, propsOf(r)));
    }
    return withDefaultProviders(
        registrations.map((r) => {
            let provider: ProviderInfo | undefined;
            if (r.provider) provider = explicit.get(providerUrnOf(r.provider));
            else if (r.custom && !isProviderType(r.type)) provider = defaultProvider(packageOf(r.type), r.version);
            else if (r.remote) provider = builderOf(r.remote, explicit, defaultProvider, configured);
            return normalisedResource(r, propsOf(r), provider);
        }),
    );
}

function propsOf(r: CapturedRegistration): Props {
    return blindPlaceholders(decodeProps(r.inputs)) as Props;
}

/** A secret config value reached the program as a placeholder: its real value is unavailable, not "[secret]". */
function blindPlaceholders(v: Value): Value {
    if (v instanceof Secret) {
        if (v.value === undefined) return v;
        return new Secret(v.value === PREVIEW_SECRET_PLACEHOLDER ? undefined : blindPlaceholders(v.value));
    }
    if (Array.isArray(v)) return v.map(blindPlaceholders);
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, blindPlaceholders(inner)]));
    return v;
}
