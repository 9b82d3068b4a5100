// tsc copies no data files: the catalogs and schemas (YAML, JSON) go beside the compiled modules that load them.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
fs.cpSync(path.join(root, "src"), path.join(root, "dist", "src"), {
    recursive: true,
    filter: (src) => fs.statSync(src).isDirectory() || /\.(ya?ml|json)$/.test(src),
});
