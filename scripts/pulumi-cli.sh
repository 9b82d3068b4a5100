#!/usr/bin/env bash
# Builds the real Pulumi CLI and the Pulumi YAML language host into .pulumi-cli/bin/ for `npm run test:pulumi`.
# Versions are pinned by scripts/pulumi-cli/*/go.mod and go.sum; the pulumi version matches @pulumi/pulumi.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.pulumi-cli/bin"
modules="$root/scripts/pulumi-cli"
pulumi_version="v3.248.0"
mkdir -p "$bin"

build() {
    local name="$1" module="$2" package="$3" ldflags="$4"
    if [ -x "$bin/$name" ]; then
        echo "pulumi-cli: $name already built ($bin/$name)"
        return
    fi
    local start=$SECONDS
    # CGO off and these tags give the static build Pulumi's own release uses; the module's go.sum pins every dependency.
    (cd "$modules/$module" && CGO_ENABLED=0 go build -mod=readonly -trimpath -tags osusergo,grpcnotrace \
        -ldflags "$ldflags" -o "$bin/$name" "$package")
    echo "pulumi-cli: built $name in $((SECONDS - start)) s"
}

build pulumi pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$pulumi_version"
build pulumi-language-yaml yaml github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml ""

# Without a Node.js language plugin the CLI starts a `runtime: nodejs` pack through this executable on PATH,
# in the pack's directory with the engine address and `.` as arguments: the entry point the language host would run.
cat >"$bin/pulumi-analyzer-policy-nodejs" <<'EOF'
#!/bin/sh
exec node ./node_modules/@pulumi/pulumi/cmd/run-policy-pack "$@"
EOF
chmod +x "$bin/pulumi-analyzer-policy-nodejs"

"$bin/pulumi" version
