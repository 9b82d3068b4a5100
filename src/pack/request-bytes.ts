// The engine's Analyze, Remediate and AnalyzeStack requests kept as their bytes and read by clean-guard itself
// (normalise/resource-bytes.ts), when only clean-guard reads them. Decoded whole by the generated decoders (what the
// policy SDK's service definition does), every input becomes a protobuf object that clean-guard copies and lets go;
// a stack of 100,000 resources becomes a tree of about 1.5 GiB, alive for the whole call. Read from the bytes, each
// resource becomes clean-guard's values at once, one resource at a time.

import { AnalyzerResourceOptions } from "@pulumi/pulumi/proto/analyzer_pb";
import type { NormalisedResource } from "../model/resource";
import { fromResourceBytes } from "../normalise/engine";
import {
    readPlainStruct,
    readResourceMessage,
    repeatedField,
    type ResourceMessage,
    type Span,
} from "../normalise/resource-bytes";

/** AnalyzeStackRequest's one field (pulumi/proto/pulumi/analyzer.proto): `repeated AnalyzerResource resources = 1`. */
const RESOURCES = 1;

/** The generated Struct as the policy SDK reads one: its plain JavaScript. */
interface PlainStruct {
    toJavaScript(): Record<string, unknown>;
}

/** An AnalyzerProviderResource as the policy SDK reads one (when a remediation runs). */
interface ProviderView {
    getType(): string;
    getUrn(): string;
    getName(): string;
    getProperties(): PlainStruct | undefined;
}

/**
 * Analyze's or Remediate's request as the engine sent it. The policy SDK reads it through the generated getters it
 * uses (policy SDK server.js, pinned), given here from the bytes; clean-guard reads its resource.
 */
export class AnalyzeRequestBytes {
    private readonly message: ResourceMessage;
    private options?: AnalyzerResourceOptions;

    constructor(private readonly bytes: Buffer) {
        this.message = readResourceMessage(bytes, "analyze");
    }

    getType(): string {
        return this.message.type;
    }

    getUrn(): string {
        return this.message.urn;
    }

    getName(): string {
        return this.message.name;
    }

    /** As the generated decoder gives them, decoded once: the SDK reads them for every policy it calls. */
    getOptions(): AnalyzerResourceOptions | undefined {
        const span = this.message.options;
        if (span && !this.options)
            this.options = AnalyzerResourceOptions.deserializeBinary(this.bytes.subarray(span.start, span.end));
        return this.options;
    }

    getProperties(): PlainStruct | undefined {
        return plainStruct(this.bytes, this.message.properties);
    }

    getProvider(): ProviderView | undefined {
        if (!this.message.provider) return undefined;
        const provider = readResourceMessage(this.bytes, "provider", this.message.provider);
        return {
            getType: () => provider.type,
            getUrn: () => provider.urn,
            getName: () => provider.name,
            getProperties: () => plainStruct(this.bytes, provider.properties),
        };
    }

    /** The resource, normalised as fromAnalyzeRequest normalises the generated decoder's. */
    resource(): NormalisedResource {
        return fromResourceBytes(this.bytes, this.message);
    }
}

function plainStruct(bytes: Buffer, struct: Span | undefined): PlainStruct | undefined {
    return struct && { toJavaScript: () => readPlainStruct(bytes, struct) };
}

/** AnalyzeStack's request as the engine sent it, read one resource at a time. */
export class StackRequestBytes {
    constructor(private bytes: Buffer | undefined) {}

    /**
     * Every resource of the request, in order, each read by itself and normalised as fromAnalyzerResource normalises
     * the generated decoder's. Read once: the bytes are let go when the reading ends.
     */
    *resources(): Generator<NormalisedResource> {
        const bytes = this.bytes;
        if (!bytes) throw new Error("the resources of an AnalyzeStack request are read once");
        this.bytes = undefined;
        for (const span of repeatedField(bytes, RESOURCES)) {
            yield fromResourceBytes(bytes, readResourceMessage(bytes, "stack", span));
        }
    }
}
