// Host names as written in configuration (URLs, `host:port`, `user@host`, `HOST.`, IDNs, IP literals) reduced to
// one normal form, so that a suffix match cannot be dodged by spelling. Parsing is left to the WHATWG URL parser.

import net from "net";

// WHATWG URL lower-cases and punycodes hosts only for these schemes, however the slashes after the colon are
// written (`https:/h`, `https:\\h`); others (s3://, oss://, jdbc:mysql://) keep opaque hosts, so their authority
// is read as an http URL's would be.
const specialScheme = /^(?:https?|wss?|ftp|file):/i;
const opaqueSchemePrefix = /^[a-z][a-z0-9+.-]*(?::[a-z][a-z0-9+.-]*)*:\/\//i;

/** Lower case, no trailing dot, punycode for IDNs; IP literals as canonical IP strings. Undefined if not a host. */
export function parseHost(input: string): string | undefined {
    const text = input.trim();
    if (net.isIPv6(text)) return hostOf(`http://[${text}]`);
    if (specialScheme.test(text)) return hostOf(text);
    const scheme = opaqueSchemePrefix.exec(text)?.[0];
    return hostOf(`http://${scheme === undefined ? text : text.slice(scheme.length)}`);
}

function hostOf(url: string): string | undefined {
    let hostname: string;
    try {
        hostname = new URL(url).hostname;
    } catch {
        return undefined;
    }
    // Stryker disable next-line LogicalOperator,StringLiteral: the URL parser brackets an IPv6 host on both sides or on neither
    if (hostname.startsWith("[") && hostname.endsWith("]")) return hostname.slice(1, -1);
    const host = hostname.replace(/\.+$/, "");
    return host === "" ? undefined : host;
}

/**
 * The label-boundary suffixes of a host of at most `maxLabels` labels, longest first: `a.b.com` -> `a.b.com`,
 * `b.com`, `com`. Bounded, so a host of half a million labels costs as much as a short one.
 */
export function hostSuffixes(host: string, maxLabels = Number.POSITIVE_INFINITY): string[] {
    const out: string[] = [];
    for (let end = host.length, n = 0; end >= 0 && n < maxLabels; n++) {
        const dot = end === 0 ? -1 : host.lastIndexOf(".", end - 1);
        out.push(host.slice(dot + 1));
        end = dot;
    }
    return out.reverse();
}
