// Stage progress on stderr for long scans: a bar on a terminal, nothing when stderr is a pipe or file.

import { SingleBar } from "cli-progress";

export interface Progress {
    stage(name: string): void;
    done(): void;
}

const QUIET: Progress = { stage: () => undefined, done: () => undefined };

export function stageProgress(stages: number, stream: NodeJS.WriteStream = process.stderr): Progress {
    if (!stream.isTTY) return QUIET;
    const bar = new SingleBar({
        stream,
        format: "clean-guard [{bar}] {value}/{total} {stage}",
        hideCursor: true,
        clearOnComplete: true,
    });
    let started = false;
    let value = 0;
    return {
        stage(name) {
            if (started) bar.update(++value, { stage: name });
            else bar.start(stages, value, { stage: name });
            started = true;
        },
        done() {
            if (!started) return;
            started = false;
            bar.stop();
        },
    };
}
