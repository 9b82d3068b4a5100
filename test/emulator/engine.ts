// An emulator of the Pulumi engine's side of the Analyzer protocol. It starts a policy pack exactly as
// the engine does (`node node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine> <packDir>`, the pack
// directory as working directory, the port read from the first stdout line) and drives it over gRPC:
// GetAnalyzerInfo, ConfigureStack, Configure (schema defaults applied by the engine), then Remediate and
// Analyze per resource and AnalyzeStack at the end, with secrets and unknowns in Pulumi's wire encoding.

import { spawn, type ChildProcess } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { NormalisedResource, ProviderInfo } from "../../src/model/resource";
import { isRecord, Secret, Unknown, type Props, type Value } from "../../src/model/values";
import { loadEnvironmentDefaults } from "../../src/normalise/provider-environment";
import { decodeProps, encodeValue, PREVIEW_SECRET_PLACEHOLDER } from "../../src/normalise/wire";

// From test/emulator, or from its compiled copy in dist/test/emulator when the bench imports it.
const above = path.resolve(__dirname, "..", "..");
export const REPO_ROOT = path.basename(above) === "dist" ? path.dirname(above) : above;

/** A value the engine does not know yet: sent as Pulumi's unknown sentinel. */
export const UNKNOWN = new Unknown("string");

/** A secret input, sent wrapped in Pulumi's secret signature. */
export function secret<T extends Value>(value: T): Secret {
    return new Secret(value);
}

export type Level = "advisory" | "mandatory" | "disabled" | "remediate";
const LEVELS: Level[] = ["advisory", "mandatory", "disabled", "remediate"];

export interface EmulatedProvider {
    /** `pulumi:providers:aws`. */
    type: string;
    name: string;
    urn?: string;
    inputs: Record<string, Value>;
}

export interface EmulatedResource {
    type: string;
    name: string;
    urn?: string;
    inputs?: Record<string, Value>;
    provider?: EmulatedProvider;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    message: string;
    enforcementLevel: Level;
    urn: string;
}

export interface Remediation {
    policyName: string;
    /** The resource's inputs after the remediation, in the wire encoding. */
    properties?: Record<string, never>;
    diagnostic: string;
}

export interface PolicyInfo {
    name: string;
    description: string;
    enforcementLevel: Level;
    severity: number;
    remediationSteps: string;
    url: string;
    configSchema?: { properties: Record<string, { default?: unknown; type?: string }>; required: string[] };
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    displayName: string;
    description: string;
    supportsConfig: boolean;
    policies: PolicyInfo[];
}

export interface StartOptions {
    packDir?: string;
    /** Environment of the pack process (merged over this process's). */
    env?: NodeJS.ProcessEnv;
    project?: string;
    stack?: string;
    /** `pulumi preview` (true, the default) or `pulumi up` (false). */
    dryRun?: boolean;
    /** Stack config, fully-qualified keys (`aws:region`); values as the engine sends them (strings). */
    stackConfig?: Record<string, string>;
    secretConfigKeys?: string[];
    stackTags?: Record<string, string>;
    /** Per-policy config as in a `--policy-pack-config` file: a level, or `{ enforcementLevel?, ...props }`. */
    policyConfig?: Record<string, Level | ({ enforcementLevel?: Level } & Record<string, unknown>)>;
}

/**
 * The pack reads a provider's missing region from the environment, as the provider does: a test's pack gets
 * only the variables the test sets, so that a developer's own AWS_REGION changes no verdict.
 */
function withoutProviderEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const variables = new Set([
        ...[...loadEnvironmentDefaults().values()].flatMap((inputs) => inputs.flatMap(([, v]) => v)),
        "AWS_PROFILE",
    ]);
    return {
        ...Object.fromEntries(Object.entries(env).filter(([name]) => !variables.has(name))),
        // Nor the developer's own ~/.aws/config, where the AWS provider finds a region the stack leaves out.
        AWS_CONFIG_FILE: path.join(os.tmpdir(), "clean-guard-tests-have-no-aws-config"),
    };
}

/** The provider the engine creates for a package when a resource names none. */
export function defaultProvider(
    pkg: string,
    stackConfig: Record<string, unknown>,
    version = "7.48.0",
): EmulatedProvider {
    const inputs: Record<string, Value> = {};
    for (const [key, value] of Object.entries(stackConfig)) {
        if (!key.startsWith(`${pkg}:`)) continue;
        // The engine hands provider config over as strings; structured values arrive JSON-encoded.
        inputs[key.slice(pkg.length + 1)] = typeof value === "string" ? value : JSON.stringify(value);
    }
    const name = `default_${version.replace(/\./g, "_")}`;
    return { type: `pulumi:providers:${pkg}`, name, inputs };
}

/** A provider instance the program declares itself (`new aws.Provider("eu", {...})`). */
export function explicitProvider(pkg: string, name: string, inputs: Record<string, Value>): EmulatedProvider {
    return { type: `pulumi:providers:${pkg}`, name, inputs };
}

export class EngineEmulator {
    private readonly stderrChunks: string[] = [];

    private constructor(
        private readonly child: ChildProcess,
        private readonly client: analyzerGrpc.AnalyzerClient,
        readonly info: AnalyzerInfo,
        private readonly project: string,
        private readonly stack: string,
        stderr: string[],
        /** Lines the pack printed on stdout after its port: the engine would choke on them. */
        readonly stdoutAfterPort: string[],
    ) {
        this.stderrChunks = stderr;
    }

    static async start(options: StartOptions = {}): Promise<EngineEmulator> {
        const packDir = options.packDir ?? REPO_ROOT;
        const runner = path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
        const child = spawn(process.execPath, [runner, "127.0.0.1:1", packDir], {
            cwd: packDir,
            env: { ...withoutProviderEnvironment(process.env), ...options.env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        const stderr: string[] = [];
        child.stderr!.setEncoding("utf8").on("data", (d: string) => stderr.push(d));
        const stdoutAfterPort: string[] = [];
        const port = await firstLine(child, stderr, stdoutAfterPort);
        if (!/^\d+$/.test(port)) {
            child.kill();
            throw new Error(
                `the pack's first stdout line must be its port, got ${JSON.stringify(port)}\n${stderr.join("")}`,
            );
        }
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        try {
            const rawInfo = await unary<Empty, analyzer.AnalyzerInfo>(client, "getAnalyzerInfo", new Empty());
            const info = toInfo(rawInfo);
            const project = options.project ?? "demo";
            const stack = options.stack ?? "dev";
            const emulator = new EngineEmulator(child, client, info, project, stack, stderr, stdoutAfterPort);
            await emulator.configureStack(options);
            await emulator.configure(options.policyConfig ?? {});
            return emulator;
        } catch (e) {
            client.close();
            child.kill();
            throw new Error(`${e instanceof Error ? e.message : e}\npack stderr:\n${stderr.join("")}`);
        }
    }

    get stderr(): string {
        return this.stderrChunks.join("");
    }

    urnOf(type: string, name: string): string {
        return `urn:pulumi:${this.stack}::${this.project}::${type}::${name}`;
    }

    /** What the engine does per resource: Remediate first, then Analyze on the remediated inputs. */
    async analyze(resource: EmulatedResource): Promise<Diagnostic[]> {
        const req = this.analyzeRequest(resource);
        const remediated = (await this.remediateRequest(req)).filter((r) => r.properties);
        if (remediated.length > 0)
            req.setProperties(Struct.fromJavaScript(remediated[remediated.length - 1].properties!));
        const res = await unary<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(this.client, "analyze", req);
        return res.getDiagnosticsList().map(toDiagnostic);
    }

    /** The remediations the pack proposes for a resource, with the inputs as they would be after each. */
    async remediate(resource: EmulatedResource): Promise<Remediation[]> {
        return this.remediateRequest(this.analyzeRequest(resource));
    }

    private async remediateRequest(req: analyzer.AnalyzeRequest): Promise<Remediation[]> {
        const res = await unary<analyzer.AnalyzeRequest, analyzer.RemediateResponse>(this.client, "remediate", req);
        return res.getRemediationsList().map((r) => ({
            policyName: r.getPolicyname(),
            properties: r.getProperties()?.toJavaScript() as Record<string, never> | undefined,
            diagnostic: r.getDiagnostic(),
        }));
    }

    async analyzeStack(resources: EmulatedResource[] | EncodedStack): Promise<Diagnostic[]> {
        const res = Array.isArray(resources)
            ? await unary<analyzer.AnalyzeStackRequest, analyzer.AnalyzeResponse>(
                  this.client,
                  "analyzeStack",
                  this.stackRequest(resources),
              )
            : await new Promise<analyzer.AnalyzeResponse>((resolve, reject) =>
                  this.client.makeUnaryRequest(
                      "/pulumirpc.Analyzer/AnalyzeStack",
                      (bytes: Uint8Array) => Buffer.from(bytes),
                      (buffer: Buffer) => analyzer.AnalyzeResponse.deserializeBinary(new Uint8Array(buffer)),
                      resources.bytes,
                      (err, res) => (err ? reject(err) : resolve(res!)),
                  ),
              );
        return res.getDiagnosticsList().map(toDiagnostic);
    }

    /**
     * The request of AnalyzeStack encoded ahead, so that a benchmark times the pack and not the emulator's
     * encoding (the engine's, in Go, is far quicker than protobuf in JavaScript).
     */
    encodeStack(resources: EmulatedResource[]): EncodedStack {
        return { bytes: this.stackRequest(resources).serializeBinary() };
    }

    private stackRequest(resources: EmulatedResource[]): analyzer.AnalyzeStackRequest {
        const req = new analyzer.AnalyzeStackRequest();
        req.setResourcesList(resources.map((r) => this.analyzerResource(r)));
        return req;
    }

    /**
     * What `pulumi preview` does: every resource through Analyze (8 in flight), then AnalyzeStack. Like the
     * engine, it registers each provider the resources use (a default provider too) as a resource of its
     * own, judged like any other: the real CLI reports an untrusted cloud's default provider.
     */
    async preview(given: EmulatedResource[], inFlight = 8): Promise<Diagnostic[]> {
        const resources = [...this.providersOf(given), ...given];
        const out: Diagnostic[][] = new Array(resources.length);
        let next = 0;
        const worker = async () => {
            while (next < resources.length) {
                const i = next++;
                out[i] = await this.analyze(resources[i]);
            }
        };
        await Promise.all(Array.from({ length: Math.min(inFlight, resources.length) }, worker));
        return [...out.flat(), ...(await this.analyzeStack(resources))];
    }

    /** The providers the resources use that are not among them, as the resources the engine registers. */
    private providersOf(resources: EmulatedResource[]): EmulatedResource[] {
        const urn = (r: { type: string; name: string; urn?: string }) => r.urn ?? this.urnOf(r.type, r.name);
        const registered = new Map(resources.map((r) => [urn(r), r]));
        const providers: EmulatedResource[] = [];
        for (const { provider } of resources) {
            if (!provider || registered.has(urn(provider))) continue;
            const resource = { ...provider, urn: urn(provider) };
            registered.set(resource.urn, resource);
            providers.push(resource);
        }
        return providers;
    }

    async stop(): Promise<void> {
        this.client.close();
        if (this.child.exitCode !== null) return;
        const exited = new Promise((resolve) => this.child.once("exit", resolve));
        this.child.kill("SIGTERM");
        await exited;
    }

    private async configureStack(options: StartOptions): Promise<void> {
        const req = new analyzer.AnalyzerStackConfigureRequest();
        req.setProject(this.project);
        req.setStack(this.stack);
        req.setOrganization("organization");
        req.setDryRun(options.dryRun ?? true);
        for (const [k, v] of Object.entries(options.stackConfig ?? {})) req.getConfigMap().set(k, v);
        req.setConfigSecretKeysList(options.secretConfigKeys ?? []);
        const tags = { "pulumi:project": this.project, "pulumi:runtime": "nodejs", ...options.stackTags };
        for (const [k, v] of Object.entries(tags)) req.getTagsMap().set(k, v);
        await unary(this.client, "configureStack", req);
    }

    /** The engine applies each policy's schema defaults and enforcement level before Configure. */
    private async configure(userConfig: NonNullable<StartOptions["policyConfig"]>): Promise<void> {
        const req = new analyzer.ConfigureAnalyzerRequest();
        const all = userConfig.all;
        for (const policy of this.info.policies) {
            const user = userConfig[policy.name];
            const { enforcementLevel, ...props } = typeof user === "string" ? { enforcementLevel: user } : (user ?? {});
            const defaults: Record<string, unknown> = {};
            for (const [k, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
                if (schema.default !== undefined) defaults[k] = schema.default;
            }
            const level = enforcementLevel ?? (typeof all === "string" ? all : undefined) ?? policy.enforcementLevel;
            const config = new analyzer.PolicyConfig();
            config.setEnforcementlevel(LEVELS.indexOf(level) as analyzer.EnforcementLevel);
            config.setProperties(Struct.fromJavaScript({ ...defaults, ...props } as Record<string, never>));
            req.getPolicyconfigMap().set(policy.name, config);
        }
        await unary(this.client, "configure", req);
    }

    private analyzeRequest(r: EmulatedResource): analyzer.AnalyzeRequest {
        const req = new analyzer.AnalyzeRequest();
        req.setType(r.type);
        req.setName(r.name);
        req.setUrn(r.urn ?? this.urnOf(r.type, r.name));
        req.setProperties(toStruct(r.inputs ?? {}));
        req.setOptions(this.options(r));
        if (r.provider) req.setProvider(this.providerResource(r.provider));
        return req;
    }

    private analyzerResource(r: EmulatedResource): analyzer.AnalyzerResource {
        const res = new analyzer.AnalyzerResource();
        res.setType(r.type);
        res.setName(r.name);
        res.setUrn(r.urn ?? this.urnOf(r.type, r.name));
        res.setProperties(toStruct(r.inputs ?? {}));
        res.setOptions(this.options(r));
        if (r.provider) res.setProvider(this.providerResource(r.provider));
        res.setParent(r.parent ?? "");
        res.setDependenciesList(r.dependencies ?? []);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            const deps = new analyzer.AnalyzerPropertyDependencies();
            deps.setUrnsList(urns);
            res.getPropertydependenciesMap().set(k, deps);
        }
        return res;
    }

    private options(r: EmulatedResource): analyzer.AnalyzerResourceOptions {
        const opts = new analyzer.AnalyzerResourceOptions();
        opts.setParent(r.parent ?? "");
        return opts;
    }

    private providerResource(p: EmulatedProvider): analyzer.AnalyzerProviderResource {
        const res = new analyzer.AnalyzerProviderResource();
        res.setType(p.type);
        res.setName(p.name);
        res.setUrn(p.urn ?? this.urnOf(p.type, p.name));
        res.setProperties(toStruct(p.inputs));
        return res;
    }
}

/** A normalised resource (e.g. from a program run under mocks) as the engine would send it. */
export function fromNormalised(r: NormalisedResource): EmulatedResource {
    const provider = (p: ProviderInfo): EmulatedProvider => ({
        type: p.type,
        name: p.name,
        urn: p.urn,
        inputs: p.props,
    });
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        inputs: r.props,
        provider: r.provider ? provider(r.provider) : undefined,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
    };
}

/**
 * A normalised resource as the engine sends it. The engine always holds a secret's plaintext and sends it
 * wrapped; a run under mocks cannot decrypt a `secure:` config value, and a preview's JSON prints every secret
 * as `[secret]`, so the pack is sent that placeholder, still wrapped.
 */
export function asEngineSends(r: NormalisedResource): EmulatedResource {
    const open = (v: Value): Value => {
        if (v instanceof Secret) return new Secret(v.value === undefined ? PREVIEW_SECRET_PLACEHOLDER : open(v.value));
        if (Array.isArray(v)) return v.map(open);
        return isRecord(v) ? openProps(v) : v;
    };
    const openProps = (p: Props): Props => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, open(v)]));
    const sent = fromNormalised(r);
    return {
        ...sent,
        inputs: openProps(sent.inputs ?? {}),
        provider: sent.provider && { ...sent.provider, inputs: openProps(sent.provider.inputs) },
    };
}

/** A resource as the pack reads it from the engine's request: wire encoding, then clean-guard's values. */
export function toNormalised(r: EmulatedResource): NormalisedResource {
    const provider = r.provider && {
        type: r.provider.type,
        name: r.provider.name,
        urn: r.provider.urn ?? "",
        props: decodeProps(toWire(r.provider.inputs)),
    };
    return {
        urn: r.urn ?? "",
        type: r.type,
        name: r.name,
        props: decodeProps(toWire(r.inputs ?? {})),
        provider,
        parent: r.parent,
        dependencies: r.dependencies ?? [],
        propertyDependencies: r.propertyDependencies ?? {},
    };
}

/** Pulumi's wire encoding of a value, as the engine sends it. */
export const toWire = encodeValue;

function toStruct(props: Record<string, Value>): Struct {
    return Struct.fromJavaScript(toWire(props) as Record<string, never>);
}

function toDiagnostic(d: analyzer.AnalyzeDiagnostic): Diagnostic {
    return {
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        message: d.getMessage(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()],
        urn: d.getUrn(),
    };
}

function toInfo(i: analyzer.AnalyzerInfo): AnalyzerInfo {
    return {
        name: i.getName(),
        version: i.getVersion(),
        displayName: i.getDisplayname(),
        description: i.getDescription(),
        supportsConfig: i.getSupportsconfig(),
        policies: i.getPoliciesList().map((p) => {
            const schema = p.getConfigschema();
            return {
                name: p.getName(),
                description: p.getDescription(),
                enforcementLevel: LEVELS[p.getEnforcementlevel()],
                severity: p.getSeverity(),
                remediationSteps: p.getRemediationSteps(),
                url: p.getUrl(),
                configSchema: schema
                    ? {
                          properties: (schema.getProperties()?.toJavaScript() ?? {}) as NonNullable<
                              PolicyInfo["configSchema"]
                          >["properties"],
                          required: schema.getRequiredList(),
                      }
                    : undefined,
            };
        }),
    };
}

/** An AnalyzeStack request as bytes on the wire. */
export interface EncodedStack {
    bytes: Uint8Array;
}

type Method = "getAnalyzerInfo" | "configureStack" | "configure" | "analyze" | "analyzeStack" | "remediate";

function unary<Req, Res>(client: analyzerGrpc.AnalyzerClient, method: Method, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        const call = client[method] as unknown as (
            r: Req,
            cb: (err: grpc.ServiceError | null, res: Res) => void,
        ) => void;
        call.call(client, req, (err, res) => (err ? reject(err) : resolve(res)));
    });
}

function firstLine(
    child: ChildProcess,
    stderr: string[],
    stdoutAfterPort: string[],
    timeoutMs = 60_000,
): Promise<string> {
    return new Promise((resolve, reject) => {
        const lines = readline.createInterface({ input: child.stdout! });
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`the pack printed no port within ${timeoutMs} ms\n${stderr.join("")}`));
        }, timeoutMs);
        lines.once("line", (line) => {
            clearTimeout(timer);
            resolve(line.trim());
            // Anything after the port would corrupt the engine's reading of the pack: keep it to assert on.
            lines.on("line", (extra) => stdoutAfterPort.push(extra));
        });
        child.once("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`the pack exited with code ${code} before printing its port\n${stderr.join("")}`));
        });
    });
}
