// picomatch ships no types and @types/picomatch is not installed: the one call we make.
declare module "picomatch" {
    interface Options {
        bash?: boolean;
        dot?: boolean;
        nocase?: boolean;
    }
    function picomatch(glob: string | string[], options?: Options): (text: string) => boolean;
    export = picomatch;
}
