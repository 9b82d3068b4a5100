// Container image references, read by the Docker reference grammar
// (https://github.com/distribution/reference/blob/main/reference.go): `[registry/]repository[:tag][@digest]`,
// where the first path component is a registry only if it contains `.` or `:` or is `localhost`; otherwise
// the image comes from Docker Hub (`nginx`, `library/nginx`, `team/app:1.2`).

import { parseHost } from "../../catalog/hosts";

export const DOCKER_HUB = "docker.io";

/** Characters a reference may hold (name components, tag, digest, registry port). */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@+]*$/;
/** Helm's `oci://` charts and skopeo-style `docker://` references carry a transport prefix. */
const TRANSPORT = /^(?:docker|oci):\/\//i;

export interface ImageRef {
    /** Normalised registry host (no port): `registry.cn-hangzhou.aliyuncs.com`, `docker.io`. */
    registry: string;
}

/** The registry of an image reference; undefined when the text is not a reference at all. */
export function parseImageRef(text: string): ImageRef | undefined {
    const ref = text.trim().replace(TRANSPORT, "");
    if (ref.length === 0 || ref.length > 1024 || !REFERENCE.test(ref)) return undefined;
    const name = ref.split("@")[0];
    const slash = name.indexOf("/");
    const first = slash < 0 ? "" : name.slice(0, slash);
    if (!first || !(first.includes(".") || first.includes(":") || first === "localhost"))
        return { registry: DOCKER_HUB };
    const registry = parseHost(first);
    return registry ? { registry } : undefined;
}
