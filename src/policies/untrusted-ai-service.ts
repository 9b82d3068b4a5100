import type { AiService } from "../catalog/types";
import type { Host } from "../model/placement";
import { SECRET_MASK } from "../model/values";
import { definePolicy, type JudgeContext } from "./define";
import { disallowedVendor, untrustedVendorRule } from "./vendors";

// Clean Apps: prompts and documents sent to a model API are processed by the company that runs it, under the law
// of its country, wherever the calling resource runs. A model API is judged by its operator: its vendor may be
// untrusted (DeepSeek, Alibaba), or its country disallowed (ByteDance's Ark, run from Beijing), and either
// blocks it. Its hosts are found in every input, secrets included (judged, never printed).
export const untrustedAiService = definePolicy({
    name: "clean-guard-untrusted-ai-service",
    pillar: "clean-apps",
    severity: "critical",
    description:
        "Inputs must not send prompts or documents to the model API of an untrusted AI vendor (DeepSeek, Alibaba's Qwen on DashScope, Moonshot's Kimi, Zhipu, MiniMax, Baidu's Qianfan, ByteDance's Volcano Engine Ark, Tencent's Hunyuan), in environment variables, app settings, config maps or secrets.",
    remediation:
        "Send the prompts to a model service of a trusted provider in an allowed region (Amazon Bedrock, Azure OpenAI or Vertex AI, in the data's jurisdiction), and remove the untrusted API's address and key from the configuration",
    judge(p, ctx) {
        return p.hosts.flatMap((h) => {
            const service = h.service === undefined ? undefined : ctx.catalog.vendorOfHost(h.host)?.service;
            const rule = service && disallowedBecause(service, ctx);
            return rule ? [{ kind: "violation" as const, found: foundText(h, service, ctx), rule }] : [];
        });
    },
});

/** `DeepSeek's model API (api.deepseek.com), operated by Hangzhou DeepSeek ..., China (CN), at environment...`. */
function foundText(h: Host, service: AiService, { catalog }: JudgeContext): string {
    const host = h.secret ? SECRET_MASK : h.host;
    const country = `${catalog.countryName(service.country) ?? service.country} (${service.country})`;
    return `${service.service} (${host}), operated by ${service.operator}, ${country}, at ${h.path}`;
}

/** Why the service is disallowed: its vendor, or its operator's country; undefined when neither is. */
function disallowedBecause(service: AiService, { profile, catalog }: JudgeContext): string | undefined {
    const vendor = disallowedVendor(service.vendor.id, profile);
    if (vendor) return untrustedVendorRule(vendor, profile, catalog);
    if (!profile.disallowed.countries.some((c) => c.toUpperCase() === service.country)) return undefined;
    const country = catalog.countryName(service.country) ?? service.country;
    return `Its operator is in ${country} (${service.country}), a country disallowed by ${profile.source}: the prompts and documents sent to it are processed under that country's law`;
}
