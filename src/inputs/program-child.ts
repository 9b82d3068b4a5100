// Child-process entry of `runProgram`: runs one Pulumi TypeScript program under Pulumi's mocks and
// prints every resource it registers as JSON on stdout. Pulumi's runtime state is global to the
// process, hence one process per program. ts-node is registered by the parent (`-r`), configured
// through TS_NODE_* variables, so this file and the program share one compiler.

import { Console } from "node:console";

/** What the parent passes in PROGRAM_RUN (JSON). */
export interface ChildRequest {
    /** The file or directory to require, as the Node.js language host would. */
    entry: string;
    project: string;
    stack: string;
}

/** One registration as the engine receives it, in Pulumi's wire encoding (secrets, unknowns, references). */
export interface CapturedRegistration {
    urn: string;
    type: string;
    custom: boolean;
    parent: string;
    provider: string;
    /** The provider package's version, as the SDK sends it ("" when unknown). */
    version: string;
    inputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /**
     * A multi-language component (awsx, eks): its provider builds the children in another process, which mocks
     * never run. The Pulumi packages its SDK depends on (`aws`, `kubernetes`) and the providers the program passed
     * it for them say where those children would be.
     */
    remote?: { builtOn: string[]; providers: Record<string, string> };
}

/** The parts of the SDK's RegisterResourceRequest (a protobuf message) this file reads. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getVersion(): string;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(f: (deps: { getUrnsList(): string[] }, key: string) => void): void };
    getRemote(): boolean;
    getProvidersMap(): { forEach(f: (ref: string, pkg: string) => void): void };
}

/** The SDK's MockMonitor, whose URN builder and registration hook this file replaces. */
interface MockMonitorInternals {
    newUrn(parent: string, type: string, name: string): string;
    registerResource(req: RegisterRequest, callback: (err: unknown, response: unknown) => void): Promise<void>;
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** The engine's URN: the parent's whole type chain, the root stack left out (the mock keeps only the last type). */
function engineUrn(stack: string, project: string, parent: string, type: string, name: string): string {
    const parentChain = parent ? parent.split("::")[2] : "";
    const qualified = parentChain && parentChain !== ROOT_STACK_TYPE ? `${parentChain}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

async function main(): Promise<void> {
    const request = JSON.parse(process.env.PROGRAM_RUN ?? "") as ChildRequest;
    // stdout carries the result alone: whatever the program logs goes to stderr.
    globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });

    // The program's own copy of the SDK: mocks set on any other copy would not reach it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from the program at run time
    const pulumi = require(
        require.resolve("@pulumi/pulumi", { paths: [request.entry] }),
    ) as typeof import("@pulumi/pulumi");
    await pulumi.runtime.setMocks(
        {
            // A new resource has no id yet during a preview; an imported or read one keeps its own.
            newResource: (args) => ({ id: args.id, state: args.inputs }),
            call: (args) => args.inputs,
        },
        request.project,
        request.stack,
        true,
        // What `pulumi.getOrganization()` answers on a DIY backend: stack references and OIDC trust policies built
        // from it then run instead of failing the whole program.
        "organization",
    );

    const captured: CapturedRegistration[] = [];
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorInternals;
    monitor.newUrn = (parent, type, name) => engineUrn(request.stack, request.project, parent, type, name);
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
        const urn = monitor.newUrn(req.getParent(), req.getType(), req.getName());
        captured.push({ ...registrationOf(req, urn), ...remoteOf(req, request.entry) });
        return register(req, callback);
    };

    await pulumi.runtime.runInPulumiStack(async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as the language host loads it
        const loaded = require(request.entry) as { default?: unknown };
        const exported = loaded.default ?? loaded;
        // As the language host does: a program may export a function whose result becomes the stack outputs.
        return typeof exported === "function" ? await (exported as () => unknown)() : exported;
    });
    await pulumi.runtime.disconnect();
    if (pulumi.log.hasErrors()) throw new Error("the program logged errors (see above)");
    process.stdout.write(JSON.stringify(captured), () => process.exit(0));
}

function registrationOf(req: RegisterRequest, urn: string): CapturedRegistration {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    return {
        urn,
        type: req.getType(),
        custom: req.getCustom(),
        parent: req.getParent(),
        provider: req.getProvider(),
        version: req.getVersion(),
        inputs: req.getObject()?.toJavaScript() ?? {},
        dependencies: req.getDependenciesList(),
        propertyDependencies,
    };
}

/** For a multi-language component, what its children would be built with (see CapturedRegistration.remote). */
function remoteOf(req: RegisterRequest, entry: string): Pick<CapturedRegistration, "remote"> {
    if (!req.getRemote()) return {};
    const providers: Record<string, string> = {};
    req.getProvidersMap().forEach((ref, pkg) => {
        providers[pkg] = ref;
    });
    return { remote: { builtOn: pulumiDependencies(req.getType().split(":")[0], entry), providers } };
}

/** `@pulumi/awsx`'s package.json depends on `@pulumi/aws`, `@pulumi/docker`...: `["aws", "docker", ...]`. */
function pulumiDependencies(pkg: string, entry: string): string[] {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's own copy of the SDK
        const manifest = require(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [entry] })) as {
            dependencies?: Record<string, string>;
        };
        return Object.keys(manifest.dependencies ?? {})
            .filter((name) => name.startsWith("@pulumi/") && name !== "@pulumi/pulumi")
            .map((name) => name.slice("@pulumi/".length));
    } catch {
        return [];
    }
}

function fail(err: unknown): never {
    const shown = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`${shown}\n`);
    process.exit(1);
}

if (require.main === module) {
    process.on("unhandledRejection", fail);
    process.on("uncaughtException", fail);
    main().catch(fail);
}
