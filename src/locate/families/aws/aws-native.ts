// Where an AWS Cloud Control (pulumi-aws-native) resource keeps and copies its data. Inputs are the
// CloudFormation properties in camelCase (AWS::DynamoDB::GlobalTable `Replicas[].Region` -> `replicas[*].region`);
// resources have no region input of their own: the provider's `region` places them.
// Source: CloudFormation resource reference, https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/

import { AWS_ZONE_RULES, locateAwsFamily, type AwsFamily } from "./aws-family";
import type { Locator } from "../../core/context";
import { compileRuleTable, rule } from "../../core/location-rules";

const TYPE_RULES = compileRuleTable({
    "aws-native:dynamodb:GlobalTable": [rule("region", "replicas[*].region", "replica", "replica region")],
    "aws-native:s3:Bucket": [
        rule(
            "copies-to",
            "replicationConfiguration.rules[*].destination.bucket",
            "replica",
            "replication destination bucket",
        ),
    ],
    "aws-native:rds:DbInstance": [rule("copy-of", "sourceDbInstanceIdentifier", "replica", "source database")],
    "aws-native:rds:DbCluster": [
        rule("copy-of", "replicationSourceIdentifier", "replica", "source cluster"),
        rule("copy-of", "globalClusterIdentifier", "member", "global cluster"),
    ],
    "aws-native:secretsmanager:Secret": [rule("region", "replicaRegions[*].region", "replica", "replica region")],
    "aws-native:ecr:ReplicationConfiguration": [
        rule("region", "replicationConfiguration.rules[*].destinations[*].region", "replica", "replication region"),
    ],
    "aws-native:kms:ReplicaKey": [rule("copy-of", "primaryKeyArn", "replica", "primary key")],
    "aws-native:backup:BackupPlan": [
        rule(
            "arn",
            "backupPlan.backupPlanRule[*].copyActions[*].destinationBackupVaultArn",
            "backup",
            "backup copy vault",
        ),
    ],
    "aws-native:ec2:Instance": [rule("machine-image", "imageId", "primary", "machine image")],
    "aws-native:ec2:LaunchTemplate": [rule("machine-image", "launchTemplateData.imageId", "primary", "machine image")],
});

const AWS_NATIVE: AwsFamily = { types: TYPE_RULES, zones: AWS_ZONE_RULES };

export const locateAwsNative: Locator = (resource, p, ctx) => locateAwsFamily(AWS_NATIVE, resource, p, ctx);
