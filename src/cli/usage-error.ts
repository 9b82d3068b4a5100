// A mistake in how the CLI was called. Like a bad input or profile, it ends the run with exit code 2.

export class UsageError extends Error {
    override readonly name = "UsageError";
}
