import * as assert from "node:assert/strict";
import { chromium, type Browser } from "playwright-core";
import { formatHtml } from "../../src/report/html";
import { renderWorldMap } from "../../src/report/world-map";
import { chromiumExecutable } from "../support/browser";
import { evaluation, meta } from "./report-fixture";

const CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

describe("report: HTML in a browser", function () {
    this.timeout(60_000);
    let browser: Browser;
    before(async () => {
        browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
    });
    after(async () => browser?.close());

    async function open() {
        const page = await browser.newPage();
        const problems: string[] = [];
        const requests: string[] = [];
        page.on("console", (m) => {
            if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
        });
        page.on("pageerror", (e) => problems.push(e.message));
        page.on("request", (r) => requests.push(r.url()));
        await page.setContent(await formatHtml(evaluation, meta), { waitUntil: "load" });
        return { page, problems, requests };
    }

    it("renders without console errors and loads nothing from outside", async () => {
        const { page, problems, requests } = await open();
        assert.deepEqual(problems, []);
        assert.deepEqual(requests, []);
        assert.ok((await page.locator("svg.world path.country").count()) > 150, "countries drawn");
        await page.close();
    });

    it("draws one marker per location with a known country, coloured by verdict, violations on top", async () => {
        const { page } = await open();
        const markers = await page
            .locator("circle.marker")
            .evaluateAll((els) =>
                els.map((e) => `${e.getAttribute("data-verdict")} ${e.querySelector("title")?.textContent}`),
            );
        // logs: primary (untrusted host, no location: the primary) and its CN replica; orders: the primary only
        // (its replica region is a secret, so it has no country); media; audit without findings.
        // Violations are drawn last, so that they sit on top.
        assert.deepEqual(markers, [
            "ok aws:s3/bucket:Bucket 'audit': primary eu-north-1 (SE): ok",
            "unverified aws:dynamodb/table:Table 'orders': primary eu-central-1 (DE): unverified",
            "violation aws:s3/bucket:Bucket 'logs': primary eu-west-1 (IE): violation",
            "violation aws:s3/bucket:Bucket 'logs': replica cn-north-1 (CN): violation",
            "violation aws:s3/bucket:Bucket 'media': primary us-east-1 (US): violation",
        ]);
        await page.close();
    });

    it("places markers in their countries and links a primary to its copies", async () => {
        const { page } = await open();
        const byTitle = new Map(
            await page
                .locator("circle.marker")
                .evaluateAll((els) =>
                    els.map((e): [string, number[]] => [
                        e.querySelector("title")?.textContent ?? "",
                        [Number(e.getAttribute("cx")), Number(e.getAttribute("cy"))],
                    ]),
                ),
        );
        const at = (label: string) => [...byTitle].find(([title]) => title.includes(label))![1];
        const [ireland, china, germany, usa] = [
            at("primary eu-west-1"),
            at("cn-north-1"),
            at("eu-central-1"),
            at("us-east-1"),
        ];
        assert.ok(ireland[0] < germany[0] && germany[0] < china[0], "west to east: IE, DE, CN");
        assert.ok(usa[0] < ireland[0], "the US west of Ireland");
        assert.ok(china[1] > ireland[1], "China south of Ireland");
        assert.equal(await page.locator("path.link.verdict-violation").count(), 1);
        await page.close();
    });

    it("lists every finding in the table beside the map", async () => {
        const { page } = await open();
        assert.equal(await page.locator("td.level-error").count(), 3);
        assert.equal(await page.locator("td.level-warning").count(), 1);
        assert.equal(await page.locator("td.level-note").count(), 1);
        assert.ok((await page.locator(".findings").innerText()).includes('<via> "rule" & co'));
        await page.close();
    });
});

describe("report: world map", () => {
    it("spreads locations that share a country so that each marker shows", async () => {
        const svg = await renderWorldMap(
            [
                { key: "a", countries: ["DE"], verdict: "ok", label: "a" },
                { key: "b", countries: ["DE"], verdict: "violation", label: "b" },
                { key: "c", countries: ["ZZ"], verdict: "violation", label: "unknown country" },
            ],
            [],
        );
        const centres = [...svg.matchAll(/<circle [^>]*cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => `${m[1]},${m[2]}`);
        assert.equal(centres.length, 2, "the unknown country has no marker");
        assert.notEqual(centres[0], centres[1]);
    });
});
