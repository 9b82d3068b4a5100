// Where an AWS (pulumi-aws v7) resource keeps and copies its data. Type tokens and input names are those of
// @pulumi/aws 7.48 (node_modules/@pulumi/aws/<module>/<type>.d.ts).

import { locateAwsFamily, type AwsFamily } from "./aws-family";
import type { Locator } from "./context";
import { compileRules, compileRuleTable, type LocationRule } from "./location-rules";

const s3Replication = (at: string): LocationRule => ({
    at,
    kind: "copies-to",
    role: "replica",
    what: "replication destination bucket",
});

const COPIES = compileRuleTable({
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": [
        // The rule moves the source bucket's data: it carries the bucket's classification to the destination.
        { at: "bucket", kind: "copy-of", role: "primary", what: "source bucket" },
        s3Replication("rules[*].destination.bucket"),
    ],
    "aws:s3/bucket:Bucket": [s3Replication("replicationConfiguration.rules[*].destination.bucket")],
    "aws:s3/bucketV2:BucketV2": [s3Replication("replicationConfiguration.rules[*].destination.bucket")],
    "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint": [
        { at: "details.regions[*].bucket", kind: "located-by", role: "member", what: "member bucket" },
    ],
    "aws:dynamodb/table:Table": [
        { at: "replicas[*].regionName", kind: "region", role: "replica", what: "replica region" },
    ],
    "aws:dynamodb/globalTable:GlobalTable": [
        { at: "replicas[*].regionName", kind: "region", role: "replica", what: "replica region" },
    ],
    "aws:dynamodb/tableReplica:TableReplica": [
        { at: "globalTableArn", kind: "copy-of", role: "replica", what: "global table" },
    ],
    "aws:rds/instance:Instance": [
        { at: "replicateSourceDb", kind: "copy-of", role: "replica", what: "source database" },
    ],
    "aws:rds/cluster:Cluster": [
        { at: "replicationSourceIdentifier", kind: "copy-of", role: "replica", what: "source cluster" },
        { at: "globalClusterIdentifier", kind: "copy-of", role: "member", what: "global cluster" },
    ],
    "aws:rds/globalCluster:GlobalCluster": [
        { at: "sourceDbClusterIdentifier", kind: "copy-of", role: "member", what: "source cluster" },
    ],
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": [
        { at: "sourceDbInstanceArn", kind: "copy-of", role: "backup", what: "database whose backups are replicated" },
    ],
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": [
        {
            at: "replicationConfiguration.rules[*].destinations[*].region",
            kind: "region",
            role: "replica",
            what: "replication region",
        },
    ],
    "aws:kms/replicaKey:ReplicaKey": [{ at: "primaryKeyArn", kind: "copy-of", role: "replica", what: "primary key" }],
    "aws:kms/replicaExternalKey:ReplicaExternalKey": [
        { at: "primaryKeyArn", kind: "copy-of", role: "replica", what: "primary key" },
    ],
    "aws:secretsmanager/secret:Secret": [
        { at: "replicas[*].region", kind: "region", role: "replica", what: "replica region" },
    ],
    "aws:backup/plan:Plan": [
        { at: "rules[*].copyActions[*].destinationVaultArn", kind: "arn", role: "backup", what: "backup copy vault" },
    ],
    "aws:elasticache/replicationGroup:ReplicationGroup": [
        { at: "globalReplicationGroupId", kind: "copy-of", role: "member", what: "global replication group" },
    ],
    "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": [
        { at: "primaryReplicationGroupId", kind: "copy-of", role: "member", what: "primary replication group" },
    ],
    "aws:globalaccelerator/endpointGroup:EndpointGroup": [
        { at: "endpointGroupRegion", kind: "region", role: "member", what: "endpoint group region" },
    ],
    "aws:globalaccelerator/customRoutingEndpointGroup:CustomRoutingEndpointGroup": [
        { at: "endpointGroupRegion", kind: "region", role: "member", what: "endpoint group region" },
    ],
});

/** Zone inputs, whatever the type: EC2 instances, subnets, volumes, RDS, ElastiCache, Auto Scaling groups. */
const ZONES = compileRules([
    { at: "availabilityZone", kind: "region", role: "primary", what: "availability zone" },
    { at: "availabilityZones[*]", kind: "region", role: "primary", what: "availability zone" },
    { at: "preferredCacheClusterAzs[*]", kind: "region", role: "primary", what: "availability zone" },
    { at: "availabilityZoneId", kind: "zone-id", role: "primary", what: "availability zone id" },
]);

const AWS: AwsFamily = { ownRegionKey: "region", copies: COPIES, zones: ZONES };

export const locateAws: Locator = (resource, p, ctx) => locateAwsFamily(AWS, resource, p, ctx);
