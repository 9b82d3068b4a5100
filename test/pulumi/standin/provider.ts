// A stand-in resource provider for the real Pulumi CLI: it serves the schema generated from the installed
// provider SDK (so Pulumi YAML resolves every type token and property) and creates resources without a
// cloud: what it is given is what it stores. It adds none of the defaults or computed values a real
// provider would (see README: the real-CLI suite), and has no `diff`: the engine then compares the inputs
// itself, so it knows which properties changed and `replaceOnChanges` works as it does with a real
// provider. Run as `provider.ts <package> <engine address>`.

import * as pulumi from "@pulumi/pulumi";
import { packageSchema } from "./schema";

const [pkg, ...engineArgs] = process.argv.slice(2);
const schema = packageSchema(pkg);

void pulumi.provider.main(
    {
        version: schema.version,
        schema: JSON.stringify(schema),
        check: async (_urn, _olds, news) => ({ inputs: news }),
        // A real provider's id is computed; the logical name keeps the id unknown at preview and stable at up.
        create: async (urn, inputs) => ({ id: urn.split("::").pop()!, outs: inputs }),
        update: async (_id, _urn, _olds, news) => ({ outs: news }),
        delete: async () => undefined,
    },
    engineArgs,
);
