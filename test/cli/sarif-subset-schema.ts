// The constraints of the OASIS SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json) on the objects
// clean-guard writes, transcribed from the standard because no installed package ships the schema file:
// required properties, enumerations, integer bounds and `additionalProperties` where the standard closes them.

const message = {
    type: "object",
    properties: { text: { type: "string" }, markdown: { type: "string" }, id: { type: "string" } },
    anyOf: [{ required: ["text"] }, { required: ["id"] }],
};
const multiformat = {
    type: "object",
    required: ["text"],
    properties: { text: { type: "string" }, markdown: { type: "string" } },
};
const level = { enum: ["none", "note", "warning", "error"] };
const propertyBag = {
    type: "object",
    properties: { tags: { type: "array", uniqueItems: true, items: { type: "string" } } },
};
const artifactLocation = {
    type: "object",
    properties: {
        uri: { type: "string" },
        uriBaseId: { type: "string" },
        index: { type: "integer", minimum: -1 },
    },
};
const logicalLocation = {
    type: "object",
    properties: {
        name: { type: "string" },
        index: { type: "integer", minimum: -1 },
        fullyQualifiedName: { type: "string" },
        decoratedName: { type: "string" },
        parentIndex: { type: "integer", minimum: -1 },
        kind: { type: "string" },
        properties: propertyBag,
    },
    additionalProperties: false,
};
const location = {
    type: "object",
    properties: {
        id: { type: "integer", minimum: -1 },
        physicalLocation: { type: "object", properties: { artifactLocation } },
        logicalLocations: { type: "array", minItems: 0, uniqueItems: true, items: logicalLocation },
        message,
        properties: propertyBag,
    },
};
const reportingDescriptor = {
    type: "object",
    required: ["id"],
    properties: {
        id: { type: "string" },
        name: { type: "string" },
        shortDescription: multiformat,
        fullDescription: multiformat,
        help: multiformat,
        helpUri: { type: "string" },
        defaultConfiguration: {
            type: "object",
            properties: { enabled: { type: "boolean" }, level, rank: { type: "number" }, properties: propertyBag },
            additionalProperties: false,
        },
        properties: propertyBag,
    },
};
const result = {
    type: "object",
    required: ["message"],
    properties: {
        ruleId: { type: "string" },
        ruleIndex: { type: "integer", minimum: -1 },
        kind: { enum: ["notApplicable", "pass", "fail", "review", "open", "informational"] },
        level,
        message,
        locations: { type: "array", minItems: 0, items: location },
        properties: propertyBag,
    },
};

export const SARIF_SUBSET_SCHEMA = {
    type: "object",
    required: ["version", "runs"],
    properties: {
        $schema: { type: "string" },
        version: { enum: ["2.1.0"] },
        runs: {
            type: "array",
            items: {
                type: "object",
                required: ["tool"],
                properties: {
                    tool: {
                        type: "object",
                        required: ["driver"],
                        properties: {
                            driver: {
                                type: "object",
                                required: ["name"],
                                properties: {
                                    name: { type: "string" },
                                    version: { type: "string" },
                                    rules: { type: "array", uniqueItems: true, items: reportingDescriptor },
                                },
                            },
                        },
                    },
                    artifacts: {
                        type: "array",
                        items: { type: "object", properties: { location: artifactLocation, description: message } },
                    },
                    results: { type: "array", items: result },
                    properties: propertyBag,
                },
            },
        },
    },
} as const;
