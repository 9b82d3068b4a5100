// Amazon Resource Names: `arn:<partition>:<service>:<region>:<account>:<resource>`. A replication or copy
// destination written as an ARN carries its region, so no lookup is needed to place it.
// Format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html

export interface Arn {
    partition: string;
    service: string;
    /** Empty for global resources (IAM, S3 bucket ARNs). */
    region: string;
    account: string;
    resource: string;
}

export function parseArn(text: string): Arn | undefined {
    if (!text.startsWith("arn:")) return undefined;
    const parts = text.split(":");
    if (parts.length < 6 || !parts[1] || !parts[2]) return undefined;
    return {
        partition: parts[1],
        service: parts[2],
        region: parts[3],
        account: parts[4],
        resource: parts.slice(5).join(":"),
    };
}
