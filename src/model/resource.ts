import type { Props } from "./values";

/** The provider instance a resource is managed by (explicit, or the engine's default one). */
export interface ProviderInfo {
    /** `pulumi:providers:<package>`. */
    type: string;
    /** `default_7_48_0` for a default provider, the program's name for an explicit one. */
    name: string;
    urn: string;
    /** The provider's inputs. For a default provider: the package's stack config, prefix stripped. */
    props: Props;
    /** Inputs among `props` that neither the program nor the stack set: the deployment's environment did. */
    fromEnvironment?: EnvironmentOrigins;
}

/** Input name -> the environment variable it was taken from (`region` -> `AWS_REGION`). */
export type EnvironmentOrigins = Readonly<Record<string, string>>;

/** One resource, in the same shape whatever it came from (engine, preview JSON, stack export, mocks). */
export interface NormalisedResource {
    urn: string;
    /** The Pulumi type token, e.g. `aws:s3/bucket:Bucket`. */
    type: string;
    name: string;
    props: Props;
    provider?: ProviderInfo;
    /** For a provider resource: inputs among `props` that the deployment's environment set. */
    fromEnvironment?: EnvironmentOrigins;
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

/** Facts about the stack as a whole. */
export interface StackContext {
    project?: string;
    stack?: string;
    /** Stack tags (ConfigureStack; `pulumi:project`, `pulumi:stack` and the user's own). */
    tags: ReadonlyMap<string, string>;
    /** Stack configuration, fully-qualified keys (`aws:region`, `myproject:data-residency`); secrets excluded. */
    config?: ReadonlyMap<string, string>;
    /** Whether values may still be unknown (preview) or are final. */
    phase: "preview" | "update" | "unknown";
}

/** The Pulumi package a type token belongs to: `aws:s3/bucket:Bucket` -> `aws`, `pulumi:providers:aws` -> `aws`. */
export function packageOf(type: string): string {
    if (type.startsWith("pulumi:providers:")) return type.slice("pulumi:providers:".length);
    const colon = type.indexOf(":");
    return colon < 0 ? type : type.slice(0, colon);
}

export function isProviderType(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` -> its parts; undefined for anything else. */
export function parseUrn(urn: string): { stack: string; project: string; type: string; name: string } | undefined {
    const m = /^urn:pulumi:([^:]*)::([^:]*)::(.*?)::([^]*)$/.exec(urn);
    if (!m) return undefined;
    const types = m[3].split("$");
    return { stack: m[1], project: m[2], type: types[types.length - 1], name: m[4] };
}
