// Where an AWS (pulumi-aws v7) resource keeps and copies its data. Type tokens and input names are those of
// @pulumi/aws 7.48 (node_modules/@pulumi/aws/<module>/<type>.d.ts).

import { AWS_ZONE_RULES, locateAwsFamily, type AwsFamily } from "./aws-family";
import type { Locator } from "../../core/context";
import { compileRuleTable, rule } from "../../core/location-rules";

const s3Replication = rule(
    "copies-to",
    "replicationConfiguration.rules[*].destination.bucket",
    "replica",
    "replication destination bucket",
);
/** pulumi-aws v6's BucketV2 kept the same settings as lists: `replicationConfigurations[].rules[].destinations[]`. */
const s3ReplicationV6 = rule(
    "copies-to",
    "replicationConfigurations[*].rules[*].destinations[*].bucket",
    "replica",
    "replication destination bucket",
);
const dynamoReplicas = rule("region", "replicas[*].regionName", "replica", "replica region");
const replicaKey = rule("copy-of", "primaryKeyArn", "replica", "primary key");
const ami = (at: string) => rule("machine-image", at, "primary", "machine image");
const endpointGroupRegion = rule("region", "endpointGroupRegion", "member", "endpoint group region");
const snapshotCopyRegion = rule("region", "destinationRegion", "backup", "snapshot copy region");
/** DLM's cross-region copies name the target region (`target`, or the older `targetRegion`). */
const dlmCopy = (at: string) => rule("region", at, "backup", "cross-region snapshot copy region");

/**
 * An AppFlow destination that is a third party's application (docs.aws.amazon.com/appflow/1.0/APIReference/
 * API_DestinationConnectorProperties.html: Salesforce, Zendesk, Marketo, SAP OData, a custom connector): the data is
 * written into the customer's account with that vendor, wherever the vendor keeps it. The required field of each
 * connector's properties says the destination is written.
 */
const saasDestination = (connector: string, field: string) =>
    rule(
        "anywhere",
        `destinationFlowConfigs[*].destinationConnectorProperties.${connector}.${field}`,
        "replica",
        connector,
    );

const TYPE_RULES = compileRuleTable({
    "aws:appflow/flow:Flow": [
        saasDestination("salesforce", "object"),
        saasDestination("zendesk", "object"),
        saasDestination("marketo", "object"),
        saasDestination("sapoData", "objectPath"),
        saasDestination("customConnector", "entityName"),
    ],
    // A channel's outputs go to S3 (`s3ssl://`), AWS media services, or HTTP(S), RTMP and UDP servers and CDNs anywhere on the internet
    // (docs.aws.amazon.com/medialive/latest/ug/outputs-supported-containers-downstream-systems.html).
    "aws:medialive/channel:Channel": [
        rule("sent-to", "destinations[*].settings[*].url", "replica", "output destination"),
    ],
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": [
        // The rule moves the source bucket's data: it carries the bucket's classification to the destination.
        rule("carries", "bucket", "primary", "source bucket"),
        rule("copies-to", "rules[*].destination.bucket", "replica", "replication destination bucket"),
    ],
    "aws:s3/bucket:Bucket": [s3Replication],
    "aws:s3/bucketV2:BucketV2": [s3Replication, s3ReplicationV6],
    "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint": [
        rule("located-by", "details.regions[*].bucket", "member", "member bucket"),
    ],
    "aws:dynamodb/table:Table": [dynamoReplicas],
    "aws:dynamodb/globalTable:GlobalTable": [dynamoReplicas],
    "aws:dynamodb/tableReplica:TableReplica": [rule("copy-of", "globalTableArn", "replica", "global table")],
    "aws:rds/instance:Instance": [rule("copy-of", "replicateSourceDb", "replica", "source database")],
    "aws:neptune/cluster:Cluster": [rule("copy-of", "replicationSourceIdentifier", "replica", "source cluster")],
    "aws:rds/cluster:Cluster": [
        rule("copy-of", "replicationSourceIdentifier", "replica", "source cluster"),
        rule("copy-of", "globalClusterIdentifier", "member", "global cluster"),
    ],
    "aws:rds/globalCluster:GlobalCluster": [rule("copy-of", "sourceDbClusterIdentifier", "member", "source cluster")],
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": [
        rule("copy-of", "sourceDbInstanceArn", "backup", "database whose backups are replicated"),
    ],
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": [
        rule("region", "replicationConfiguration.rules[*].destinations[*].region", "replica", "replication region"),
    ],
    "aws:kms/replicaKey:ReplicaKey": [replicaKey],
    "aws:kms/replicaExternalKey:ReplicaExternalKey": [replicaKey],
    "aws:secretsmanager/secret:Secret": [rule("region", "replicas[*].region", "replica", "replica region")],
    "aws:backup/plan:Plan": [rule("arn", "rules[*].copyActions[*].destinationVaultArn", "backup", "backup copy vault")],
    "aws:elasticache/replicationGroup:ReplicationGroup": [
        rule("copy-of", "globalReplicationGroupId", "member", "global replication group"),
    ],
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": [
        rule("copy-of", "primaryReplicationGroupId", "member", "primary replication group"),
    ],
    "aws:rds/snapshotCopy:SnapshotCopy": [snapshotCopyRegion],
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": [snapshotCopyRegion],
    "aws:redshift/snapshotCopy:SnapshotCopy": [snapshotCopyRegion],
    "aws:dlm/lifecyclePolicy:LifecyclePolicy": [
        dlmCopy("policyDetails.schedules[*].crossRegionCopyRules[*].target"),
        dlmCopy("policyDetails.schedules[*].crossRegionCopyRules[*].targetRegion"),
        dlmCopy("policyDetails.action.crossRegionCopies[*].target"),
    ],
    "aws:efs/replicationConfiguration:ReplicationConfiguration": [
        rule("region", "destination.region", "replica", "replica file system region"),
    ],
    "aws:securitylake/dataLake:DataLake": [
        rule("region", "configuration.region", "member", "data lake region"),
        rule("region", "configuration.replicationConfiguration.regions[*]", "replica", "data lake replication region"),
    ],
    "aws:ssm/resourceDataSync:ResourceDataSync": [
        rule("region", "s3Destination.region", "replica", "region of the bucket the inventory is synced to"),
    ],
    "aws:globalaccelerator/endpointGroup:EndpointGroup": [endpointGroupRegion],
    "aws:globalaccelerator/customRoutingEndpointGroup:CustomRoutingEndpointGroup": [endpointGroupRegion],
    "aws:ec2/instance:Instance": [ami("ami")],
    "aws:ec2/spotInstanceRequest:SpotInstanceRequest": [ami("ami")],
    "aws:ec2/spotFleetRequest:SpotFleetRequest": [ami("launchSpecifications[*].ami")],
    "aws:ec2/launchTemplate:LaunchTemplate": [ami("imageId")],
    "aws:ec2/launchConfiguration:LaunchConfiguration": [ami("imageId")],
    "aws:batch/computeEnvironment:ComputeEnvironment": [
        ami("computeResources.imageId"),
        ami("computeResources.ec2Configurations[*].imageIdOverride"),
    ],
});

const AWS: AwsFamily = { ownRegionKey: "region", types: TYPE_RULES, zones: AWS_ZONE_RULES };

export const locateAws: Locator = (resource, p, ctx) => locateAwsFamily(AWS, resource, p, ctx);
