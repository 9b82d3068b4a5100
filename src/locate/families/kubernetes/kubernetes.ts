// What a Kubernetes resource runs that the generic input scan cannot see: the Helm charts it installs
// and the workloads written as inline YAML in a ConfigGroup. Manifests in files (ConfigFile, a
// ConfigGroup's `files`) are not read per resource: the objects in them are registered as resources of
// their own once the component expands, and are checked there.
//
// The container images of workload objects (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
// CronJob, their init and ephemeral containers, structured ConfigGroup `objs`) are `image` inputs, which
// the input scan (scan.ts) records with their paths; recording them here too would report each image
// twice. This locator adds what only a reader of pod specs knows: an image field that is not an image
// reference (a `${REGISTRY}` placeholder left in) cannot be checked, and says so.
//
// No location: a Kubernetes object lives wherever its cluster does, and neither the object nor its
// provider names the cluster's place in a form the pack can judge. Recording "undetermined" on every
// object would bury real findings; the cluster's own resource (EKS, AKS, GKE, ACK) is where location is
// judged.

import { loadAll } from "js-yaml";
import { parseHost } from "../../../catalog/hosts";
import type { Placement } from "../../../model/placement";
import { isRecord, type Props, type Value } from "../../../model/values";
import type { LocateContext, Locator } from "../../core/context";
import { parseImageRef } from "../../core/image-ref";
import { unreadable } from "../../core/unreadable";
import { readString, readValue, type PathSegment } from "../../core/read";

const HELM_TYPES: ReadonlySet<string> = new Set(["kubernetes:helm.sh/v3:Release", "kubernetes:helm.sh/v4:Chart"]);
const MANIFEST_TYPES: ReadonlySet<string> = new Set(["kubernetes:yaml/v2:ConfigGroup"]);

/** Where the pod spec sits in each workload kind, by `apiVersion:kind` (Kubernetes API reference). */
const TEMPLATE_SPEC: PathSegment[] = ["spec", "template", "spec"];
const POD_SPEC_PATHS: ReadonlyMap<string, readonly PathSegment[]> = podSpecPaths([
    [["v1"], ["Pod"], ["spec"]],
    [["v1"], ["PodTemplate"], ["template", "spec"]],
    [["v1"], ["ReplicationController"], TEMPLATE_SPEC],
    [["apps/v1"], ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"], TEMPLATE_SPEC],
    [["batch/v1"], ["Job"], TEMPLATE_SPEC],
    [["batch/v1"], ["CronJob"], ["spec", "jobTemplate", "spec", "template", "spec"]],
]);
const CONTAINER_LISTS = ["containers", "initContainers", "ephemeralContainers"] as const;

/** Inline YAML larger than this is not parsed per resource: its objects are located one by one once expanded. */
const MAX_INLINE_YAML = 256 * 1024;

function podSpecPaths(table: Array<[string[], string[], PathSegment[]]>): Map<string, readonly PathSegment[]> {
    const out = new Map<string, readonly PathSegment[]>();
    for (const [versions, kinds, path] of table)
        for (const v of versions) for (const k of kinds) out.set(`${v}:${k}`, path);
    return out;
}

export const locateKubernetes: Locator = (resource, p, ctx) => {
    if (HELM_TYPES.has(resource.type)) return addChart(resource.props, p, ctx);
    if (MANIFEST_TYPES.has(resource.type)) return addInlineYamlImages(resource.props, p, ctx);
    // Workload images are recorded by the input scan; only the ones it cannot read are reported here.
    const podSpec = POD_SPEC_PATHS.get(resource.type.slice("kubernetes:".length).replace(/^core\//, ""));
    if (podSpec) forEachImage(resource.props, podSpec, "", p, () => undefined);
};

/**
 * A Helm chart comes from `repositoryOpts.repo`, or from the registry in an `oci://` or `https://`
 * chart reference. A chart without `/` or starting `./` is a directory shipped with the program.
 * `repo/chart` names a repository added with `helm repo add` outside the program: not checkable.
 */
function addChart(props: Props, p: Placement, ctx: LocateContext): void {
    const repo = readString(props, ["repositoryOpts", "repo"]);
    if (unreadable(p, repo, "image", "the chart repository")) return;
    if (repo.value) return addChartFrom(p, ctx, repo.value, repo.path, repo.secret);
    const chart = readString(props, ["chart"]);
    if (unreadable(p, chart, "image", "the chart")) return;
    const ref = chart.value?.trim();
    if (!ref || /^\.{0,2}\//.test(ref) || !ref.includes("/")) return;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return addChartFrom(p, ctx, ref, chart.path, chart.secret);
    p.undetermined.push({
        aspect: "image",
        reason: "unrecognised",
        path: chart.path,
        detail: `${chart.secret ? "the chart" : `chart '${ref}'`} names a Helm repository configured outside the program (or a local directory), so its registry cannot be checked: set repositoryOpts.repo or use an oci:// reference`,
    });
}

function addChartFrom(p: Placement, ctx: LocateContext, ref: string, path: string, secret: boolean): void {
    const host = parseHost(ref);
    if (!host)
        return notAReference(p, path, secret ? "is a secret that is not a chart URL" : `'${ref}' is not a chart URL`);
    const vendor = ctx.catalog.vendorOfRegistry(host)?.vendor.id;
    p.images.push({
        ref,
        kind: "helm-chart",
        registry: host,
        path,
        ...(vendor ? { vendor } : {}),
        ...(secret ? { secret: true } : {}),
    });
}

function notAReference(p: Placement, path: string, why: string): void {
    p.undetermined.push({
        aspect: "image",
        reason: "unrecognised",
        path,
        detail: `${path} ${why}, so its registry cannot be checked`,
    });
}

/** A ConfigGroup's `yaml` (one string or a list): the workloads in it, before the group is expanded. */
function addInlineYamlImages(props: Props, p: Placement, ctx: LocateContext): void {
    const yaml = readValue(props, ["yaml"]);
    if (unreadable(p, yaml, "image", "the inline YAML")) return;
    const texts: Array<[string, Value]> = Array.isArray(yaml.value)
        ? yaml.value.map((t, i) => [`yaml[${i}]`, t])
        : [["yaml", yaml.value ?? null]];
    for (const [at, text] of texts) {
        if (typeof text !== "string") continue;
        if (text.length > MAX_INLINE_YAML) {
            p.undetermined.push({
                aspect: "image",
                reason: "too-large",
                path: at,
                detail: `the inline YAML at ${at} is over ${MAX_INLINE_YAML / 1024} KiB and was not read for images`,
            });
            continue;
        }
        const docs = parseDocs(text);
        if (!docs) {
            p.undetermined.push({
                aspect: "image",
                reason: "unrecognised",
                path: at,
                detail: `the inline YAML at ${at} does not parse, so its images cannot be checked`,
            });
            continue;
        }
        docs.forEach((doc, d) => addObjectImages(doc, `${at}#${d}`, p, ctx, yaml.secret));
    }
}

function parseDocs(text: string): Value[] | undefined {
    try {
        return loadAll(text) as Value[];
    } catch {
        return undefined;
    }
}

function addObjectImages(obj: Value, at: string, p: Placement, ctx: LocateContext, secret: boolean): void {
    if (!isRecord(obj)) return;
    const spec = POD_SPEC_PATHS.get(`${String(obj.apiVersion)}:${String(obj.kind)}`);
    if (!spec) return;
    forEachImage(obj, spec, `${at}.`, p, (ref, path) => {
        const vendor = ctx.catalog.vendorOfRegistry(ref.registry)?.vendor.id;
        p.images.push({
            ref: ref.text,
            kind: "container",
            registry: ref.registry,
            path,
            ...(vendor ? { vendor } : {}),
            ...(secret ? { secret: true } : {}),
        });
    });
}

/**
 * Visits each container image of a pod spec that is an image reference; one that is not (a template
 * placeholder left in, a typo) cannot be checked and is recorded so, never dropped.
 */
function forEachImage(
    root: Props,
    spec: readonly PathSegment[],
    prefix: string,
    p: Placement,
    visit: (ref: { text: string; registry: string }, path: string) => void,
): void {
    for (const list of CONTAINER_LISTS) {
        const containers = readValue(root, [...spec, list]).value;
        if (!Array.isArray(containers)) continue;
        containers.forEach((_, i) => {
            const image = readString(root, [...spec, list, i, "image"]);
            const path = prefix + image.path;
            if (image.opaque) {
                unreadable(p, { ...image, path }, "image", "the image");
                return;
            }
            if (!image.value) return;
            const parsed = parseImageRef(image.value);
            if (parsed) return visit({ text: image.value, registry: parsed.registry }, path);
            const what = image.secret
                ? "holds a secret that is not an image reference"
                : `'${image.value}' is not an image reference`;
            notAReference(p, path, what);
        });
    }
}
