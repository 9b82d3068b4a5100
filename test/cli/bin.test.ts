// The clean-guard command as a user runs it: a child process, its exit code, stdout and stderr.

import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { secretValue } from "../pulumi/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const fixture = (name: string) => path.join("test", "cli", "fixtures", name);
// What the real Pulumi CLI wrote for the programs of test/pulumi/programs (`npm run fixtures`).
const real = (name: string) => fixture(path.join("real", name));
const scratch = mkdtempSync(path.join(tmpdir(), "clean-guard-bin-"));

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

const runs = new Map<string, Promise<Run>>();

/** Runs the command once per argument list; the runs are independent, so `before` starts them all at once. */
function run(args: readonly string[]): Promise<Run> {
    const key = JSON.stringify(args);
    let started = runs.get(key);
    if (!started) {
        started = new Promise((resolve) => {
            const argv = ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", ...args];
            const options = {
                cwd: ROOT,
                env: { ...process.env, NO_COLOR: "1" },
                timeout: 170_000,
                maxBuffer: 64 << 20,
            };
            execFile(process.execPath, argv, options, (error, stdout, stderr) =>
                resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
            );
        });
        runs.set(key, started);
    }
    return started;
}

const badProfile = path.join(scratch, "bad-profile.yaml");
writeFileSync(badProfile, "disallow:\n  vendors: [nobody-known]\n");
const notPulumi = path.join(scratch, "package.json");
writeFileSync(notPulumi, '{"name": "x"}');
const sarifOut = path.join(scratch, "report.sarif");

const CLEAN_PREVIEW = real("aws-eu-compliant.preview.json");
const CLEAN = ["scan", CLEAN_PREVIEW];
const UNTRUSTED = ["scan", real("alicloud-frankfurt.preview.json")];
const TO_FILE = ["scan", "--format", "sarif", "--output", sarifOut, real("alicloud-frankfurt.preview.json")];
const USAGE_ERRORS: Array<[string, string[], RegExp]> = [
    ["an unknown format", ["scan", "--format", "pdf", CLEAN_PREVIEW], /'pdf' is invalid/],
    ["a missing input", ["scan", path.join(scratch, "nope.json")], /nope\.json: no such file or directory/],
    ["JSON that is not Pulumi's", ["scan", notPulumi], /package\.json: JSON with neither 'steps' nor 'deployment'/],
    [
        "a wrong forced input kind",
        ["scan", "--input-kind", "export", CLEAN_PREVIEW],
        /aws-eu-compliant\.preview\.json: expected the JSON of 'pulumi stack export'/,
    ],
    ["a profile that does not load", ["scan", "--profile", badProfile, CLEAN_PREVIEW], /bad-profile\.yaml:\d+/],
    ["a malformed stack tag", ["scan", "--stack-tag", "eu", CLEAN_PREVIEW], /--stack-tag 'eu': expected key=value/],
    ["profile without an action", ["profile"], /use --print-default/],
    ["an unknown command", ["scna"], /unknown command 'scna'/],
    [
        "a program with two stacks and no --stack",
        ["scan", fixture("two-stacks")],
        /two-stacks: expected exactly one Pulumi.<stack>.yaml or a stack name/,
    ],
];
// A program, not an output of the Pulumi CLI: `clean-guard scan <directory>` runs it itself.
const PROGRAM = fixture("two-stacks");
const PROGRAM_RUNS: Array<[string, string[], number, RegExp]> = [
    ["the stack in Ireland passes", ["scan", "--stack", "prod", PROGRAM], 0, /0 violations \(0 mandatory\)/],
    ["the stack in AWS China fails", ["scan", "--stack", "cn", PROGRAM], 1, /BLOCK .*clean-guard-disallowed-region/],
];
const UNKNOWNS = ["scan", "--format", "json", real("unknown-at-preview.preview.json")];
const FORMATS = ["text", "json", "sarif", "junit", "html"];
const secretScan = (format: string) => ["scan", "--format", format, real("shop-prod.export-show-secrets.json")];

describe("clean-guard command", function () {
    this.timeout(180_000);
    before(() => {
        for (const args of [CLEAN, UNTRUSTED, TO_FILE, ...USAGE_ERRORS.map((u) => u[1]), ...FORMATS.map(secretScan)])
            run(args);
    });

    describe("exit codes", () => {
        it("0 when nothing fails the run", async () => {
            const r = await run(CLEAN);
            assert.equal(r.code, 0, r.stderr);
            // The stack, the platform's 10 resources and the default provider they use.
            assert.match(r.stdout, /0 violations \(0 mandatory\), \d+ cannot-verify, 12 resources scanned/);
        });
        it("1 when a mandatory policy is violated", async () => {
            const r = await run(UNTRUSTED);
            assert.equal(r.code, 1, r.stderr);
            assert.match(r.stdout, /alicloud:oss\/bucket:Bucket 'orders-data'/);
            assert.match(r.stdout, /BLOCK .*clean-guard-untrusted-provider/);
        });
        for (const [what, args, message] of USAGE_ERRORS) {
            it(`2 with one line on stderr for ${what}`, async () => {
                const r = await run(args);
                assert.equal(r.code, 2, r.stdout + r.stderr);
                assert.match(r.stderr, message);
                assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
                assert.equal(r.stdout, "");
            });
        }
    });

    describe("a program directory, run as the stack --stack names", () => {
        for (const [what, args, code, output] of PROGRAM_RUNS) {
            it(what, async () => {
                const r = await run(args);
                assert.equal(r.code, code, r.stdout + r.stderr);
                assert.match(r.stdout, output);
            });
        }
    });

    it("shows why a program failed: the program's own error follows the first line", async () => {
        const r = await run(["scan", path.join("test", "examples", "fixtures", "throws")]);
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stderr, /the Pulumi program failed \(exit 1\):\n[^]*Error: orders:bucketName is required/);
    });

    it("shows a value unknown during preview as an advisory note of clean-guard-unverified, naming the affected policy", async () => {
        const r = await run(UNKNOWNS);
        const report = JSON.parse(r.stdout);
        const notes = report.findings.filter((f: { policy: string }) => f.policy === "clean-guard-unverified");
        assert.ok(notes.length > 0, r.stdout);
        for (const note of notes) {
            assert.equal(note.level, "note");
            assert.match(note.message, /^\[clean-guard-[a-z-]+\] /);
        }
        assert.ok(
            notes.some((n: { resource: { name: string } }) => n.resource.name === "orders-backup"),
            "orders-backup's copy destination is unknown",
        );
    });

    it("writes the report to --output and nothing to stdout", async () => {
        const r = await run(TO_FILE);
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stdout, "");
        const log = JSON.parse(readFileSync(sarifOut, "utf8"));
        const results = log.runs[0].results.map((x: { ruleId: string; level: string }) => `${x.ruleId} ${x.level}`);
        assert.ok(results.includes("clean-guard-untrusted-provider error"), results.join(", "));
    });

    describe("secrets never reach a report", () => {
        // The export holds plaintext secrets: the database password, and the regions of the providers 'hidden'
        // and 'ali' (Alibaba Cloud's, whose vault the report must show).
        const secrets = [secretValue("shop:dbPassword"), "eu-south-2", "ap-southeast-1"];
        for (const format of FORMATS) {
            it(format, async () => {
                const r = await run(secretScan(format));
                assert.equal(r.code, 1, r.stderr);
                assert.ok(r.stdout.includes("[secret]"), "the secret region is shown masked");
                for (const secret of secrets) assert.ok(!(r.stdout + r.stderr).includes(secret), `${secret} printed`);
            });
        }
    });

    describe("other commands", () => {
        it("scan --help lists every option", async () => {
            const r = await run(["scan", "--help"]);
            assert.equal(r.code, 0);
            for (const option of ["--format", "--output", "--profile", "--input-kind", "--stack", "--stack-tag"]) {
                assert.ok(r.stdout.includes(option), option);
            }
        });
        it("profile --print-default prints the built-in profile", async () => {
            const r = await run(["profile", "--print-default"]);
            assert.equal(r.code, 0, r.stderr);
            assert.equal(r.stdout, readFileSync(path.join(ROOT, "src", "profile", "default.yaml"), "utf8"));
        });
        it("catalog prints the catalog summary", async () => {
            const r = await run(["catalog"]);
            assert.equal(r.code, 0, r.stderr);
            assert.match(r.stdout, /^ {2}alibaba .*disallowed by default/m);
        });
    });
});
