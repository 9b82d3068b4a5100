// The EC2 SDK is loaded when the first lookup needs it, not when the pack starts: loading it costs about
// 170 ms of CPU, which every preview would pay at start-up even when no resource names a machine image.
import type * as Ec2Sdk from "@aws-sdk/client-ec2";

let sdk: typeof Ec2Sdk | undefined;

export function ec2Sdk(): typeof Ec2Sdk {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
    sdk ??= require("@aws-sdk/client-ec2") as typeof Ec2Sdk;
    return sdk;
}
