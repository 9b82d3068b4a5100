// The host finder, one spelling per line, each trap beside its decoy: what a string addresses is found
// however the list or the embedding is written; what it only mentions is not.
import { strict as assert } from "node:assert";
import { defaultCatalog } from "../../src/catalog";
import { buildCatalog } from "../../src/catalog/catalog";
import { defaultCatalogDir } from "../../src/catalog/index";
import { loadCatalogData } from "../../src/catalog/load";
import type { Catalog } from "../../src/catalog/types";
import { findHosts } from "../../src/locate/core/host-finder";

const catalog = defaultCatalog();
const COS = "records-1250000000.cos.ap-guangzhou.myqcloud.com";
const OSS = "oss-cn-shenzhen.aliyuncs.com";

/** `host vendor` for each untrusted host found, sorted; a clean host is not listed. */
const untrusted = (text: string) =>
    findHosts(text, catalog)
        .filter((h) => h.vendor)
        .map((h) => `${h.host} ${h.vendor}`)
        .sort();

describe("host finder: lists", () => {
    const cases: Array<[what: string, text: string, found: string[]]> = [
        ["URLs separated by a comma", `https://api.example.org/v1,https://${COS}`, [`${COS} tencent`]],
        ["URLs separated by a comma and a space", `https://api.example.org/v1, https://${COS}`, [`${COS} tencent`]],
        ["decoy: the same list with clean hosts only", "https://api.example.org/v1,https://b.example.net/x", []],
        ["a broker list of host:port", `kafka-1:9092,kafka-2.example.org:9092,${OSS}:9092`, [`${OSS} alibaba`]],
        ["decoy: a broker list of clean hosts", "kafka-1:9092,kafka-2.example.org:9092", []],
        ["bare hosts separated by semicolons", `a.example.org;${OSS}`, [`${OSS} alibaba`]],
        ["bare hosts separated by pipes", `a.example.org|${OSS}|b.example.org`, [`${OSS} alibaba`]],
        ["bare hosts separated by new lines", `a.example.org\n${OSS}\n`, [`${OSS} alibaba`]],
        ["a NO_PROXY list", `localhost,127.0.0.1,.svc,10.0.0.0/8,${OSS}`, [`${OSS} alibaba`]],
        ["a wildcard CORS origin", `https://app.example.org,*.${OSS}`, [`*.${OSS} alibaba`]],
        ["a multi-host MongoDB URL", `mongodb://u:p@a.example.org:27017,${OSS}:27017/db`, [`${OSS} alibaba`]],
        ["a JDBC fail-over URL", `jdbc:mysql://db.example.org:3306,${OSS}:3306/app`, [`${OSS} alibaba`]],
        [
            "upper case, trailing dot, credentials and port in a list",
            `a.example.org,SVC:PW@${OSS.toUpperCase()}.:443`,
            [`${OSS} alibaba`],
        ],
        ["an IPv6 literal in the list", `[2001:db8::1]:443,${OSS}`, [`${OSS} alibaba`]],
        [
            "a comma sets an item apart even in a URL's query",
            `https://x.example.org/?h=a.org,${OSS}`,
            [`${OSS} alibaba`],
        ],
        ["full-width commas", `a.example.org\uff0c${OSS}`, [`${OSS} alibaba`]],
        ["ideographic commas", `a.example.org\u3001${OSS}`, [`${OSS} alibaba`]],
        ["a bulleted list", `- a.example.org\n- ${OSS}\n`, [`${OSS} alibaba`]],
        ["a bracketed list", `[a.example.org, ${OSS}]`, [`${OSS} alibaba`]],
        ["a quoted, bracketed list", `['a.example.org', '${OSS}']`, [`${OSS} alibaba`]],
        ["a brace expansion", `{a.example.org,${OSS}}`, [`${OSS} alibaba`]],
        ["one host in brackets", `[${OSS}]`, [`${OSS} alibaba`]],
        ["a list in parentheses", `(a.example.org, ${OSS})`, [`${OSS} alibaba`]],
        ["a template left in a URL", `https://\${bucket}.${OSS}/x`, [`\${bucket}.${OSS} alibaba`]],
        ["a template left in a bare host", `\${bucket}.${OSS}`, [`\${bucket}.${OSS} alibaba`]],
        ["a command-line flag", `--endpoint=${OSS}`, [`${OSS} alibaba`]],
        ["a setting holding a list", `BROKERS=kafka-1:9092,${OSS}:9092`, [`${OSS} alibaba`]],
        ["a connection string", `Host=${OSS};Port=3306;Database=orders`, [`${OSS} alibaba`]],
        ["decoy: a connection string to a clean host", "Host=db.example.org;Port=3306;Database=orders", []],
    ];
    for (const [what, text, found] of cases)
        it(`${what}: ${JSON.stringify(text)}`, () => assert.deepEqual(untrusted(text), found));
});

describe("host finder: URLs inside URLs", () => {
    const cases: Array<[what: string, text: string, found: string[]]> = [
        ["in a query", `https://proxy.example.org/forward?to=https://${OSS}/records`, [`${OSS} alibaba`]],
        [
            "percent-encoded in a query",
            `https://proxy.example.org/forward?to=https%3A%2F%2F${OSS}%2Frecords`,
            [`${OSS} alibaba`],
        ],
        ["percent-encoded twice", `https://p.example.org/r?u=https%253A%252F%252F${OSS}%252Fx`, [`${OSS} alibaba`]],
        ["in a fragment", `https://app.example.org/#/cb?next=https://${OSS}/x`, [`${OSS} alibaba`]],
        ["percent-encoded in a fragment", `https://app.example.org/#https%3A%2F%2F${OSS}`, [`${OSS} alibaba`]],
        ["with escaped slashes outside JSON", `const sink = "https:\\/\\/${OSS}/x";`, [`${OSS} alibaba`]],
        ["decoy: a clean URL in the query", "https://proxy.example.org/forward?to=https%3A%2F%2Fb.example.net", []],
    ];
    for (const [what, text, found] of cases)
        it(`${what}: ${JSON.stringify(text)}`, () => assert.deepEqual(untrusted(text), found));
});

describe("host finder: mentions, look-alikes and prose are not addresses", () => {
    const cases: Array<[what: string, text: string]> = [
        ["a host in a path, no scheme", `https://docs.example.org/migrate-from/${OSS}`],
        ["a host alone in a query, no scheme", `https://docs.example.org/compare?with=${OSS}`],
        ["a look-alike", `${OSS}.mirror.example.org`],
        ["a look-alike in a list", `a.example.org,https://${OSS}.mirror.example.org`],
        ["prose", "migrated off aliyun.com last year"],
        ["prose with commas", "Moved off aliyun.com, tencent and huawei, in 2024"],
        ["two words of prose", "Done, aliyun.com"],
        ["a resource name", "alibaba-report"],
        ["names in a list", "alibaba,tencent,huawei"],
        ["a Lambda handler", "index.handler"],
        ["a setting naming a vendor in prose", "note=left aliyun.com in 2024"],
        ["a bulleted note", "- moved off aliyun.com\n- closed the account"],
    ];
    for (const [what, text] of cases)
        it(`${what}: ${JSON.stringify(text)}`, () => assert.deepEqual(untrusted(text), []));
});

describe("host finder: scripts name their endpoints bare", () => {
    const inScript = (text: string) =>
        findHosts(text, catalog, true)
            .map((h) => `${h.host} ${h.vendor ?? "-"}`)
            .sort();
    const cases: Array<[what: string, text: string, found: string[]]> = [
        ["an upload tool's endpoint flag", `ossutil cp ./dump.sql oss://backup/ -e ${OSS}`, [`${OSS} alibaba`]],
        [
            "a registry login in user data",
            "#!/bin/bash\ndocker login --username=ops registry.cn-hangzhou.aliyuncs.com\n",
            ["registry.cn-hangzhou.aliyuncs.com alibaba"],
        ],
        ["a flag written with =", `aws s3 cp x s3://b --endpoint-url=${COS}`, [`${COS} tencent`]],
        ["decoy: a script's clean hosts are not listed among prose", "curl -s example.org/install.sh | sh", []],
        ["decoy: a script with no host", "apt-get update && apt-get install -y nginx", []],
    ];
    for (const [what, text, found] of cases)
        it(`${what}: ${JSON.stringify(text)}`, () => assert.deepEqual(inScript(text), found));

    it("the same words outside a script are prose, not addresses", () =>
        assert.deepEqual(untrusted(`ossutil cp ./dump.sql oss://backup/ -e ${OSS}`), []));
});

describe("host finder: configuration lines that set one key to one value", () => {
    const cases: Array<[what: string, text: string, found: string[]]> = [
        [
            "a Fluent Bit output",
            `[OUTPUT]\n    Name  http\n    Match *\n    Host  ${OSS}\n    Port  80\n`,
            [`${OSS} alibaba`],
        ],
        ["an nginx upstream", `upstream b {\n  server ${OSS}:443;\n}\nserver { listen 80; }\n`, [`${OSS} alibaba`]],
        ["a Logstash output", `output {\n  s3 {\n    endpoint => "${COS}"\n  }\n}\n`, [`${COS} tencent`]],
        ["a TOML table", `[storage]\nendpoint = "${OSS}"\nbucket = "b"\n`, [`${OSS} alibaba`]],
        ["decoy: a note over several lines", `Notes\nWe left ${OSS} in 2023.\nNothing runs there.\n`, []],
        ["decoy: a setting whose value is a sentence", `reason: moved off ${OSS} last year\nowner: ops\n`, []],
        ["decoy: one line, no configuration", `Host ${OSS}`, []],
        [
            "an ADO.NET connection string, keys with spaces",
            "Server=tcp:rm-orders.mysql.rds.aliyuncs.com,3306;Initial Catalog=orders;User ID=app;Password=p;",
            ["rm-orders.mysql.rds.aliyuncs.com alibaba"],
        ],
        ["decoy: a clean connection string", "Server=tcp:orders.database.windows.net,1433;Initial Catalog=o;", []],
        ["decoy: settings whose values are prose", `Note=moved off ${OSS};Owner=ops team`, []],
    ];
    for (const [what, text, found] of cases)
        it(`${what}: ${JSON.stringify(text)}`, () => assert.deepEqual(untrusted(text), found));
});

describe("host finder: long lists", () => {
    const brokers = (count: number) => Array.from({ length: count }, (_, i) => `b${i}.example.org:9092`);

    it("reads a list of 20,000 endpoints to its end", () =>
        assert.deepEqual(untrusted([...brokers(20_000), `${OSS}:9092`].join(",")), [`${OSS} alibaba`]));

    it("reads a list of 100,000 endpoints (over 2 MB) to its end", () =>
        assert.deepEqual(untrusted([...brokers(100_000), `${OSS}:9092`].join(",")), [`${OSS} alibaba`]));

    it("takes a megabyte of prose with a list in it for prose", () =>
        assert.deepEqual(untrusted(`see ${brokers(50_000).join(",")},${OSS}`), []));
});

describe("host finder: the memo of short texts", () => {
    // The hosts of a short text are remembered per catalog: a catalog that lists one more domain must not be
    // answered from what another catalog found, nor the other way round.
    it("answers each catalog from its own vendor list, however the calls interleave", () => {
        const data = loadCatalogData(defaultCatalogDir);
        const alibaba = data.vendors.vendors.find((v) => v.id === "alibaba")!;
        alibaba.identifiers.domains = [...(alibaba.identifiers.domains ?? []), { values: ["acme-mirror.org"] }];
        const extended = buildCatalog(data);
        const text = "https://files.acme-mirror.org/x";
        const vendors = (c: Catalog) => findHosts(text, c).map((h) => h.vendor ?? "none");
        assert.deepEqual(vendors(catalog), ["none"]);
        assert.deepEqual(vendors(extended), ["alibaba"]);
        assert.deepEqual(vendors(catalog), ["none"]);
        assert.deepEqual(vendors(extended), ["alibaba"]);
    });
});
