// The browser the HTML report test renders in, found the same way by `npm test`, CI and a newcomer's machine:
// Debian's Chromium where it is installed, otherwise the Chromium build shipped inside the @sparticuz/chromium
// npm package (installed by `npm ci`, unpacked to the temp directory on first use), so the README's test
// command needs nothing but Node.js and npm.

import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** `CLEAN_GUARD_CHROMIUM` names a browser explicitly (a developer's own Chrome, say). */
export async function chromiumExecutable(): Promise<string> {
    const chosen = process.env.CLEAN_GUARD_CHROMIUM;
    if (chosen) {
        if (!existsSync(chosen)) throw new Error(`CLEAN_GUARD_CHROMIUM names ${chosen}, which does not exist`);
        return chosen;
    }
    const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
    if (system) return system;
    const { default: packaged } = await import("@sparticuz/chromium");
    // WebGL is not needed for an SVG map; skipping it spares unpacking SwiftShader.
    packaged.setGraphicsMode = false;
    return packaged.executablePath();
}
