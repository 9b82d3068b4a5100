// A resource of the Analyzer protocol read from its bytes straight into clean-guard's values. The generated decoders
// (analyzer_pb.js) build a protobuf object for every value of every input (a Value, a Struct, a Map and its
// entries), which clean-guard then copied into its own values and let go: at 10,000 resources that tree was a fifth
// of AnalyzeStack's time, and much of its garbage. The wire format is simple (protobuf encoding, protobuf.dev); the
// messages read are AnalyzeRequest, AnalyzerResource and AnalyzerProviderResource (pulumi/proto/pulumi/analyzer.proto)
// and google.protobuf.Struct (struct.proto). The reading is held to the generated decoders' by
// test/fuzz/resource-bytes.test.ts.

import type { Props } from "../model/values";
import { decodeValue, SIG_KEY } from "./wire";

/** Field numbers: AnalyzerProviderResource has the first four, AnalyzeRequest the first six, AnalyzerResource all. */
const TYPE = 1;
const PROPERTIES = 2;
const URN = 3;
const NAME = 4;
const OPTIONS = 5;
const PROVIDER = 6;
/** In an AnalyzeRequest, the parent is AnalyzerResourceOptions' field 8. */
const PARENT = 7;
const DEPENDENCIES = 8;
const PROPERTY_DEPENDENCIES = 9;
const OPTIONS_PARENT = 8;
/** A map entry's key and value; Struct, ListValue and AnalyzerPropertyDependencies have one field, number 1. */
const KEY = 1;
const VALUE = 2;
const ONLY_FIELD = 1;
/** google.protobuf.Value's kinds. */
const NULL_VALUE = 1;
const NUMBER_VALUE = 2;
const STRING_VALUE = 3;
const BOOL_VALUE = 4;
const STRUCT_VALUE = 5;
const LIST_VALUE = 6;

/** Wire types (protobuf.dev/programming-guides/encoding); the deprecated groups are not read. */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** Where a length-delimited field's content lies in the message's bytes. */
export interface Span {
    start: number;
    end: number;
}

/** One field after another, as the generated decoders read them (google-protobuf's BinaryReader). */
class FieldReader {
    private pos: number;
    private readonly end: number;
    field = 0;
    private wireType = 0;

    constructor(
        private readonly bytes: Buffer,
        { start, end }: Span,
    ) {
        this.pos = start;
        this.end = end;
    }

    next(): boolean {
        if (this.pos >= this.end) return false;
        const tag = this.varint();
        this.field = Math.floor(tag / 8);
        this.wireType = tag % 8;
        return true;
    }

    varint(): number {
        let value = 0;
        for (let shift = 1; ; shift *= 128) {
            if (this.pos >= this.end) throw new Error("truncated protobuf varint");
            const byte = this.bytes[this.pos++];
            value += (byte & 0x7f) * shift;
            if (byte < 0x80) return value;
        }
    }

    double(): number {
        this.expect(FIXED64);
        const value = this.bytes.readDoubleLE(this.pos);
        this.pos += 8;
        return value;
    }

    bool(): boolean {
        this.expect(VARINT);
        return this.varint() !== 0;
    }

    string(): string {
        const { start, end } = this.span();
        return this.bytes.toString("utf8", start, end);
    }

    /** A length-delimited field (a string or a message), left unread. */
    span(): Span {
        this.expect(LENGTH_DELIMITED);
        const length = this.varint();
        const start = this.pos;
        this.pos += length;
        if (this.pos > this.end) throw new Error("truncated protobuf field");
        return { start, end: this.pos };
    }

    skip(): void {
        if (this.wireType === VARINT) this.varint();
        else if (this.wireType === FIXED64) this.pos += 8;
        else if (this.wireType === LENGTH_DELIMITED) this.span();
        else if (this.wireType === FIXED32) this.pos += 4;
        else throw new Error(`unsupported protobuf wire type ${this.wireType}`);
    }

    private expect(wireType: number): void {
        if (this.wireType !== wireType) throw new Error(`protobuf field ${this.field} has wire type ${this.wireType}`);
    }
}

/** A resource message's fields, its inputs and provider left unread; absent strings are empty, as protobuf reads them. */
export interface ResourceMessage {
    type: string;
    urn: string;
    name: string;
    properties?: Span;
    /** AnalyzerResourceOptions. */
    options?: Span;
    /** AnalyzerProviderResource. */
    provider?: Span;
    /** The parent's URN: AnalyzerResource's own field, or in an AnalyzeRequest its options'. */
    parent: string;
    dependencies: string[];
    /** Each input's dependencies, by input name, in the order the generated Map hands them out (sorted). */
    propertyDependencies: Record<string, string[]>;
}

/** The last field number of each message read as a resource: later ones are not its own, and are skipped. */
const LAST_FIELD = { provider: NAME, analyze: PROVIDER, stack: PROPERTY_DEPENDENCIES };

/**
 * An AnalyzeRequest (`kind` "analyze"), an AnalyzerResource ("stack") or an AnalyzerProviderResource ("provider"), in
 * the whole of `bytes` or a span of them.
 */
export function readResourceMessage(
    bytes: Buffer,
    kind: keyof typeof LAST_FIELD,
    span: Span = { start: 0, end: bytes.length },
): ResourceMessage {
    const message: ResourceMessage = {
        type: "",
        urn: "",
        name: "",
        parent: "",
        dependencies: [],
        propertyDependencies: {},
    };
    const dependencyEntries: Span[] = [];
    const r = new FieldReader(bytes, span);
    while (r.next()) {
        switch (r.field > LAST_FIELD[kind] ? 0 : r.field) {
            case TYPE:
                message.type = r.string();
                break;
            case PROPERTIES:
                message.properties = r.span();
                break;
            case URN:
                message.urn = r.string();
                break;
            case NAME:
                message.name = r.string();
                break;
            case OPTIONS:
                message.options = r.span();
                break;
            case PROVIDER:
                message.provider = r.span();
                break;
            case PARENT:
                message.parent = r.string();
                break;
            case DEPENDENCIES:
                message.dependencies.push(r.string());
                break;
            case PROPERTY_DEPENDENCIES:
                dependencyEntries.push(r.span());
                break;
            default:
                r.skip();
        }
    }
    if (kind === "analyze" && message.options)
        message.parent = strings(bytes, OPTIONS_PARENT, message.options).pop() ?? "";
    for (const [key, value] of sortedEntries(bytes, dependencyEntries))
        message.propertyDependencies[key] = value ? strings(bytes, ONLY_FIELD, value) : [];
    return message;
}

/** Every string of a message's field `field`, in order: its last is the field's value when it is not repeated. */
function strings(bytes: Buffer, field: number, span: Span): string[] {
    return repeatedField(bytes, field, span).map(({ start, end }) => bytes.toString("utf8", start, end));
}

/**
 * A map's entries by key, sorted as google-protobuf's Map hands them out, a repeated key keeping its last value;
 * an entry without a key has the empty one, an entry without a value none. That Map keeps its entries in a plain
 * object, where a key named `__proto__` sets the object's prototype and is no entry: it is dropped here too (and
 * so can set no prototype of clean-guard's values).
 */
function sortedEntries(bytes: Buffer, entries: readonly Span[]): [string, Span | undefined][] {
    const read: [string, Span | undefined][] = [];
    for (const entry of entries) {
        let key = "";
        let value: Span | undefined;
        const r = new FieldReader(bytes, entry);
        while (r.next()) {
            if (r.field === KEY) key = r.string();
            else if (r.field === VALUE) value = r.span();
            else r.skip();
        }
        if (key !== "__proto__") read.push([key, value]);
    }
    // Most maps come sorted, or hold one key: nothing to do.
    if (read.every(([key], i) => i === 0 || read[i - 1][0] < key)) return read;
    // A stable sort keeps a repeated key's values in their order on the wire: the last of them is kept.
    read.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return read.filter(([key], i) => i === read.length - 1 || read[i + 1][0] !== key);
}

/** A Struct's fields (a resource's inputs), decoded as wire.ts decodes the generated Struct (decodeStruct). */
export function readProps(bytes: Buffer, struct: Span | undefined): Props {
    return struct ? (structObject(bytes, structEntries(bytes, struct), true) as Props) : {};
}

/** A Struct's fields as the generated Struct's `toJavaScript()` gives them: what the policy SDK reads. */
export function readPlainStruct(bytes: Buffer, struct: Span): Record<string, unknown> {
    return structObject(bytes, structEntries(bytes, struct), false);
}

function structObject(bytes: Buffer, entries: StructEntries, decoded: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of entries) out[key] = readValue(bytes, value, decoded);
    return out;
}

type StructEntries = [string, Span | undefined][];

function structEntries(bytes: Buffer, struct: Span): StructEntries {
    return sortedEntries(bytes, repeatedField(bytes, ONLY_FIELD, struct));
}

/**
 * A google.protobuf.Value: `decoded` as wire.ts decodes the generated one (decodeStructValue), or else the plain
 * JavaScript of its `toJavaScript()`. A Value of no kind fails as `toJavaScript()` fails on it.
 */
function readValue(bytes: Buffer, span: Span | undefined, decoded: boolean): unknown {
    let kind = 0;
    let scalar: unknown;
    let nested: Span | undefined;
    const r = new FieldReader(bytes, span ?? { start: 0, end: 0 });
    while (r.next()) {
        switch (r.field) {
            case NULL_VALUE:
                r.skip();
                scalar = null;
                break;
            case NUMBER_VALUE:
                scalar = r.double();
                break;
            case STRING_VALUE:
                scalar = r.string();
                break;
            case BOOL_VALUE:
                scalar = r.bool();
                break;
            case STRUCT_VALUE:
            case LIST_VALUE:
                nested = r.span();
                break;
            default:
                r.skip();
                continue;
        }
        // A oneof: the last kind on the wire is the value's.
        kind = r.field;
    }
    switch (kind) {
        case NULL_VALUE:
        case NUMBER_VALUE:
        case BOOL_VALUE:
            return scalar;
        case STRING_VALUE:
            return decoded ? decodeValue(scalar) : scalar;
        case LIST_VALUE:
            return repeatedField(bytes, ONLY_FIELD, nested).map((v) => readValue(bytes, v, decoded));
        case STRUCT_VALUE: {
            // A signature object (a secret, an asset) is decoded from its plain JavaScript, as decodeStructValue does.
            const entries = structEntries(bytes, nested!);
            if (decoded && entries.some(([key]) => key === SIG_KEY))
                return decodeValue(structObject(bytes, entries, false));
            return structObject(bytes, entries, decoded);
        }
        default:
            throw new Error("Unexpected struct type");
    }
}
/** Where each occurrence of a message's field `field` lies (a repeated message field's elements); other fields skipped. */
export function repeatedField(bytes: Buffer, field: number, span: Span = { start: 0, end: bytes.length }): Span[] {
    const spans: Span[] = [];
    const r = new FieldReader(bytes, span);
    while (r.next()) {
        if (r.field === field) spans.push(r.span());
        else r.skip();
    }
    return spans;
}
