// The host parser under random and adversarial spellings, against answers known without it: the DNS name or
// IPv4 address a generated URL was built around (in the notations the WHATWG URL Standard accepts), the
// Standard's normal form for any host, and a vendor's host however it is dressed up. (The Standard's own
// host-parsing examples are a table in test/catalog/hosts.test.ts.)
import { strict as assert } from "node:assert";
import { isIPv6 } from "node:net";
import fc from "fast-check";
import { defaultCatalog, parseHost } from "../../src/catalog";
import { hostSuffixes } from "../../src/catalog/hosts";
import { findHosts } from "../../src/locate/core/host-finder";
import { fuzzed, PATHOLOGICAL_MS, SlowestCall } from "./settings";

const catalog = defaultCatalog();

/** One storage endpoint per untrusted cloud, as its S3-compatible documentation writes it. */
const VENDOR_HOSTS: Array<[string, string]> = [
    ["s3.oss-cn-hangzhou.aliyuncs.com", "alibaba"],
    ["cos.ap-guangzhou.myqcloud.com", "tencent"],
    ["obs.cn-north-4.myhuaweicloud.com", "huawei"],
    ["s3.bj.bcebos.com", "baidu"],
];

/** Look-alikes of those hosts that belong to nobody on the lists. */
const DECOYS: string[] = [
    "s3.oss-cn-hangzhou.evilaliyuncs.com",
    "s3.oss-cn-hangzhou.aliyuncs.com.example.org",
    "aliyuncs.com-mirror.example.net",
    "cos.ap-guangzhou.myqcloud.co",
    "obs.cn-north-4.myhuaweicloud.com.evil.io",
    "s3.bj.bcebos.community",
    // Cyrillic а (U+0430) in place of a Latin a: punycode, another domain.
    "s3.oss-cn-hangzhou.\u0430liyuncs.com",
];

const SPECIAL_SCHEMES = ["http", "https", "HTTPS", "Http", "ws", "wss", "ftp"];
/** What the WHATWG parser accepts between a special scheme and the host. */
const SPECIAL_SEPARATORS = ["://", ":/", ":\\\\", ":\\/", ":///", ":"];
const OPAQUE_SCHEMES = ["s3", "oss", "jdbc:mysql", "redis", "minio+s3"];

const FULLWIDTH_OFFSET = 0xfee0;
const fullwidth = (c: string) => (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + FULLWIDTH_OFFSET) : c);

/** One spelling of a host: case, full-width letters, encoded or ideographic dots, trailing dots. */
function spelled(host: string, allowEncoding: boolean): fc.Arbitrary<string> {
    const chars = [...host].map((c) => {
        const forms = [fc.constant(c), fc.constant(c.toUpperCase())];
        if (allowEncoding) forms.push(fc.constant(fullwidth(c)));
        if (allowEncoding && c === ".") forms.push(fc.constantFrom("%2E", "%2e", "\u3002", "\uff0e"));
        return fc.oneof(...forms);
    });
    return fc.tuple(fc.tuple(...chars), fc.constantFrom("", ".", "..")).map(([cs, dots]) => cs.join("") + dots);
}

const userInfo = fc.constantFrom("", "user@", "user:pa55@", "a%40b@", "@");
const port = fc.constantFrom("", ":443", ":8080", ":0");
const pathPart = fc.constantFrom("", "/", "/bucket/key", "/?x=1#frag", "\\key");

/** Hosts of every shape: DNS names with odd labels, IDNs, IP literals, percent-encoding, long labels. */
const anyHost: fc.Arbitrary<string> = fc.oneof(
    fc.domain(),
    fc.ipV4(),
    fc.ipV4Extended(),
    fc.ipV6().map((ip) => `[${ip}]`),
    fc
        .array(
            fc.oneof(
                fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }),
                fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
                fc.string({ unit: fc.constantFrom("a", "-", "%", "2", "E", "x"), minLength: 60, maxLength: 300 }),
            ),
            { minLength: 1, maxLength: 5 },
        )
        .map((labels) => labels.join(".")),
    ...VENDOR_HOSTS.map(([h]) => spelled(h, true)),
);

/** DNS names of every shape fast-check makes; a label starting `xn--` must be valid punycode, which random ones are not. */
const dnsName = fc.domain().filter((d) => !d.split(".").some((label) => label.startsWith("xn--")));

/** Any way a program writes a URL, an endpoint or a bare host around `host`. */
function writtenAround(host: fc.Arbitrary<string>): fc.Arbitrary<string> {
    return fc.oneof(
        fc
            .tuple(
                fc.constantFrom(...SPECIAL_SCHEMES),
                fc.constantFrom(...SPECIAL_SEPARATORS),
                userInfo,
                host,
                port,
                pathPart,
            )
            .map((parts) => parts.join("")),
        fc
            .tuple(fc.constantFrom(...OPAQUE_SCHEMES), userInfo, host, port, pathPart)
            .map(([scheme, ...rest]) => `${scheme}://${rest.join("")}`),
        fc
            .tuple(
                userInfo.filter((u) => u !== "@"),
                host,
                port,
                pathPart.filter((x) => !x.startsWith("\\")),
            )
            .map((parts) => parts.join("")),
    );
}

/** `[192, 168, 0, 1]` in one of the notations the URL Standard's IPv4 parser accepts: 1 to 4 parts, each decimal, hex or octal. */
function ipv4Notation(bytes: number[]): fc.Arbitrary<string> {
    const number = (n: number) =>
        fc.constantFrom(String(n), `0x${n.toString(16)}`, `0X${n.toString(16).toUpperCase()}`, `0${n.toString(8)}`);
    return fc.integer({ min: 1, max: 4 }).chain((parts) => {
        const leading = bytes.slice(0, parts - 1);
        const last = bytes.slice(parts - 1).reduce((acc, b) => acc * 256 + b, 0);
        return fc.tuple(...[...leading, last].map(number)).map((ns) => ns.join("."));
    });
}

/**
 * The URL Standard's forbidden domain code points, besides the controls, space and DEL that the ASCII check
 * below already rules out: none may survive in a host clean-guard judges.
 */
const FORBIDDEN_IN_DOMAIN = /[#%/:<>?@[\\\]^|]/;

describe("fuzz: host parser", () => {
    it("reads back the DNS name a URL, endpoint or bare host was written with, however it is dressed", () => {
        fc.assert(
            fc.property(
                dnsName.chain((name) => writtenAround(spelled(name, true)).map((text) => [name, text] as const)),
                ([name, text]) => assert.equal(parseHost(text), name, text),
            ),
            fuzzed(),
        );
    });

    it("reads an IPv4 address in any notation the URL Standard accepts as its dotted-decimal form", () => {
        const bytes = fc.array(fc.nat(255), { minLength: 4, maxLength: 4 });
        fc.assert(
            fc.property(
                bytes.chain((b) => writtenAround(ipv4Notation(b)).map((text) => [b.join("."), text] as const)),
                ([address, text]) => assert.equal(parseHost(text), address, text),
            ),
            fuzzed(),
        );
    });

    it("whatever it is given, returns nothing or a host in normal form: lower case, ASCII, no trailing dot", () => {
        fc.assert(
            fc.property(fc.oneof(writtenAround(anyHost), fc.string({ unit: "binary", maxLength: 80 })), (text) => {
                const host = parseHost(text);
                if (host === undefined) return;
                assert.ok(host.length > 0 && host === host.toLowerCase(), text);
                if (host.includes(":")) {
                    assert.ok(isIPv6(host), `${JSON.stringify(text)} -> ${host}`);
                } else {
                    assert.ok(
                        /^[\x21-\x7e]+$/.test(host) && !FORBIDDEN_IN_DOMAIN.test(host),
                        `${JSON.stringify(text)} -> ${host}`,
                    );
                    assert.ok(!host.endsWith("."), host);
                }
            }),
            fuzzed(),
        );
    });

    it("never throws and never takes pathologically long, on any text", () => {
        const slowest = new SlowestCall();
        fc.assert(
            fc.property(
                fc.oneof(
                    fc.string({ unit: "binary", maxLength: 300 }),
                    fc.string({
                        unit: fc.constantFrom(":", "/", "\\", "@", "[", "]", ".", "%", "a", "1"),
                        maxLength: 2000,
                    }),
                    fc.webUrl({ withQueryParameters: true, withFragments: true }),
                ),
                (text) => {
                    slowest.time(
                        () => text,
                        () => {
                            parseHost(text);
                            findHosts(text, catalog);
                        },
                    );
                },
            ),
            fuzzed(),
        );
        assert.ok(slowest.ms < PATHOLOGICAL_MS, `${slowest.ms.toFixed(1)} ms on ${JSON.stringify(slowest.input)}`);
    });

    for (const [host, vendor] of VENDOR_HOSTS) {
        it(`finds ${vendor} in any spelling of ${host}: case, dots, user@, port, scheme, encoding`, () => {
            const written = fc.oneof(
                // As an endpoint setting, with or without a scheme: `USER@S3.OSS-CN-HANGZHOU.ALIYUNCS.COM.:443`.
                fc
                    .tuple(
                        userInfo.filter((u) => u !== "@"),
                        spelled(host, false),
                        port,
                        pathPart.filter((x) => !x.startsWith("\\")),
                    )
                    .map(([u, h, p, rest]) => `${u}${h}${p}${rest}`),
                fc
                    .tuple(
                        fc.constantFrom(...SPECIAL_SCHEMES, ...OPAQUE_SCHEMES),
                        userInfo,
                        spelled(host, false),
                        port,
                        pathPart,
                    )
                    .map(([s, u, h, p, rest]) => `${s}://${u}${h}${p}${rest}`),
                // Encodings only a URL parser undoes: `https://ｓ3.oss-cn-hangzhou%2Ealiyuncs。com/`.
                fc
                    .tuple(
                        fc.constantFrom("http", "https"),
                        fc.constantFrom(...SPECIAL_SEPARATORS),
                        spelled(host, true),
                        pathPart,
                    )
                    .map(([s, sep, h, rest]) => `${s}${sep}${h}${rest}`),
            );
            fc.assert(
                fc.property(written, fc.constantFrom("", " ", "export X=", "curl -sS "), (text, prose) => {
                    assert.equal(catalog.vendorOfHost(parseHost(text) ?? "")?.vendor.id, vendor, text);
                    // A URL is found inside a script; anything else must be the whole value.
                    const value = text.includes("://") ? prose + text : text;
                    const found = findHosts(value, catalog).map((h) => h.vendor);
                    assert.ok(found.includes(vendor), `${JSON.stringify(value)} -> ${JSON.stringify(found)}`);
                }),
                fuzzed(),
            );
        });
    }

    it("host suffixes: the label-boundary suffixes, longest first, and only the last few when bounded", () => {
        const naive = (host: string) => host.split(".").map((_, i, labels) => labels.slice(i).join("."));
        fc.assert(
            fc.property(fc.string({ unit: fc.constantFrom("a", "b", "."), maxLength: 30 }), fc.nat(6), (host, max) => {
                assert.deepEqual(hostSuffixes(host), naive(host), host);
                assert.deepEqual(hostSuffixes(host, max), naive(host).slice(-max || naive(host).length), host);
            }),
            fuzzed(),
        );
    });

    it("never attributes a look-alike to a vendor, however it is spelled", () => {
        const written = fc
            .tuple(fc.constantFrom(...DECOYS), fc.constantFrom("", "https://", "s3://", "user@"), port)
            .chain(([decoy, lead, p]) => spelled(decoy, true).map((h) => `${lead}${h}${p}`));
        fc.assert(
            fc.property(written, (text) => {
                assert.equal(catalog.vendorOfHost(parseHost(text) ?? ""), undefined, text);
                assert.deepEqual(
                    findHosts(text, catalog).filter((h) => h.vendor),
                    [],
                    text,
                );
            }),
            fuzzed(),
        );
    });
});
