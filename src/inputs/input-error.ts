// An input the CLI cannot read. The CLI prints its message as one line and exits 2.

export class InputError extends Error {
    override readonly name = "InputError";
}
