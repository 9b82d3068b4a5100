// Configuration files kept in a string input (a ConfigMap's `application.yaml` or `.env`, an ESC environment's
// YAML, a Secret's `stringData`): read like any other input, so that `endpoint: oss-cn-hangzhou.aliyuncs.com` on a
// line of its own is the endpoint it is, not a word in prose. JSON has its own reader (json-strings.ts).

import { parse as parseIni } from "ini";
import { loadAll } from "js-yaml";
import { isRecord, type Value } from "../../model/values";

/**
 * The largest configuration text parsed: a ConfigMap holds at most 1 MiB, but a configuration file of more than
 * 256 KiB is rare, and parsing one on every resource of a preview would cost more than it finds.
 */
export const MAX_CONFIG_TEXT = 256 * 1024;

/** `KEY=value` and `export KEY=value` lines (.env, .properties written with `=`), comments and blank lines. */
const SETTING_LINE = /^[ \t]*(?:(?:export[ \t]+)?[A-Za-z_][\w.-]*[ \t]*=.*|[#;].*|)$/;
/** A line of a YAML mapping: `key: value`, `- key: value`, or `key:` opening a block. */
const YAML_KEY_LINE = /^[ \t]*(?:-[ \t]+)?["']?[\w./-]+["']?:(?:[ \t]|$)/m;

/** The settings a multi-line configuration text holds, or undefined when it is not one (prose, a script, JSON). */
export function decodeConfigText(text: string): Value | undefined {
    if (!text.includes("\n") || text.length > MAX_CONFIG_TEXT) return undefined;
    const lines = text.split(/\r?\n/);
    if (lines.every((line) => SETTING_LINE.test(line)) && lines.some((line) => line.includes("="))) {
        // `ini` returns objects with no prototype; the walk over inputs expects plain ones.
        const settings = { ...parseIni(text.replace(/^([ \t]*)export[ \t]+/gm, "$1")) } as Value;
        return isRecord(settings) && Object.keys(settings).length > 0 ? settings : undefined;
    }
    if (!YAML_KEY_LINE.test(text)) return undefined;
    try {
        const documents = loadAll(text, undefined, { json: true }).filter(
            (d) => isRecord(d as Value) || Array.isArray(d),
        ) as Value[];
        if (documents.length === 0) return undefined;
        return documents.length === 1 ? documents[0] : documents;
    } catch {
        return undefined;
    }
}
