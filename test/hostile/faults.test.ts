// When something breaks: a profile that does not load, an EC2 endpoint that never answers (a policy that
// throws: test/engine/faults.test.ts). Each ends in one clear message at the right level, within the
// configured time; none ends in a pass.
// The pack tests run the compiled pack: `npm run build` first.
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as net from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
    defaultProvider as engineDefaultProvider,
    EngineEmulator,
    REPO_ROOT,
    type EmulatedResource,
} from "../emulator/engine";

const scratch = mkdtempSync(path.join(tmpdir(), "clean-guard-faults-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("faults: a broken profile", function () {
    this.timeout(90_000);
    const broken = path.join(scratch, "broken-profile.yaml");
    const MESSAGE = `${broken}:4: disallow.vendors[1]: "nobody-known" is not a known vendor`;
    before(() =>
        writeFileSync(broken, "version: 1\nextends: default\ndisallow:\n  vendors: [alibaba, nobody-known]\n"),
    );

    it("CLEAN_GUARD_PROFILE: the pack does not start, and says why once: file, line, key, value, expectation", async () => {
        const failure = await EngineEmulator.start({ env: { CLEAN_GUARD_PROFILE: broken } }).then(
            async (engine) => {
                await engine.stop();
                return undefined;
            },
            (e: Error) => e.message,
        );
        assert.ok(failure, "the pack started with a broken profile");
        assert.ok(failure.includes(MESSAGE), failure);
        assert.match(failure, /\(expected one of: alibaba, baidu/);
        assert.equal(failure.split(MESSAGE).length - 1, 1, `the error is said once:\n${failure}`);
        assert.ok(!/^\s+at /m.test(failure), `no stack trace buries the message:\n${failure}`);
    });

    it("a profile named in the policy config: the preview fails with the same message", async () => {
        const engine = await EngineEmulator.start({
            policyConfig: { "clean-guard-untrusted-host": { profile: broken } },
        });
        try {
            const resource: EmulatedResource = {
                type: "aws:s3/bucket:Bucket",
                name: "orders",
                inputs: {},
                provider: engineDefaultProvider("aws", { "aws:region": "eu-west-1" }),
            };
            await assert.rejects(engine.analyze(resource), (e: Error) => e.message.includes(MESSAGE));
        } finally {
            await engine.stop();
        }
    });
});

describe("faults: a broken catalog", function () {
    this.timeout(90_000);

    it("the pack does not start, and says why once: file, line, key, value, expectation", async () => {
        // The compiled pack with one fact of its shipped catalog broken: Ireland moved to a country that does not exist.
        const packDir = path.join(scratch, "pack");
        cpSync(path.join(REPO_ROOT, "dist"), path.join(packDir, "dist"), { recursive: true });
        for (const file of ["package.json", "PulumiPolicy.yaml"])
            cpSync(path.join(REPO_ROOT, file), path.join(packDir, file));
        symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(packDir, "node_modules"), "dir");
        const aws = path.join(packDir, "dist", "src", "catalog", "data", "aws.yaml");
        const lines = readFileSync(aws, "utf8").split("\n");
        const line = lines.findIndex((l) => l.includes("{ id: eu-west-1,")) + 1;
        lines[line - 1] = lines[line - 1].replace("country: IE", "country: XX");
        writeFileSync(aws, lines.join("\n"));

        const failure = await EngineEmulator.start({ packDir }).then(
            async (engine) => {
                await engine.stop();
                return undefined;
            },
            (e: Error) => e.message,
        );
        assert.ok(failure, "the pack started with a broken catalog");
        const message = new RegExp(`aws\\.yaml line ${line}: [^\\n]*\\.country = "XX": expected [^\\n]*ISO 3166`);
        assert.match(failure, message);
        assert.equal(failure.match(new RegExp(message.source, "g"))?.length, 1, `the error is said once:\n${failure}`);
        assert.ok(!/^\s+at /m.test(failure), `no stack trace buries the message:\n${failure}`);
    });
});

describe("faults: EC2 does not answer", function () {
    this.timeout(90_000);
    const TIMEOUT_MS = 800;
    const BUDGET_MS = 2000;
    /** Slack for the engine round trip and a busy shared machine, on top of the lookup budget. */
    const SLACK_MS = 3000;
    const instance: EmulatedResource = {
        type: "aws:ec2/instance:Instance",
        name: "web",
        inputs: { ami: "ami-0c1ea9a4d00000004", instanceType: "t3.micro" },
        provider: engineDefaultProvider("aws", { "aws:region": "eu-west-1" }),
    };

    let closedPort: number;
    let silent: net.Server;
    let silentPort: number;
    const sockets: net.Socket[] = [];
    before(async () => {
        closedPort = await freePort();
        // Accepts connections and never says a word: the lookup must give up on its own.
        silent = net.createServer((socket) => sockets.push(socket));
        await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
        silentPort = (silent.address() as net.AddressInfo).port;
    });
    after(() => {
        for (const socket of sockets) socket.destroy();
        silent?.close();
    });

    const cases: Array<[what: string, port: () => number, mode: "auto" | "required", policy: string, level: string]> = [
        ["a closed port, auto mode", () => closedPort, "auto", "clean-guard-unverified", "advisory"],
        [
            "a closed port, lookups.ec2: required",
            () => closedPort,
            "required",
            "clean-guard-untrusted-image",
            "mandatory",
        ],
        ["an endpoint that never answers, auto mode", () => silentPort, "auto", "clean-guard-unverified", "advisory"],
        [
            "an endpoint that never answers, required",
            () => silentPort,
            "required",
            "clean-guard-untrusted-image",
            "mandatory",
        ],
    ];
    for (const [what, port, mode, policy, level] of cases) {
        it(`${what}: cannot verify, ${level}, within the lookup budget`, async () => {
            const engine = await EngineEmulator.start({
                // `pulumi up`: each resource is judged (and its image looked up) before it is created.
                dryRun: false,
                env: {
                    AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${port()}`,
                    AWS_ACCESS_KEY_ID: "testing",
                    AWS_SECRET_ACCESS_KEY: "testing",
                    AWS_REGION: "eu-west-1",
                },
                policyConfig: {
                    all: "mandatory",
                    "clean-guard-unverified": "advisory",
                    "clean-guard-untrusted-image": {
                        settings: {
                            version: 1,
                            extends: "default",
                            lookups: {
                                ec2: mode,
                                timeoutMs: TIMEOUT_MS,
                                budgetMs: BUDGET_MS,
                                cacheDir: path.join(scratch, `cache-${mode}-${port()}`),
                            },
                        },
                    },
                },
            });
            try {
                const started = Date.now();
                const diags = await engine.analyze(instance);
                const took = Date.now() - started;
                assert.ok(took < BUDGET_MS + SLACK_MS, `took ${took} ms`);
                assert.equal(diags.length, 1, JSON.stringify(diags, null, 2));
                assert.equal(diags[0].policyName, policy);
                assert.equal(diags[0].enforcementLevel, level);
                assert.match(diags[0].message, /cannot verify/);
                assert.match(diags[0].message, /ami-0c1ea9a4d00000004/);
            } finally {
                await engine.stop();
            }
        });
    }
});

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}
