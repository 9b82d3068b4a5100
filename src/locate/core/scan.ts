// Every input string, of the resource and of its provider, read once for the hosts it sends data to and the
// container images it runs: an S3 client's endpoint pointed at Alibaba OSS, a webhook, a URL in an
// environment variable, an image in an ECS container definition. One walk, bounded in depth; JSON inside
// strings is decoded (bounded in size) and walked as if it were inputs.

import type { Catalog } from "../../catalog/types";
import type { Host, Image, Location, Placement, Undetermined } from "../../model/placement";
import { NameMemo } from "../../model/name-memo";
import type { NormalisedResource } from "../../model/resource";
import { isRecord, Secret, Unknown, type Props, type Value } from "../../model/values";
import type { Locator } from "./context";
import { findHosts } from "./host-finder";
import { filtersTraffic } from "./traffic-filters";
import { parseImageRef } from "./image-ref";
import { decodeConfigText } from "./config-strings";
import { decodeJsonString, MAX_JSON_STRING } from "./json-strings";
import { bedrockProcessing, endpointProcessing, type Processing, type Written } from "./processing";
import { providerLabel } from "./read";

/** Keys whose value is an address data is sent to (`endpoints`, `S3_ENDPOINT`, `webhookUrl`, `callbackUri`). */
const ENDPOINT_KEY = /(endpoints?|urls?|uri|webhook|hostname)$/i;

/**
 * Keys whose value is a script run on the machine or by the deployment (EC2 `userData`, a command's `create`, a VM
 * extension's `commandToExecute`, a GCE `startup-script`): its endpoints are bare words among commands.
 */
const SCRIPT_KEY =
    /^(?:userData|user-data|create|update|delete|command|commandToExecute|buildspec|customData)$|script$/i;
/**
 * Scripts a provider takes base64-encoded (`userDataBase64`, Azure's `customData` and `userData`): read once decoded.
 * Only these: a base64 file's content (`contentBase64`) is data, and a mention of a host there is no call to it.
 */
const BASE64_SCRIPT_KEY = /^(?:userData|userDataBase64|customData)$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The text a base64 value encodes, when it is text (no control characters but whitespace, valid UTF-8). */
function base64Text(value: string): string | undefined {
    const compact = value.replace(/\s+/g, "");
    if (compact.length < 8 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
    const text = Buffer.from(compact, "base64").toString("utf8");
    return /^[^\p{C}\uFFFD]*$/u.test(text.replace(/\s/g, "")) ? text : undefined;
}

/** The value sits under such a key at any depth: `endpoints[0].s3` of an AWS provider is an endpoint. */
function isEndpointPath(path: string): boolean {
    return path.split(/[.[\]]+/).some((segment) => ENDPOINT_KEY.test(segment));
}

/** Inputs that hold a container image reference, lower case: `image`, `imageUri` (Lambda), `Image` (CloudFormation shapes). */
const IMAGE_KEYS = new Set([
    "image",
    "imageuri",
    "imagename",
    "imageurl",
    "imageref",
    "imagereference",
    "imageidentifier",
    "containerimage",
]);

/**
 * An IAM policy's principals name who may act (`"Service": "logs.us-east-1.amazonaws.com"` in a key policy), not
 * where data is sent: a host there is an identity, not an endpoint.
 */
const IDENTITY_KEYS = new Set(["Principal", "NotPrincipal"]);

/** Types whose `image` is a machine image name, not a container (`debian-cloud/debian-12` on a GCE disk). */
const MACHINE_IMAGE_TYPE_PREFIXES = ["gcp:compute/"];

/** What an input's name says its string value is. */
interface KeyRole {
    script: boolean;
    base64Script: boolean;
    image: boolean;
}

/** Asked for every string of every resource, of the few hundred input names a stack uses: each name is read once. */
const keyRoles = new NameMemo<KeyRole>();

function keyRole(key: string): KeyRole {
    return keyRoles.get(key, () => ({
        script: SCRIPT_KEY.test(key),
        base64Script: BASE64_SCRIPT_KEY.test(key),
        image: IMAGE_KEYS.has(key.toLowerCase()),
    }));
}

/** Deeper nesting than any provider schema has; beyond it the input is reported, not walked. */
const MAX_DEPTH = 48;

interface Found {
    hosts: Host[];
    images: Image[];
    /** Where the inputs send data to be processed (a Bedrock inference profile, a model endpoint). */
    locations: Location[];
    undetermined: Undetermined[];
}

const providerScans = new WeakMap<Props, Found>();

export const scanInputs: Locator = (resource, p, ctx) => {
    const found = scan(resource.props, "", ctx.catalog, containerImages(resource.type), filtersTraffic(resource.type));
    append(p, found);
    if (resource.provider) append(p, providerScan(resource, ctx.catalog));
};

/** A provider is shared by many resources: its inputs are walked once and the findings reused. */
function providerScan(resource: NormalisedResource, catalog: Catalog): Found {
    const props = resource.provider!.props;
    let found = providerScans.get(props);
    if (!found) {
        found = scan(props, `${providerLabel(resource)}: `, catalog, true);
        providerScans.set(props, found);
    }
    return found;
}

/** Element by element: an input can hold hundreds of thousands of hosts, more than a spread call takes. */
function append(p: Placement, found: Found): void {
    for (const h of found.hosts) p.hosts.push(h);
    for (const i of found.images) p.images.push(i);
    for (const l of found.locations) p.locations.push(l);
    for (const u of found.undetermined) p.undetermined.push(u);
}

function containerImages(type: string): boolean {
    return !MACHINE_IMAGE_TYPE_PREFIXES.some((prefix) => type.startsWith(prefix));
}

/** `hostsAreFilters`: the resource names hosts to filter traffic by them, not to send data (a firewall rule). */
function scan(
    props: Props,
    prefix: string,
    catalog: Catalog,
    imagesAreContainers: boolean,
    hostsAreFilters = false,
): Found {
    const found: Found = { hosts: [], images: [], locations: [], undetermined: [] };
    const walker = new Walker(catalog, found, prefix, imagesAreContainers, hostsAreFilters);
    for (const [key, value] of Object.entries(props)) walker.walk(value, key, key, false, 0);
    return found;
}

class Walker {
    private readonly seen = new Set<string>();
    /**
     * Lists and maps already read: YAML aliases make one node appear at many paths, and a few lines of nested
     * aliases (a "billion laughs" ConfigMap) would otherwise be walked billions of times. A host under a shared node
     * is reported at the first path it is found. A Set, not a WeakSet: it lives for one scan, and a WeakSet's
     * entries cost more to add and to collect.
     */
    private readonly walked = new Set<object>();

    constructor(
        private readonly catalog: Catalog,
        private readonly found: Found,
        private readonly prefix: string,
        private readonly imagesAreContainers: boolean,
        private readonly hostsAreFilters: boolean,
    ) {}

    /** `key` is the nearest property name: an array of images keeps its parent's `image` key. */
    walk(value: Value | undefined, path: string, key: string, secret: boolean, depth: number): void {
        if (depth > MAX_DEPTH)
            return this.undetermined(
                "too-large",
                path,
                `the input ${this.prefix}${path} is nested deeper than ${MAX_DEPTH} levels and was not read`,
            );
        if (value instanceof Secret && value.value === undefined) return this.opaque(path, key);
        if (value instanceof Secret) return this.walk(value.value, path, key, true, depth);
        if (value instanceof Unknown) {
            // An unknown image or endpoint will be known at `up`; an unknown value under any other key is not
            // known to be a host at all, and saying "cannot verify" for every computed input would be noise.
            if (this.isImageKey(key)) this.unknownImage(path);
            else if (this.isEndpoint(path)) this.unknownEndpoint(path);
            return;
        }
        if (typeof value === "string") return this.text(value, path, key, secret, depth);
        if (typeof value !== "object" || value === null || this.walked.has(value)) return;
        this.walked.add(value);
        if (Array.isArray(value)) {
            value.forEach((element, i) => this.walk(element, `${path}[${i}]`, key, secret, depth + 1));
        } else if (isRecord(value)) {
            for (const [k, v] of Object.entries(value))
                if (!IDENTITY_KEYS.has(k)) this.walk(v, path ? `${path}.${k}` : k, k, secret, depth + 1);
        }
    }

    private text(value: string, path: string, key: string, secret: boolean, depth: number): void {
        const decoded = decodeJsonString(value);
        if (decoded.kind === "json") return this.walk(decoded.value, path, key, secret, depth + 1);
        if (decoded.kind === "too-large") {
            return this.undetermined(
                "too-large",
                path,
                `the JSON in ${this.prefix}${path} is larger than ${MAX_JSON_STRING / 1024} KiB and was not read for hosts and images`,
            );
        }
        const role = keyRole(key);
        if (role.base64Script) {
            const script = base64Text(value);
            if (script !== undefined) return this.hosts(script, path, secret, true);
        }
        const script = role.script;
        // A script is read word by word (a cloud-config's `runcmd` lines among them), not as the settings it holds.
        const config = script || this.isImageKey(key) ? undefined : decodeConfigText(value);
        if (config !== undefined) return this.walk(config, path, key, secret, depth + 1);
        // A value under an image key that is no image reference (a URL to an archive) is still read for hosts.
        if (this.isImageKey(key) && this.image(value, path, secret)) return;
        this.processing(bedrockProcessing(value, this.at(path, secret), this.catalog));
        this.hosts(value, path, secret, script);
    }

    /** Where a value was found, for the processing places it names. */
    private at(path: string, secret: boolean): () => Omit<Written, "name"> {
        return () => ({
            via: this.prefix ? `${this.prefix}${path}` : `input '${path}'`,
            path: this.prefix + path,
            ...(secret ? { secret: true } : {}),
        });
    }

    /** An input that names where data is sent; a filter's hosts name no such place. */
    private isEndpoint(path: string): boolean {
        return !this.hostsAreFilters && isEndpointPath(path);
    }

    private hosts(value: string, path: string, secret: boolean, script: boolean): void {
        if (this.hostsAreFilters) return;
        // Once per text, not per host: a list of 100,000 endpoints would be searched 100,000 times.
        const isUrl = value.includes("://");
        for (const found of findHosts(value, this.catalog, script)) {
            // One entry per host and input: a script that calls the same host 200,000 times is one finding.
            const key = `${found.host}\u0000${path}`;
            if (this.seen.has(key)) continue;
            this.seen.add(key);
            this.found.hosts.push({ ...found, path: this.prefix + path, ...(secret ? { secret: true } : {}) });
            this.processing(endpointProcessing(found.host, isUrl, this.at(path, secret), this.catalog));
        }
    }

    private processing(found: Processing | undefined): void {
        if (!found) return;
        for (const l of found.locations) this.found.locations.push(l);
        for (const u of found.undetermined) this.found.undetermined.push(u);
    }

    private image(ref: string, path: string, secret: boolean): boolean {
        const parsed = parseImageRef(ref);
        if (!parsed) return false;
        const vendor = this.catalog.vendorOfRegistry(parsed.registry)?.vendor.id;
        this.found.images.push({
            ref,
            kind: "container",
            registry: parsed.registry,
            path: this.prefix + path,
            ...(vendor ? { vendor } : {}),
            ...(secret ? { secret: true } : {}),
        });
        return true;
    }

    private isImageKey(key: string): boolean {
        return this.imagesAreContainers && keyRole(key).image;
    }

    private unknownImage(path: string): void {
        this.found.undetermined.push({
            aspect: "image",
            reason: "unknown-during-preview",
            path: this.prefix + path,
            detail: `the container image (${this.prefix}${path}) is not known during preview`,
            advisory: true,
        });
    }

    /**
     * A secret whose plaintext is not available (a preview's "[secret]", an export's ciphertext): an image or
     * endpoint hidden so cannot be verified; any other hidden value is not known to hold a host at all.
     */
    private opaque(path: string, key: string): void {
        const aspect = this.isImageKey(key) ? "image" : this.isEndpoint(path) ? "host" : undefined;
        if (!aspect) return;
        this.found.undetermined.push({
            aspect,
            reason: "secret-ciphertext",
            path: this.prefix + path,
            detail: `the ${aspect === "image" ? "container image" : "endpoint"} ${this.prefix}${path} is a secret whose value is not available to clean-guard`,
        });
    }

    private unknownEndpoint(path: string): void {
        this.found.undetermined.push({
            aspect: "host",
            reason: "unknown-during-preview",
            path: this.prefix + path,
            detail: `the endpoint ${this.prefix}${path} is not known during preview`,
            advisory: true,
        });
    }

    private undetermined(reason: Undetermined["reason"], path: string, detail: string): void {
        this.found.undetermined.push({ aspect: "host", reason, path: this.prefix + path, detail });
    }
}
