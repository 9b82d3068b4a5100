#!/usr/bin/env node
// The clean-guard command line. Each command loads what it needs only when it runs, so `--help` is instant.
// Exit codes: 0 clean, 1 findings that fail the run, 2 a usage, input or configuration error (one line on
// stderr), 3 a bug in clean-guard (with its stack trace).

import { writeFile } from "node:fs/promises";
import { Command, CommanderError, Option } from "commander";
import { INPUT_KINDS, type InputKind } from "../inputs/scan-input";
import { FORMATS, type Format } from "./formats";
import { UsageError } from "./usage-error";

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading keeps --help instant */

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

/** Errors that mean "the run was set up wrong", by the class names the modules throw. */
const CONFIGURATION_ERRORS: ReadonlySet<string> = new Set(["UsageError", "InputError", "ProfileError", "CatalogError"]);

interface ScanFlags {
    format: Format;
    output?: string;
    profile?: string;
    inputKind?: InputKind;
    stack?: string;
    stackTag: string[];
}

function colourFor(stream: NodeJS.WriteStream): boolean {
    return stream.isTTY === true && process.env.NO_COLOR === undefined;
}

async function scanCommand(target: string, flags: ScanFlags): Promise<number> {
    const { scan } = require("./scan") as typeof import("./scan");
    const { render } = require("./formats") as typeof import("./formats");
    const { stageProgress } = require("./progress") as typeof import("./progress");
    const progress = stageProgress(4);
    try {
        const result = await scan(target, {
            kind: flags.inputKind,
            stack: flags.stack,
            profile: flags.profile,
            stackTags: parseTags(flags.stackTag),
            progress,
        });
        progress.stage(`writing the ${flags.format} report`);
        const text = await render(flags.format, result.evaluation, result.meta, {
            color: !flags.output && colourFor(process.stdout),
        });
        progress.done();
        if (flags.output) await writeFile(flags.output, text);
        else process.stdout.write(text);
        return result.blocking > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
    } finally {
        progress.done();
    }
}

function parseTags(pairs: readonly string[]): Map<string, string> {
    return new Map(
        pairs.map((pair) => {
            const eq = pair.indexOf("=");
            if (eq <= 0) throw new UsageError(`--stack-tag '${pair}': expected key=value`);
            return [pair.slice(0, eq), pair.slice(eq + 1)];
        }),
    );
}

function program(setExit: (code: number) => void): Command {
    const cli = new Command("clean-guard")
        .description(
            "Keeps citizens' data off untrusted clouds, carriers and vendors, and inside the jurisdictions you allow.",
        )
        .exitOverride()
        .showHelpAfterError(false)
        .showSuggestionAfterError(false);

    cli.command("scan")
        .description("scan a `pulumi preview --json` file, a `pulumi stack export` file or a Pulumi program directory")
        .argument("<path>", "the file or program directory (its kind is told from its content)")
        .addOption(new Option("--format <format>", "report format").choices(FORMATS).default("text"))
        .option("--output <file>", "write the report to a file instead of stdout")
        .option("--profile <file>", "organisation profile (YAML); the built-in default when absent")
        .addOption(new Option("--input-kind <kind>", "force the input kind").choices(INPUT_KINDS))
        .option("--stack <name>", "stack to run a program directory as")
        .option(
            "--stack-tag <key=value>",
            "a stack tag the JSON inputs do not carry (repeatable)",
            (v: string, all: string[]) => [...all, v],
            [],
        )
        .action(async (target: string, flags: ScanFlags) => setExit(await scanCommand(target, flags)));

    cli.command("demo")
        .description("scan every bundled example program and check each against its expected findings")
        .action(async () => {
            const { runDemo } = require("./demo") as typeof import("./demo");
            const ok = await runDemo({ color: colourFor(process.stdout), write: (t) => process.stdout.write(t) });
            setExit(ok ? EXIT_CLEAN : EXIT_FINDINGS);
        });

    cli.command("catalog")
        .description("summarise the built-in catalog: clouds, regions, untrusted vendors, jurisdictions")
        .action(() => {
            const { catalogSummary, defaultCatalog } = require("../catalog/index") as typeof import("../catalog/index");
            process.stdout.write(ensureNewline(catalogSummary(defaultCatalog())));
        });

    cli.command("profile")
        .description("show organisation profiles")
        .option("--print-default", "print the built-in default profile (a starting point for your own)")
        .action((flags: { printDefault?: boolean }) => {
            if (!flags.printDefault) throw new UsageError("profile: nothing to do; use --print-default");
            const { printDefaultProfile } = require("../profile/print") as typeof import("../profile/print");
            process.stdout.write(ensureNewline(printDefaultProfile()));
        });
    return cli;
}

function ensureNewline(text: string): string {
    return text.endsWith("\n") ? text : `${text}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
    let code = EXIT_CLEAN;
    try {
        await program((c) => (code = c)).parseAsync([...argv], { from: "user" });
        return code;
    } catch (e) {
        if (e instanceof CommanderError) {
            // Commander has already printed the message (or the help).
            return e.exitCode === 0 ? EXIT_CLEAN : EXIT_USAGE;
        }
        const error = e as Error;
        if (CONFIGURATION_ERRORS.has(error.name)) {
            process.stderr.write(`clean-guard: ${error.message}\n`);
            return EXIT_USAGE;
        }
        throw e;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => (process.exitCode = code),
        (e: unknown) => {
            process.stderr.write(
                `clean-guard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
            );
            process.exitCode = EXIT_INTERNAL;
        },
    );
}
