// Where an AWS Cloud Control (pulumi-aws-native) resource keeps and copies its data. Inputs are the
// CloudFormation properties in camelCase (AWS::DynamoDB::GlobalTable `Replicas[].Region` -> `replicas[*].region`);
// resources have no region input of their own: the provider's `region` places them.
// Source: CloudFormation resource reference, https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/

import { locateAwsFamily, type AwsFamily } from "./aws-family";
import type { Locator } from "./context";
import { compileRules, compileRuleTable } from "./location-rules";

const COPIES = compileRuleTable({
    "aws-native:dynamodb:GlobalTable": [
        { at: "replicas[*].region", kind: "region", role: "replica", what: "replica region" },
    ],
    "aws-native:s3:Bucket": [
        {
            at: "replicationConfiguration.rules[*].destination.bucket",
            kind: "copies-to",
            role: "replica",
            what: "replication destination bucket",
        },
    ],
    "aws-native:rds:DbInstance": [
        { at: "sourceDbInstanceIdentifier", kind: "copy-of", role: "replica", what: "source database" },
    ],
    "aws-native:rds:DbCluster": [
        { at: "replicationSourceIdentifier", kind: "copy-of", role: "replica", what: "source cluster" },
        { at: "globalClusterIdentifier", kind: "copy-of", role: "member", what: "global cluster" },
    ],
    "aws-native:secretsmanager:Secret": [
        { at: "replicaRegions[*].region", kind: "region", role: "replica", what: "replica region" },
    ],
    "aws-native:ecr:ReplicationConfiguration": [
        {
            at: "replicationConfiguration.rules[*].destinations[*].region",
            kind: "region",
            role: "replica",
            what: "replication region",
        },
    ],
    "aws-native:kms:ReplicaKey": [{ at: "primaryKeyArn", kind: "copy-of", role: "replica", what: "primary key" }],
    "aws-native:backup:BackupPlan": [
        {
            at: "backupPlan.backupPlanRule[*].copyActions[*].destinationBackupVaultArn",
            kind: "arn",
            role: "backup",
            what: "backup copy vault",
        },
    ],
});

const ZONES = compileRules([
    { at: "availabilityZone", kind: "region", role: "primary", what: "availability zone" },
    { at: "availabilityZones[*]", kind: "region", role: "primary", what: "availability zone" },
    { at: "availabilityZoneId", kind: "zone-id", role: "primary", what: "availability zone id" },
]);

const AWS_NATIVE: AwsFamily = { copies: COPIES, zones: ZONES };

export const locateAwsNative: Locator = (resource, p, ctx) => locateAwsFamily(AWS_NATIVE, resource, p, ctx);
