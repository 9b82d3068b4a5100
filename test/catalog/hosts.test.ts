// Hosts written to dodge a suffix match still reach the vendor; look-alikes and plain words do not.

import assert from "assert";
import { defaultCatalog, loadCatalog, parseHost } from "../../src/catalog";
import { fixturePath } from "./fixture-dir";

const catalog = defaultCatalog();

describe("parseHost normalises what people write", () => {
    const cases: Array<[string, string, string | undefined]> = [
        ["a bare host", "oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com"],
        ["upper case", "OSS-CN-HANGZHOU.ALIYUNCS.COM", "oss-cn-hangzhou.aliyuncs.com"],
        ["a trailing dot", "aliyuncs.com.", "aliyuncs.com"],
        ["upper case, trailing dot and port", "ALIYUNCS.COM.:443", "aliyuncs.com"],
        ["host:port", "cos.ap-guangzhou.myqcloud.com:8443", "cos.ap-guangzhou.myqcloud.com"],
        ["user@host", "admin@obs.eu-west-0.myhuaweicloud.com", "obs.eu-west-0.myhuaweicloud.com"],
        ["a URL with credentials, port and path", "https://u:p@X.aliyuncs.com:443/p", "x.aliyuncs.com"],
        ["a URL with a query", "https://s3.bj.bcebos.com/bucket?x=1#frag", "s3.bj.bcebos.com"],
        ["a non-web scheme", "s3://S3.OSS-CN-HANGZHOU.ALIYUNCS.COM/bucket", "s3.oss-cn-hangzhou.aliyuncs.com"],
        ["a host with a path, no scheme", "oss-cn-beijing.aliyuncs.com/bucket/key", "oss-cn-beijing.aliyuncs.com"],
        ["surrounding spaces", "  eos-wuxi-1.cmecloud.cn  ", "eos-wuxi-1.cmecloud.cn"],
        ["an IDN", "bücher.example", "xn--bcher-kva.example"],
        ["full-width letters and an ideographic full stop", "ａｌｉｙｕｎｃｓ。ｃｏｍ", "aliyuncs.com"],
        ["an IPv4 literal", "10.0.0.1", "10.0.0.1"],
        ["an IPv4 literal with a port", "http://192.168.1.10:9000/x", "192.168.1.10"],
        ["a hex IPv4 literal", "http://0x7f.1/", "127.0.0.1"],
        ["an IPv6 literal", "2001:DB8::1", "2001:db8::1"],
        ["a bracketed IPv6 literal with a port", "http://[2001:db8:0:0::1]:8080/", "2001:db8::1"],
        ["an empty string", "", undefined],
        ["spaces inside", "not a host", undefined],
        ["a scheme without a host", "file:///etc/passwd", undefined],
    ];
    for (const [what, input, host] of cases) {
        it(`${what}: ${JSON.stringify(input)} -> ${host ?? "undefined"}`, () =>
            assert.strictEqual(parseHost(input), host));
    }
});

describe("parseHost on the URL Standard's host-parsing examples", () => {
    // https://url.spec.whatwg.org/#host-parsing, the table of inputs and the host each gives (or failure),
    // written in a URL as a program would; IPv6 without its brackets, as parseHost returns it.
    const cases: Array<[string, string | undefined]> = [
        ["EXAMPLE.COM", "example.com"],
        ["example%2Ecom", "example.com"],
        ["faß.example", "xn--fa-hia.example"],
        ["0", "0.0.0.0"],
        ["%30", "0.0.0.0"],
        ["0x", "0.0.0.0"],
        ["0xffffffff1", undefined],
        ["[0:0::1]", "::1"],
        ["[0:0::1%5d", undefined],
        ["[0:0::%31]", undefined],
        ["09", undefined],
        ["example.255", undefined],
        ["example^example", undefined],
    ];
    for (const [input, host] of cases) {
        it(`https://${input}/ -> ${host ?? "failure"}`, () => assert.strictEqual(parseHost(`https://${input}/`), host));
    }
});

describe("vendorOfHost after parseHost", () => {
    const cases: Array<[string, string | undefined]> = [
        ["https://u:p@X.aliyuncs.com:443/p", "alibaba"],
        ["s3.oss-cn-hangzhou.aliyuncs.com", "alibaba"],
        ["OSS-CN-HANGZHOU.ALIYUNCS.COM.", "alibaba"],
        ["ａｌｉｙｕｎｃｓ。ｃｏｍ", "alibaba"],
        ["g.alicdn.com", "alibaba"],
        ["mybucket-1250000000.cos.ap-guangzhou.myqcloud.com", "tencent"],
        ["cvm.tencentcloudapi.com", "tencent"],
        ["obs.eu-west-0.myhuaweicloud.com:443", "huawei"],
        ["s3.bj.bcebos.com", "baidu"],
        ["oos-cn-iam.ctyunapi.cn", "china-telecom"],
        ["api-wuxi-1.cmecloud.cn:8443", "china-mobile"],
        ["ecloud.10086.cn", "china-mobile"],
        ["open.volcengineapi.com", "bytedance"],
        ["aliyuncs.com.example.org", undefined],
        ["notaliyuncs.com", undefined],
        ["evilaliyuncs.com", undefined],
        ["xn--liyuncs-1fg.com", undefined],
        ["аliyuncs.com", undefined],
        ["alibaba-report", undefined],
        ["s3.eu-west-1.amazonaws.com", undefined],
        ["ecloud.ukfast.co.uk", undefined],
        ["10.0.0.1", undefined],
        ["2001:db8::1", undefined],
    ];
    for (const [input, vendor] of cases) {
        it(`${JSON.stringify(input)} -> ${vendor ?? "no vendor"}`, () => {
            const host = parseHost(input);
            assert.strictEqual(host === undefined ? undefined : catalog.vendorOfHost(host)?.vendor.id, vendor);
        });
    }

    it("matches a host in any case, on label boundaries, without parseHost's help", () => {
        assert.strictEqual(catalog.vendorOfHost("OSS-CN-HANGZHOU.AliyunCS.com")?.vendor.id, "alibaba");
        assert.strictEqual(catalog.vendorOfRegistry("CCR.CCS.TencentYun.com")?.vendor.id, "tencent");
        assert.strictEqual(catalog.vendorOfHost("EVILALIYUNCS.COM"), undefined);
    });

    it("a match says which suffix matched and cites a source", () => {
        const match = catalog.vendorOfHost("s3.oss-cn-hangzhou.aliyuncs.com");
        assert.strictEqual(match?.matched, "aliyuncs.com");
        assert.match(match?.source ?? "", /alibabacloud\.com/);
    });
});

describe("vendorOfRegistry", () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
        ["registry.cn-hangzhou.aliyuncs.com", "alibaba", "aliyuncs.com"],
        ["myinst-registry.cn-shanghai.cr.aliyuncs.com", "alibaba", "cr.aliyuncs.com"],
        ["ccr.ccs.tencentyun.com", "tencent", "ccs.tencentyun.com"],
        ["hkccr.ccs.tencentyun.com", "tencent", "ccs.tencentyun.com"],
        ["swr.cn-north-4.myhuaweicloud.com", "huawei", "myhuaweicloud.com"],
        ["docker.io", undefined, undefined],
        ["123456789012.dkr.ecr.eu-west-1.amazonaws.com", undefined, undefined],
        ["ghcr.io", undefined, undefined],
    ];
    for (const [host, vendor, matched] of cases) {
        it(`${host} -> ${vendor ?? "no vendor"}`, () => {
            const match = catalog.vendorOfRegistry(host);
            assert.deepStrictEqual([match?.vendor.id, match?.matched], [vendor, matched]);
        });
    }
});

describe("a catalog loaded from its own directory matches as the shipped one does", () => {
    // test/catalog/fixtures/valid: one vendor, Alibaba, known by the domain aliyuncs.com. Loaded in each test, not
    // when the file loads: the mutation run credits a lookup the catalog builds only to the tests that built it.
    const own = () => loadCatalog(fixturePath("valid"));

    it("a host under the vendor's domain, in any case, and its registries, which fall back to its domains", () => {
        const loaded = own();
        assert.strictEqual(loaded.vendorOfHost("OSS-cn-hangzhou.Aliyuncs.com")?.vendor.name, "Alibaba");
        assert.strictEqual(loaded.vendorOfRegistry("registry.cn-hangzhou.aliyuncs.com")?.matched, "aliyuncs.com");
        assert.strictEqual(loaded.vendor("alibaba")?.name, "Alibaba");
    });

    it("not a look-alike or another vendor's host", () => {
        const loaded = own();
        assert.strictEqual(loaded.vendorOfHost("aliyuncs.com.example.org"), undefined);
        assert.strictEqual(loaded.vendorOfHost("cos.ap-guangzhou.myqcloud.com"), undefined);
    });
});
