import type { NormalisedResource, StackContext } from "../model/resource";

/** What every input (preview, stack export, program) hands to the evaluation. */
export interface ScanInput {
    resources: NormalisedResource[];
    stack: StackContext;
    /** What the reader left out or could not use, for the user (`skipped 2 resources being deleted`). */
    notes: string[];
}

export type InputKind = "preview" | "export" | "program";

export const INPUT_KINDS: readonly InputKind[] = ["preview", "export", "program"];
