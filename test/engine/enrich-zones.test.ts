// The enrich stage asks EC2 which zone an availability-zone id is, before the policies judge, and the zone is
// placed as its name would be if the program had written it.

import { strict as assert } from "node:assert";
import type { Ec2Lookups, ZoneFacts, ZoneRequest } from "../../src/lookups/index";
import { evaluateResource } from "../../src/engine/evaluate";
import { allPolicies } from "../../src/policies";
import { describePlacement } from "../../src/report/describe";
import { awsResource } from "../support/builders";
import { locationsText } from "../support/placement-text";
import { catalog, findingsOf, judgeResource, judgeStack, profile } from "../policies/judge";

/** EC2 as these tests need it: a few zones of us-east-1 and eu-west-1, and a count of what was asked. */
function zonesOfEc2(): Ec2Lookups & { asked: ZoneRequest[] } {
    const known: Record<string, ZoneFacts> = {
        "use1-az1": { zoneId: "use1-az1", zoneName: "us-east-1b", region: "us-east-1", zoneType: "availability-zone" },
        "euw1-az3": { zoneId: "euw1-az3", zoneName: "eu-west-1a", region: "eu-west-1", zoneType: "availability-zone" },
        // A Local Zone in Buenos Aires, Argentina, whose parent region is us-east-1.
        "use1-bue1-az1": {
            zoneId: "use1-bue1-az1",
            zoneName: "us-east-1-bue-1a",
            region: "us-east-1",
            zoneType: "local-zone",
            parentZoneName: "us-east-1b",
        },
    };
    const asked: ZoneRequest[] = [];
    return {
        asked,
        images: { lookup: async (requests) => requests.map(() => ({ ok: false, failure: notAsked })) },
        zones: {
            lookup: async (requests) => {
                asked.push(...requests);
                return requests.map(({ zone, region }) => {
                    const facts = known[zone];
                    return facts?.region === region
                        ? { ok: true, facts }
                        : {
                              ok: false,
                              failure: { reason: "not-found", detail: `zone '${zone}' in ${region} was not found` },
                          };
                });
            },
        },
        stats: () => ({ calls: 0, cacheHits: 0, answered: 0, failures: {}, budgetSpentMs: 0 }),
    };
}
const notAsked = { reason: "off" as const, detail: "no image is asked in these tests" };

const subnet = (zoneId: string, region: string) =>
    awsResource(
        "aws:ec2/subnet:Subnet",
        { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", availabilityZoneId: zoneId },
        {
            providerRegion: region,
            name: `subnet-${zoneId}`,
        },
    );

const residency = (findings: Awaited<ReturnType<typeof judgeResource>>) =>
    findingsOf(findings, "clean-guard-data-residency");

describe("enrich: availability-zone ids looked up in EC2", () => {
    it("a zone of an EU region keeps EU data in the EU, with one question to EC2", async () => {
        const ec2 = zonesOfEc2();
        const { all } = await judgeStack([subnet("euw1-az3", "eu-west-1")], {
            lookups: ec2,
            stackTags: { "data-residency": "eu" },
        });
        assert.deepEqual(residency(all), []);
        assert.deepEqual(ec2.asked, [{ zone: "euw1-az3", region: "eu-west-1" }]);
    });

    it("a zone of a US region is in the US: EU data there is rejected", async () => {
        const findings = await judgeResource(subnet("use1-az1", "us-east-1"), {
            lookups: zonesOfEc2(),
            stackTags: { "data-residency": "eu" },
        });
        const [[outcome, message]] = residency(findings);
        assert.equal(outcome, "violation");
        assert.match(message, /us-east-1/);
    });

    it("a zone id EC2 names as a Local Zone abroad is placed there: US data in Buenos Aires is rejected", async () => {
        const findings = await judgeResource(subnet("use1-bue1-az1", "us-east-1"), {
            lookups: zonesOfEc2(),
            stackTags: { "data-residency": "us" },
        });
        const [[outcome, message]] = residency(findings);
        assert.equal(outcome, "violation");
        assert.match(message, /us-east-1-bue-1a .*Argentina \(AR\)/);
    });

    it("at preview the zone is looked up in the stack pass, which reports what Analyze could not see", async () => {
        const options = { lookups: zonesOfEc2(), stackTags: { "data-residency": "us" }, phase: "preview" as const };
        const abroad = subnet("use1-bue1-az1", "us-east-1");
        assert.deepEqual(residency(await judgeResource(abroad, options)), []);
        const [[outcome, message]] = residency((await judgeStack([abroad], options)).stackOnly);
        assert.equal(outcome, "violation");
        assert.match(message, /us-east-1-bue-1a .*Argentina \(AR\)/);
    });

    it("reports name the zone EC2 named beside the region", async () => {
        const stack = { tags: new Map(), config: new Map(), phase: "update" as const };
        const options = { policies: allPolicies, profile, catalog, lookups: zonesOfEc2() };
        const { placement } = await evaluateResource(subnet("use1-az1", "us-east-1"), stack, options);
        assert.deepEqual(locationsText(placement), ["primary us-east-1 US", "primary us-east-1b US [zone]"]);
        assert.match(describePlacement(placement), /us-east-1b \(US\)/);
    });

    it("without lookups, or when EC2 does not know the zone, the resource stays placed by its region", async () => {
        for (const lookups of [undefined, zonesOfEc2()]) {
            const findings = await judgeResource(subnet("use1-az9", "us-east-1"), {
                lookups,
                stackTags: { "data-residency": "us" },
            });
            assert.deepEqual(residency(findings), []);
        }
    });
});
