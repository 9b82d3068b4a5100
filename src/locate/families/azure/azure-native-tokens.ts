// azure-native v2 type tokens as the v3 token of the same resource: one rule serves both majors. v2 also
// published every API version as a module of its own (`azure-native:documentdb/v20230415:DatabaseAccount`),
// the same resource at another version. v3 renamed some modules and moved some types (pulumi-azure-native
// v3 migration guide, "Module changes"); the audit test (test/coverage) fails on a v2 token of a type the
// table src/locate/place-inputs.yaml names on its own, whose v3 module differs and that this table does not map.

/** v2 module -> v3 module, for every type of it. */
const MODULES: Readonly<Record<string, string>> = {
    documentdb: "cosmosdb",
};

/** v2 `module:Type` -> v3 module, for types that moved alone. */
const TYPES: Readonly<Record<string, string>> = {
    "cache:Redis": "redis",
    "cache:LinkedServer": "redis",
    "cache:FirewallRule": "redis",
    "cache:PatchSchedule": "redis",
    "cache:AccessPolicy": "redis",
    "cache:AccessPolicyAssignment": "redis",
    "cache:RedisEnterprise": "redisenterprise",
    "cache:Database": "redisenterprise",
    "cache:EnterprisePrivateEndpointConnection": "redisenterprise",
    "documentdb:MongoCluster": "mongocluster",
    "network:Zone": "dns",
    "network:RecordSet": "dns",
    "network:DnssecConfig": "dns",
    "network:PrivateZone": "privatedns",
    "network:PrivateRecordSet": "privatedns",
    "network:VirtualNetworkLink": "privatedns",
    "network:FrontDoor": "frontdoor",
    "network:RulesEngine": "frontdoor",
    "network:Experiment": "frontdoor",
    "network:NetworkExperimentProfile": "frontdoor",
    "network:Profile": "trafficmanager",
    "network:Endpoint": "trafficmanager",
    "network:TrafficManagerUserMetricsKey": "trafficmanager",
};

const TOKEN = /^azure-native:([^:/]+)(?:\/v\d{8}\w*)?:(\w+)$/;

export function canonicalAzureNativeType(type: string): string {
    const parts = TOKEN.exec(type);
    if (!parts) return type;
    const [, module, member] = parts;
    return `azure-native:${TYPES[`${module}:${member}`] ?? MODULES[module] ?? module}:${member}`;
}
