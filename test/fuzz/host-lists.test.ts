// The host finder on lists and embedded URLs: one untrusted endpoint anywhere in a list of clean ones, with any
// separator and in any written form, is found; a list of clean endpoints, with look-alikes and hosts only
// mentioned in a path, yields none. The untrusted hosts come from the catalog's sourced vendor domains.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { defaultCatalog } from "../../src/catalog";
import { findHosts } from "../../src/locate/core/host-finder";
import { fuzzed } from "./settings";

const catalog = defaultCatalog();

/** Every vendor domain the catalog cites a source for, with the vendor it belongs to. */
const VENDOR_DOMAINS = catalog.facts!()
    .filter((f) => (f.kind === "domains" || f.kind === "cdnDomains") && f.source && f.owner)
    .map((f) => ({ domain: f.value, vendor: f.owner! }));

const SEPARATORS = [",", ";", "|", " ", ", ", "; ", " | ", "\n", "\t", ",\n", "\r\n", "\n- ", "\uff0c", "\u3001"];

/** A DNS label; `--` is left out because `xn--` starts a punycode label, which must then be valid punycode. */
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/).filter((l) => !l.includes("--"));
const port = fc.integer({ min: 1, max: 65535 });

/** A host of a vendor: the domain itself or a name under it (`records-125.myqcloud.com`). */
const untrustedHost = fc
    .tuple(fc.constantFrom(...VENDOR_DOMAINS), fc.option(label, { nil: undefined }))
    .map(([{ domain, vendor }, sub]) => ({ host: sub ? `${sub}.${domain}` : domain, vendor }));

/** Hosts on nobody's list, look-alikes of the vendors' included (`aliyuncs.com.mirror.example.org`). */
const cleanHost = fc
    .oneof(
        fc.domain(),
        label.map((l) => `${l}.example.org`),
        label.map((l) => `${l}.s3.eu-west-1.amazonaws.com`),
        fc
            .tuple(fc.constantFrom(...VENDOR_DOMAINS), label)
            .map(([{ domain }, l]) => `${l}.${domain}.mirror.example.org`),
    )
    .filter((h) => catalog.vendorOfHost(h.toLowerCase()) === undefined);

/** The ways an endpoint is written in a list: bare, host:port, with user info, as a URL, shouted with a trailing dot. */
function endpoint(host: string): fc.Arbitrary<string> {
    return fc.oneof(
        fc.constant(host),
        port.map((p) => `${host}:${p}`),
        port.map((p) => `svc:pw@${host}:${p}`),
        fc.tuple(fc.constantFrom("https", "http", "s3", "wss", "kafka"), label).map(([s, l]) => `${s}://${host}/${l}`),
        fc.constant(`HTTPS://${host.toUpperCase()}.:443/`),
        fc.constant(`${host.toUpperCase()}.`),
    );
}

/** A clean endpoint that carries another URL in its query or fragment, raw or percent-encoded once or twice. */
function carrying(outer: string, inner: string): fc.Arbitrary<string> {
    const once = encodeURIComponent(inner);
    return fc
        .tuple(
            fc.constantFrom("?to=", "?a=1&redirect_uri=", "#", "#/cb?next="),
            fc.constantFrom(inner, once, encodeURIComponent(once)),
        )
        .map(([where, written]) => `https://${outer}/forward${where}${written}`);
}

/** Items joined by separators chosen per gap. */
function joined(items: string[]): fc.Arbitrary<string> {
    return fc
        .array(fc.constantFrom(...SEPARATORS), { minLength: items.length, maxLength: items.length })
        .map((seps) => items.map((item, i) => (i === 0 ? item : seps[i] + item)).join(""));
}

const cleanEndpoints = fc.array(cleanHost.chain(endpoint), { maxLength: 8 });
const untrustedEndpoint = untrustedHost.chain((u) => endpoint(u.host).map((written) => ({ ...u, written })));

/** `items` with `item` inserted at any position, joined by any separators. */
const listWith = (items: fc.Arbitrary<string[]>, item: fc.Arbitrary<string>) =>
    fc.tuple(items, item, fc.nat()).chain(([list, one, at]) => joined(list.toSpliced(at % (list.length + 1), 0, one)));

const vendorsFound = (text: string) => findHosts(text, catalog).flatMap((h) => (h.vendor ? [h.vendor] : []));

describe("fuzz: hosts in lists and in other URLs", () => {
    it("draws on the catalog's sourced vendor domains", () => assert.ok(VENDOR_DOMAINS.length >= 10));

    it("finds one untrusted endpoint at any position in a list of clean ones, with any separators", () => {
        const cases = untrustedEndpoint.chain((u) =>
            listWith(cleanEndpoints, fc.constant(u.written)).map((text) => ({ text, vendor: u.vendor })),
        );
        fc.assert(
            fc.property(cases, ({ text, vendor }) =>
                assert.ok(vendorsFound(text).includes(vendor), `${JSON.stringify(text)} should name ${vendor}`),
            ),
            fuzzed(),
        );
    });

    it("finds an untrusted URL carried in a clean URL's query or fragment, in a list or alone", () => {
        const cases = fc.tuple(untrustedHost, cleanHost, label).chain(([u, outer, path]) =>
            listWith(cleanEndpoints, carrying(outer, `https://${u.host}/${path}`)).map((text) => ({
                text,
                vendor: u.vendor,
            })),
        );
        fc.assert(
            fc.property(cases, ({ text, vendor }) =>
                assert.ok(vendorsFound(text).includes(vendor), `${JSON.stringify(text)} should name ${vendor}`),
            ),
            fuzzed(),
        );
    });

    it("finds no untrusted host in a list of clean endpoints, look-alikes and hosts only mentioned in a path", () => {
        const mention = fc
            .tuple(cleanHost, untrustedHost)
            .map(([outer, u]) => `https://${outer}/migrate-from/${u.host}`);
        const cases = fc.oneof(
            listWith(cleanEndpoints, mention),
            listWith(
                cleanEndpoints,
                fc.tuple(cleanHost, cleanHost).chain(([a, b]) => carrying(a, `https://${b}/`)),
            ),
            cleanEndpoints.chain(joined),
        );
        fc.assert(
            fc.property(cases, (text) => assert.deepEqual(vendorsFound(text), [], JSON.stringify(text))),
            fuzzed(),
        );
    });

    it("reads no host out of prose that names a vendor's domain", () => {
        const word = fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/);
        const cases = fc
            .tuple(fc.array(word, { minLength: 1, maxLength: 6 }), untrustedHost, fc.array(word, { maxLength: 6 }))
            .chain(([before, u, after]) =>
                fc.constantFrom(" ", ", ", ". ", "; ").map((sep) => [...before, u.host, ...after].join(sep)),
            );
        fc.assert(
            fc.property(cases, (text) => assert.deepEqual(vendorsFound(text), [], JSON.stringify(text))),
            fuzzed(),
        );
    });
});
