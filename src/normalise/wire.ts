// Pulumi's JSON encoding of property values (gRPC structs, `pulumi stack export`, `pulumi preview --json`)
// decoded into clean-guard's Value, keeping what the policy SDK throws away: which values are secret and
// which are not known yet.

import type { Struct, Value as StructValue } from "google-protobuf/google/protobuf/struct_pb";
import { Secret, Unknown, type Props, type Value } from "../model/values";

/** The special-signature key and values of Pulumi's property encoding (sdk/go/common/resource/sig). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** The sentinel the engine sends for any value not known yet. */
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The engine's unknown sentinels, one per value kind (sdk/nodejs/runtime/rpc.ts, policy SDK proxy.ts). */
const UNKNOWN_SENTINELS: ReadonlyMap<string, string> = new Map([
    ["1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "boolean"],
    ["3eeb2bf0-c639-47a8-9e75-3b44932eb421", "number"],
    [UNKNOWN_STRING, "string"],
    ["6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "array"],
    ["030794c1-ac77-496b-92df-f27374a8bd58", "asset"],
    ["e48ece36-62e2-4504-bad9-02848725956a", "archive"],
    ["dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "object"],
]);

/** How a secret whose value is not available is written by `pulumi preview --json`. */
export const PREVIEW_SECRET_PLACEHOLDER = "[secret]";

export function decodeValue(raw: unknown): Value {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === "string") {
        const kind = UNKNOWN_SENTINELS.get(raw);
        return kind ? new Unknown(kind) : raw;
    }
    if (typeof raw === "boolean" || typeof raw === "number") return raw;
    if (Array.isArray(raw)) return raw.map(decodeValue);
    if (typeof raw !== "object") return null;
    const obj = raw as Record<string, unknown>;
    switch (obj[SIG_KEY]) {
        case undefined:
            return decodeProps(obj);
        case SECRET_SIG:
            return decodeSecret(obj);
        case OUTPUT_VALUE_SIG: {
            const inner = "value" in obj ? decodeValue(obj.value) : new Unknown("output");
            return obj.secret === true ? new Secret(inner) : inner;
        }
        case RESOURCE_REFERENCE_SIG:
            return decodeProps({ urn: obj.urn, id: obj.id });
        case ASSET_SIG:
        case ARCHIVE_SIG:
            // Assets hold code and files, not locations; their paths and URIs are kept for host scanning.
            return decodeProps({ path: obj.path, uri: obj.uri });
        default:
            return decodeProps(obj);
    }
}

function decodeSecret(obj: Record<string, unknown>): Secret {
    if ("value" in obj) return new Secret(decodeValue(obj.value));
    // `pulumi stack export --show-secrets` writes the plaintext as JSON text.
    if (typeof obj.plaintext === "string") {
        try {
            return new Secret(decodeValue(JSON.parse(obj.plaintext)));
        } catch {
            return new Secret(obj.plaintext);
        }
    }
    return new Secret(undefined);
}

export function decodeProps(raw: unknown): Props {
    const out: Props = {};
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return out;
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        // JSON.parse keeps a `__proto__` key as an entry; assigned here it would set the prototype, and a
        // resource without a region of its own would read the one under it. Dropped, as the engine's reader does.
        if (v !== undefined && k !== "__proto__") out[k] = decodeValue(v);
    }
    return out;
}

/**
 * A struct of the engine's request (a resource's inputs), decoded as decodeProps decodes its plain JavaScript
 * (`struct.toJavaScript()`), without making that copy first: a stack of 100,000 resources is read once, not twice.
 */
export function decodeStruct(struct: Struct | undefined): Props {
    const out: Props = {};
    struct?.getFieldsMap().forEach((v, k) => (out[k] = decodeStructValue(v)));
    return out;
}

function decodeStructValue(v: StructValue): Value {
    if (v.hasStringValue()) return decodeValue(v.getStringValue());
    if (v.hasNumberValue()) return v.getNumberValue();
    if (v.hasBoolValue()) return v.getBoolValue();
    if (v.hasListValue()) return v.getListValue()!.getValuesList().map(decodeStructValue);
    const struct = v.getStructValue();
    if (struct && !struct.getFieldsMap().has(SIG_KEY)) return decodeStruct(struct);
    // Null, and the few objects with a signature (a secret, an asset, an output value): as the plain copy reads.
    return decodeValue(v.toJavaScript());
}

/** The inverse of decodeValue: secrets wrapped in their signature, unknowns as the string sentinel. */
export function encodeValue(v: Value | undefined): unknown {
    if (v instanceof Secret) return { [SIG_KEY]: SECRET_SIG, value: encodeValue(v.value) };
    if (v instanceof Unknown) return UNKNOWN_STRING;
    if (Array.isArray(v)) return v.map(encodeValue);
    if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeValue(x)]));
    }
    return v;
}
