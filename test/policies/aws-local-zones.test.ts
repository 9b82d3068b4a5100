// AWS Local and Wavelength Zones are named after their parent region but stand where their location code says:
// a subnet in Buenos Aires is in Argentina although its zone name starts with us-east-1.

import type { NormalisedResource } from "../../src/model/resource";
import { awsResource } from "../support/builders";
import { assertFindings, judgeResource } from "./judge";

const RESIDENCY = "clean-guard-data-residency";

const subnet = (availabilityZone: string, region: string): NormalisedResource =>
    awsResource(
        "aws:ec2/subnet:Subnet",
        { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", availabilityZone },
        { providerRegion: region, name: `subnet-${availabilityZone}` },
    );

describe("AWS Local and Wavelength Zones are placed in their own country", () => {
    const cases: Array<[string, NormalisedResource, string, Parameters<typeof assertFindings>[2]]> = [
        ["US data in the Atlanta Local Zone: pass", subnet("us-east-1-atl-1a", "us-east-1"), "us", []],
        [
            "US data in the Buenos Aires Local Zone of us-east-1: rejected, naming Argentina",
            subnet("us-east-1-bue-1a", "us-east-1"),
            "us",
            [["violation", "us-east-1-bue-1a", "Argentina (AR)"]],
        ],
        [
            "German data in the Warsaw Local Zone of eu-central-1: rejected, naming Poland",
            subnet("eu-central-1-waw-1a", "eu-central-1"),
            "de",
            [["violation", "eu-central-1-waw-1a", "Poland (PL)"]],
        ],
        ["German data in the Hamburg Local Zone: pass", subnet("eu-central-1-ham-1a", "eu-central-1"), "de", []],
        [
            "French data in the Casablanca Wavelength Zone of eu-west-3: rejected, naming Morocco",
            subnet("eu-west-3-wl1-cmn-wlz-1", "eu-west-3"),
            "fr",
            [["violation", "eu-west-3-wl1-cmn-wlz-1", "Morocco (MA)"]],
        ],
        [
            "a Local Zone whose location the catalog does not list: cannot verify, not its parent's country",
            subnet("us-east-1-zzz-1a", "us-east-1"),
            "us",
            [["unverified", "us-east-1-zzz-1a"]],
        ],
    ];
    for (const [what, r, residency, expected] of cases)
        it(what, async () =>
            assertFindings(await judgeResource(r, { stackTags: { "data-residency": residency } }), RESIDENCY, expected),
        );
});
