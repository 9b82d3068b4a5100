// Which host names a string sends data to. The rule that keeps resource names and prose out:
// - a URL needs a scheme (`https://`, `s3://`, `jdbc:mysql://`); URLs are found anywhere in the text, so a
//   script or an environment variable that embeds one is covered;
// - a bare host (`oss-cn-hangzhou.aliyuncs.com`, `user@host:443`, `HOST.` with an optional path) must be the
//   whole string, have dot-separated labels, and end in a vendor's suffix or a known top-level domain.
// So `alibaba-report` (no dot) and "migrated off aliyun.com last year" (prose, no scheme) are not hosts.
// Linear: one indexOf pass for schemes, and a bare-host pattern whose repeated groups are separated by a
// literal dot (no backtracking trap).

import { parseHost } from "../catalog/hosts";
import type { Catalog } from "../catalog/types";

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
/** Where a URL embedded in text ends. */
const URL_END = /[\s"'<>`]/;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;
const MAX_BARE = 2048;

/**
 * Generic top-level domains seen in endpoints; country-code TLDs come from the catalog's country list.
 * Source: IANA Root Zone Database, https://www.iana.org/domains/root/db
 */
const GENERIC_TLDS = new Set(
    "com net org info biz int gov edu mil arpa name pro mobi asia app dev io cloud tech site online xyz top eu uk".split(
        " ",
    ),
);

export interface TextHost {
    host: string;
    /** Untrusted vendor id owning the host. */
    vendor?: string;
}

export function hostsInText(text: string, catalog: Catalog): TextHost[] {
    const out: TextHost[] = [];
    let from = 0;
    for (let at = text.indexOf("://", from); at >= 0; at = text.indexOf("://", from)) {
        let start = at;
        while (start > 0 && SCHEME_CHAR.test(text[start - 1])) start--;
        let end = at + 3;
        while (end < text.length && !URL_END.test(text[end])) end++;
        from = end;
        if (start === at) continue;
        const host = parseHost(text.slice(start, end).replace(TRAILING_PUNCTUATION, ""));
        if (host && (host.includes(".") || host.includes(":"))) out.push(withVendor(host, catalog));
    }
    if (out.length === 0 && text.length <= MAX_BARE) {
        // A whole value with no space, read as a URL parser reads a host (full-width letters, ideographic dots,
        // percent-encoded dots and a special scheme written without `//` included).
        const whole = text.trim();
        const host = /\s/.test(whole) ? undefined : parseHost(whole);
        const found = host?.includes(".") ? withVendor(host, catalog) : undefined;
        if (found && (found.vendor || hasPublicSuffix(found.host, catalog))) out.push(found);
    }
    return out;
}

function withVendor(host: string, catalog: Catalog): TextHost {
    const vendor = catalog.vendorOfHost(host)?.vendor.id;
    return vendor ? { host, vendor } : { host };
}

function hasPublicSuffix(host: string, catalog: Catalog): boolean {
    const tld = host.slice(host.lastIndexOf(".") + 1);
    return GENERIC_TLDS.has(tld) || (tld.length === 2 && catalog.isCountry(tld));
}
