// `npm ci` in a clone builds the pack. A published pack (what `pulumi policy publish` uploads and Pulumi
// Cloud installs for an organisation) already carries its build and none of the TypeScript sources.
const { execSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
if (fs.existsSync(path.join(root, "src", "index.ts"))) {
    execSync("npm run build", { cwd: root, stdio: "inherit" });
}
