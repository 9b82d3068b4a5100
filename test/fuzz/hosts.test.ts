// The host parser under random and adversarial spellings: whatever a program writes, the host clean-guard
// judges is the host the WHATWG URL parser (Node, browsers, most SDKs) would connect to, and a vendor's
// host is recognised however it is dressed up.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { defaultCatalog, parseHost } from "../../src/catalog";
import { hostSuffixes } from "../../src/catalog/hosts";
import { findHosts } from "../../src/locate/host-finder";
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

/** The host as the WHATWG parser reads it, in parseHost's normal form: no brackets, no trailing dot. */
function whatwgHost(url: string): string | undefined {
    let hostname: string;
    try {
        hostname = new URL(url).hostname;
    } catch {
        return undefined;
    }
    const host = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname.replace(/\.+$/, "");
    return host === "" ? undefined : host;
}

describe("fuzz: host parser", () => {
    it("agrees with the WHATWG URL parser on URLs of special schemes, whatever the separator", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...SPECIAL_SCHEMES),
                fc.constantFrom(...SPECIAL_SEPARATORS),
                userInfo,
                anyHost,
                port,
                pathPart,
                (scheme, sep, user, host, p, rest) => {
                    const url = `${scheme}${sep}${user}${host}${p}${rest}`;
                    assert.equal(parseHost(url), whatwgHost(url), url);
                },
            ),
            fuzzed(),
        );
    });

    it("reads the authority of an opaque scheme (s3://, jdbc:mysql://) as an http URL would", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...OPAQUE_SCHEMES),
                userInfo,
                anyHost,
                port,
                pathPart,
                (scheme, user, host, p, rest) => {
                    const authority = `${user}${host}${p}${rest}`;
                    assert.equal(parseHost(`${scheme}://${authority}`), whatwgHost(`http://${authority}`), authority);
                },
            ),
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
