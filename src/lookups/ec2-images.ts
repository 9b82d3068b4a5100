// Who published a machine image, and what it calls itself: DescribeImages, up to 100 ids a call.
import type { Image as Ec2Image } from "@aws-sdk/client-ec2";
import type { ImageFacts } from "../model/placement";
import type { LookupSpec, RegionCall } from "./batched-lookup";
import { ec2Sdk } from "./ec2-sdk";
import { withoutAbsent, type LookupResult } from "./outcome";

export interface ImageRequest {
    imageId: string;
    /** The region the image must exist in: the region of the instance or launch template using it. */
    region: string;
    /** The id came from a secret: messages say `[secret]` instead. */
    secret?: boolean;
}

export interface ImageLookup {
    /** One result per request, in order. */
    lookup(requests: readonly ImageRequest[]): Promise<Array<LookupResult<ImageFacts>>>;
}

// AMI ids are `ami-` and 8 (older) or 17 hexadecimal digits.
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
// EC2 refuses the whole request when one id is unknown or malformed, and names the culprits.
const INVALID_ID_ERRORS = new Set(["InvalidAMIID.NotFound", "InvalidAMIID.Malformed", "InvalidAMIID.Unavailable"]);
const MENTIONED_ID = /ami-[0-9a-z]+/g;

export const IMAGE_FACTS_SCHEMA = {
    type: "object",
    required: ["imageId", "region"],
    properties: Object.fromEntries(
        ["imageId", "region", "ownerId", "ownerAlias", "name", "description", "platformDetails", "imageLocation"].map(
            (field) => [field, { type: "string" }],
        ),
    ),
};

const shownId = (request: ImageRequest): string => (request.secret ? "[secret]" : request.imageId);
const imageKey = (region: string, imageId: string): string => `${region}/${imageId}`;

export const describeImages: LookupSpec<ImageRequest, ImageFacts> = {
    operation: "EC2 DescribeImages",
    maxBatch: 100,
    regionOf: (request) => request.region,
    keyOf: (request) => imageKey(request.region, request.imageId),
    subjectOf: (request) => `AMI '${shownId(request)}' in ${request.region}`,
    secretOf: (request) => (request.secret ? request.imageId : undefined),
    refuse: (request) =>
        AMI_ID.test(request.imageId)
            ? undefined
            : {
                  reason: "not-found",
                  detail: `'${shownId(request)}' is not an AMI id (expected 'ami-' and 8 or 17 hexadecimal digits)`,
              },
    async fetch(call, region, requests) {
        const found = new Map<string, ImageFacts>();
        for (const image of await describeAllValid(call, [...new Set(requests.map((r) => r.imageId))])) {
            if (image.ImageId) found.set(imageKey(region, image.ImageId), factsOf(image, region));
        }
        return found;
    },
};

/** Images among `ids` EC2 knows; ids it rejects are dropped and the rest asked again. */
async function describeAllValid(call: RegionCall, ids: string[]): Promise<Ec2Image[]> {
    if (ids.length === 0) return [];
    try {
        const output = await call((client, options) =>
            client.send(new (ec2Sdk().DescribeImagesCommand)({ ImageIds: ids }), options),
        );
        return output.Images ?? [];
    } catch (error) {
        const name = (error as Error).name;
        if (!INVALID_ID_ERRORS.has(name)) throw error;
        const rejected = new Set((error as Error).message.match(MENTIONED_ID) ?? []);
        const named = ids.filter((id) => rejected.has(id));
        if (ids.length === 1) return [];
        // The message names only some culprits (or none we can read): halve until each bad id is alone.
        if (named.length === 0) {
            const half = Math.ceil(ids.length / 2);
            return [
                ...(await describeAllValid(call, ids.slice(0, half))),
                ...(await describeAllValid(call, ids.slice(half))),
            ];
        }
        return describeAllValid(
            call,
            ids.filter((id) => !rejected.has(id)),
        );
    }
}

function factsOf(image: Ec2Image, region: string): ImageFacts {
    return withoutAbsent({
        imageId: image.ImageId ?? "",
        region,
        ownerId: image.OwnerId,
        ownerAlias: image.ImageOwnerAlias,
        name: image.Name,
        description: image.Description,
        platformDetails: image.PlatformDetails,
        imageLocation: image.ImageLocation,
    });
}
