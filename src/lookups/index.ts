// EC2 facts at preview time, behind two small interfaces. Everything that does I/O is created here;
// the rest of the pack only sees `ImageLookup`, `ZoneLookup` and their result values.
import type { EC2Client, EC2ClientConfig } from "@aws-sdk/client-ec2";
import type { Profile } from "../profile/types";
import { BatchedLookup, type LookupRuntime, type LookupStats } from "./batched-lookup";
import { CallBudget } from "./budget";
import { describeImages, IMAGE_FACTS_SCHEMA, type ImageLookup } from "./ec2-images";
import { ec2Sdk } from "./ec2-sdk";
import { describeZones, ZONE_FACTS_SCHEMA, type ZoneLookup } from "./ec2-zones";
import { FactCache } from "./fact-cache";
import { whyLookupsAreOff } from "./lookup-mode";

export type { ImageLookup, ImageRequest } from "./ec2-images";
export type { ZoneFacts, ZoneLookup, ZoneRequest } from "./ec2-zones";
export type { LookupStats } from "./batched-lookup";
export { defaultCacheDir } from "./fact-cache";
export { failedLookupEnforcement, type LookupFailure, type LookupFailureReason, type LookupResult } from "./outcome";

export interface Ec2LookupOptions {
    /** Makes the client of one region; the default honours the SDK's usual configuration. */
    clientFactory?: (region: string) => EC2Client;
    now?: () => number;
    /** Progress and warnings; stderr by default (stdout belongs to the pack's gRPC port). */
    log?: (line: string) => void;
    /** Environment `auto` mode inspects; `process.env` by default. */
    env?: NodeJS.ProcessEnv;
    /** How long requests wait for others to share their call, in ms. */
    batchWindowMs?: number;
}

export interface Ec2Lookups {
    images: ImageLookup;
    zones: ZoneLookup;
    stats(): LookupStats & { budgetSpentMs: number };
}

/**
 * How the default client of a region is configured; everything else (credentials, endpoint URLs) comes
 * from the SDK's standard configuration. Few attempts: a preview would rather report "throttled"
 * than wait out a long backoff.
 */
export function ec2ClientConfig(region: string): EC2ClientConfig {
    return { region, maxAttempts: 3, retryMode: "standard" };
}

export function createEc2Lookups(settings: Profile["lookups"], options: Ec2LookupOptions = {}): Ec2Lookups {
    const now = options.now ?? Date.now;
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const makeClient = options.clientFactory ?? ((region: string) => new (ec2Sdk().EC2Client)(ec2ClientConfig(region)));
    const clients = new Map<string, EC2Client>();
    const runtime: LookupRuntime = {
        offBecause: whyLookupsAreOff(settings.ec2, options.env ?? process.env),
        clientFor(region) {
            let client = clients.get(region);
            if (!client) clients.set(region, (client = makeClient(region)));
            return client;
        },
        budget: new CallBudget(settings.budgetMs, now),
        timeoutMs: settings.timeoutMs,
        batchWindowMs: options.batchWindowMs ?? 5,
        stats: { calls: 0, cacheHits: 0, answered: 0, failures: {} },
        log,
    };
    const cacheOf = <Facts>(kind: string, factsSchema: object): FactCache<Facts> =>
        new FactCache<Facts>({
            dir: settings.cacheDir,
            kind,
            factsSchema,
            ttlSeconds: settings.cacheTtlSeconds,
            now,
            warn: log,
        });
    const images = new BatchedLookup(describeImages, cacheOf("ec2-images", IMAGE_FACTS_SCHEMA), runtime);
    const zones = new BatchedLookup(describeZones, cacheOf("ec2-zones", ZONE_FACTS_SCHEMA), runtime);
    return {
        images: { lookup: (requests) => images.lookup(requests) },
        zones: { lookup: (requests) => zones.lookup(requests) },
        stats: () => ({
            ...runtime.stats,
            failures: { ...runtime.stats.failures },
            budgetSpentMs: runtime.budget.spent(),
        }),
    };
}
