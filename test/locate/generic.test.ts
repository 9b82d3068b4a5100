import { strict as assert } from "assert";
import { defaultCatalog } from "../../src/catalog";
import { locate } from "../../src/locate";
import type { NormalisedResource } from "../../src/model/resource";
import type { Props } from "../../src/model/values";
import { defaultProvider, explicitProvider, resource, secret, unknown } from "../support/builders";
import { locationsText, undeterminedsText } from "../support/placement-text";

const catalog = defaultCatalog();
const placed = (r: NormalisedResource) => locate(r, { catalog });

/** A resource of a community package clean-guard has no locator for. */
const community = (props: Props, config: Props = {}) =>
    resource("acme:storage/vault:Vault", "vault", props, { provider: defaultProvider("acme", config, "1_0_0") });

describe("generic locator", () => {
    const cases: Array<[string, NormalisedResource, string[], string[]]> = [
        ["an Azure region name, unique to Azure", community({ location: "westeurope" }), ["primary westeurope NL"], []],
        ["a GCP zone", community({ zone: "europe-west4-b" }), ["primary europe-west4-b NL [zone]"], []],
        ["an Alibaba region name", community({ regionId: "cn-hangzhou" }), ["primary cn-hangzhou CN"], []],
        [
            "the provider's region when the resource has none",
            community({}, { region: "europe-west4" }),
            ["primary europe-west4 NL"],
            [],
        ],
        [
            "a name two clouds share is each of their regions, not a guess",
            community({ region: "eu-central-1" }),
            ["primary eu-central-1 DE [one of alicloud:eu-central-1,aws:eu-central-1]"],
            [],
        ],
        [
            "a name three clouds share in three countries",
            community({ region: "ap-southeast-3" }),
            [
                "primary ap-southeast-3 MY,ID,SG [one of alicloud:ap-southeast-3,aws:ap-southeast-3,huaweicloud:ap-southeast-3]",
            ],
            [],
        ],
        [
            "a service that says it runs on AWS (Confluent `cloud: AWS`)",
            community({ cloud: "AWS", region: "ap-southeast-3" }),
            ["primary ap-southeast-3 ID"],
            [],
        ],
        [
            "a service that names the cloud and spells regions its own way (MongoDB Atlas `EU_CENTRAL_1`)",
            community({ providerName: "AWS", providerRegionName: "EU_CENTRAL_1" }),
            ["primary eu-central-1 DE"],
            [],
        ],
        [
            "a stated cloud that does not have the region",
            community({ cloud: "GCP", region: "eu-central-1" }),
            ["primary eu-central-1 ?"],
            ["unrecognised location region"],
        ],
        [
            "a name no cloud knows",
            community({ region: "atlantis1" }),
            ["primary atlantis1 ?"],
            ["unrecognised location region"],
        ],
        ["unknown during preview", community({ region: unknown() }), [], ["unknown-during-preview location region"]],
        ["a secret ciphertext", community({ location: secret() }), [], ["secret-ciphertext location location"]],
        [
            "random has no location",
            resource(
                "random:index/randomPet:RandomPet",
                "pet",
                { length: 2 },
                { provider: defaultProvider("random", {}, "4_0_0") },
            ),
            [],
            [],
        ],
        [
            "tls has no location",
            resource(
                "tls:index/privateKey:PrivateKey",
                "k",
                { algorithm: "RSA" },
                { provider: defaultProvider("tls", {}, "5_0_0") },
            ),
            [],
            [],
        ],
        [
            "command has no location",
            resource(
                "command:local:Command",
                "c",
                { create: "echo hi" },
                { provider: defaultProvider("command", {}, "1_0_0") },
            ),
            [],
            [],
        ],
        ["the stack itself", resource("pulumi:pulumi:Stack", "shop-dev", {}), [], []],
        ["a component", resource("shop:index:Website", "site", {}), [], []],
    ];
    for (const [what, r, locations, undetermined] of cases) {
        it(what, () => {
            const p = placed(r);
            assert.deepEqual(locationsText(p), locations);
            assert.deepEqual(undeterminedsText(p), undetermined);
        });
    }

    it("names the provider in `via` when the location is the provider's", () => {
        const r = resource(
            "acme:storage/vault:Vault",
            "v",
            {},
            { provider: explicitProvider("acme", "eu", { region: "westeurope" }) },
        );
        assert.equal(placed(r).locations[0].via, "provider 'eu'");
    });

    it("keeps a secret location's name out of the message", () => {
        const p = placed(community({ region: secret("atlantis1") }));
        assert.equal(p.locations[0].secret, true);
        assert.ok(!p.undetermined[0].detail.includes("atlantis1"), p.undetermined[0].detail);
    });
});
