// The report formats `scan --format` accepts, each loaded only when asked for.

import type { ReportedEvaluation } from "../report/evaluation";
import type { ReportMeta } from "../report/meta";

export const FORMATS = ["text", "json", "sarif", "junit", "html"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
    /** Text only: ANSI colour. */
    color: boolean;
}

/* eslint-disable @typescript-eslint/no-require-imports -- each reporter is loaded only for its own format */
export async function render(
    format: Format,
    evaluation: ReportedEvaluation,
    meta: ReportMeta,
    options: RenderOptions,
): Promise<string> {
    switch (format) {
        case "text":
            return (require("../report/text") as typeof import("../report/text")).formatText(evaluation, meta, {
                color: options.color,
                width: process.stdout.columns,
            });
        case "json":
            return (require("../report/json") as typeof import("../report/json")).formatJson(evaluation, meta);
        case "sarif":
            return (require("../report/sarif") as typeof import("../report/sarif")).formatSarif(evaluation, meta);
        case "junit":
            return (require("../report/junit") as typeof import("../report/junit")).formatJunit(evaluation, meta);
        case "html":
            return (require("../report/html") as typeof import("../report/html")).formatHtml(evaluation, meta);
    }
}
/* eslint-enable @typescript-eslint/no-require-imports */
