// Every host a string sends data to: the one finder every policy that looks for hosts reads through (via
// src/locate/scan.ts, which walks the inputs and decodes JSON in strings). What counts as an address:
//
// | Written as                                             | Read as                                         | Rule            |
// | ------------------------------------------------------ | ----------------------------------------------- | --------------- |
// | `scheme://authority...`, anywhere in the text          | the host of the authority                       | URL             |
// | `https://p.example.org/fwd?to=https://oss.../x`        | both hosts: a scheme in a query, fragment or    | URL             |
// |                                                        | path starts a URL of its own                    |                 |
// | `mongodb://a:27017,b:27017/db`                         | every host of the authority                     | LIST_SEPARATORS |
// | `?to=https%3A%2F%2Foss...`, `https:\/\/oss...`         | decoded, then read again (EMBEDDING_DEPTH deep) | EMBEDDINGS      |
// | `a.org,b.org:9092;c.org|d.org e.org`, `a.org, b.org`   | a list: each item a URL, host:port or host      | LIST_SEPARATORS |
// | `a.org，b.org`, `a.org、b.org`                         | a list (full-width and ideographic separators)  | LIST_SEPARATORS |
// | `- a.org\n- b.org`, `[a.org, b.org]`, `{a.org,b.org}`  | a list: bullets and brackets are punctuation    | BRACKETS        |
// | `u@HOST.:443/path`, `*.example.org`, `10.0.0.0/8`      | list items, alone or in a list                  | ITEM_SHAPES     |
// | `localhost` between separators (`localhost,.svc`)      | a list item (a single word alone is no host)    | ITEM_SHAPES     |
// | `--endpoint=h.org`, `BROKERS=a:9092,b:9092`, `Host=h;` | the setting's value, read as an item            | SETTING         |
// | `https://docs.example.org/from/oss...`, `?with=oss...` | docs.example.org only: a path or query without  | AUTHORITY_END   |
// |                                                        | a scheme or a list separator is no address      |                 |
// | `migrated off aliyun.com last year`                    | nothing: a word that is no endpoint makes the   | ITEM_SHAPES     |
// |                                                        | text prose, and prose has URLs only             |                 |
// | `alibaba-report`, `records.backup`, `main.handler`     | nothing: a host without a scheme needs a vendor | PUBLIC_TLDS     |
// |                                                        | suffix or a public top-level domain             |                 |
// | `Host  h.org` or `server h.org:443;` on a line of its  | the value of a configuration line that sets one | SETTING_LINE    |
// | own, among other lines                                 | key to one value, whatever the file's syntax    |                 |
// | `Server=tcp:h.org,1433;Initial Catalog=db;User ID=u`   | each value of a connection string, whose keys   | CONNECTION_     |
// |                                                        | may hold spaces, without protocol and port      | STRING          |
// | `ossutil cp f oss://b -e oss-cn-hangzhou.aliyuncs.com` | in a script (user data, a command, a startup    | `script`        |
// |                                                        | script): prose or not, each word that is an     |                 |
// |                                                        | untrusted vendor's host, for a script names its |                 |
// |                                                        | endpoints bare                                  |                 |
//
// A new spelling is a line in one of these tables. Linear in the text: one indexOf pass for schemes, one
// tokenising pass for lists (stopping at the first word of prose), patterns without overlapping repeats.

import net from "node:net";
import { parseHost } from "../../catalog/hosts";
import type { Catalog } from "../../catalog/types";
import { NameMemo } from "../../model/name-memo";

export interface TextHost {
    host: string;
    /** Untrusted vendor id owning the host. */
    vendor?: string;
    /** The untrusted AI model service it reaches (catalog id). */
    service?: string;
}

/** End any endpoint, URL or not: whitespace, and the quotes and brackets that delimit a URL in text or markup. */
const BOUNDARY = String.raw`\s"'<>\x60`;
/** Between the items of a list (broker lists, CORS origins, `NO_PROXY`, webhook fan-out) and between the hosts
 * of a multi-host URL (MongoDB, JDBC fail-over). */
const LIST_SEPARATORS = ",;|\uff0c\uff1b\uff5c\u3001";
/** Ends a URL's authority: what follows is a path, query or fragment, which mentions a host but does not address it. */
const AUTHORITY_END = String.raw`/?#\\`;
/** What a URL scheme is made of (RFC 3986): `https`, `s3`, `minio+s3`; `jdbc:mysql://` is read from `mysql`. */
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/** Schemes whose URL parser skips any run of slashes before the host (WHATWG URL, "special authority ignore
 * slashes state"): `http:///host` is `http://host`. */
const SPECIAL_SCHEME = /^(?:https?|wss?|ftp)$/i;

/** URLs hidden inside other text: each is decoded and the result read again for URLs. */
const EMBEDDINGS: ReadonlyArray<{ written: string; marker: RegExp; decode: (text: string) => string }> = [
    {
        written: "percent-encoded, once or more (`?to=https%3A%2F%2Fhost`, `%253A%252F%252F`)",
        marker: /%(?:25)*3a(?:%(?:25)*2f|\/)|:%(?:25)*2f/i,
        decode: percentDecoded,
    },
    {
        written: "slashes escaped as in a JavaScript or JSON string outside JSON (`https:\\/\\/host`)",
        marker: /:\\\//,
        decode: (text) => text.replace(/\\\//g, "/"),
    },
];
/** Encoded within encoded: three levels cover a URL passed through two redirectors. */
const EMBEDDING_DEPTH = 3;

// A host label, and the dots between labels: ASCII, full-width and ideographic full stops, `%2E`. Labels hold no
// dot and no `%2E`, so a run of labels matches one way only (no backtracking trap).
const LABEL = String.raw`(?:[^\s/?#@:=.\u3002\uff0e\uff61\\%${LIST_SEPARATORS}]|%(?!2e)[0-9a-f]{2})`;
const DOT = String.raw`(?:[.\u3002\uff0e\uff61]|%2e)`;
const ANY_DOT = new RegExp(DOT, "i");
const USER = String.raw`(?:[^\s@]*@)?`;
const PORT = String.raw`(?::\d{0,5})?`;

/**
 * What a list item may be, judged on its head: `user@host:port`, the text before a path, query or fragment.
 * A text is read as a list only when every item of every word has one of these shapes, so one word of prose
 * keeps the whole text from being read as hosts. `inList`: only between separators with no space
 * (`localhost,.svc`), because prose puts a space after its commas.
 */
const ITEM_SHAPES: ReadonlyArray<{ written: string; shape: { test(head: string): boolean }; inList?: true }> = [
    {
        written: "a URL (`https://h`, `s3://b`, `https:\\\\h`, `https:h`)",
        shape: /^[a-z][a-z0-9+.-]*:$|^(?:https?|wss?|ftp):/i,
    },
    {
        written: "a dotted host: `u@HOST.:443/path`, `*.example.org`, `.svc`, `10.0.0.0/8`, `ｏｓｓ。aliyuncs。com`",
        shape: new RegExp(`^${USER}${LABEL}*(?:${DOT}${LABEL}+)+${DOT}*${PORT}$`, "iu"),
    },
    { written: "a host:port (`kafka-1:9092`)", shape: new RegExp(`^${USER}${LABEL}+:\\d{1,5}$`, "iu") },
    { written: "an IPv6 literal (`[2001:db8::1]:443`)", shape: /^\[[0-9a-f:.]+\](?::\d{1,5})?$/i },
    { written: "an IPv6 literal without brackets", shape: { test: net.isIPv6 } },
    { written: "a single name (`localhost`)", shape: new RegExp(`^${LABEL}+$`, "iu"), inList: true },
];
/** A setting's name before its value, in a command-line flag or a `key=value;...` connection string. */
const SETTING = /^[\w.-]+=/;
/** Where an item's head ends. */
const PATH_START = /[/?#\\]/;
/**
 * A host name is at most 253 characters (RFC 1035); with percent-encoding or full-width letters, user info and
 * a port, four times that. A longer head is no host, and the shapes are never tried on megabytes.
 */
const MAX_HEAD = 1024;

/**
 * Generic top-level domains seen in endpoints; country-code TLDs come from the catalog's country list.
 * Source: IANA Root Zone Database, https://www.iana.org/domains/root/db
 */
const PUBLIC_TLDS = new Set(
    "com net org info biz int gov edu mil arpa name pro mobi asia app dev io cloud tech site online xyz top eu uk".split(
        " ",
    ),
);

const WORD = new RegExp(`[^${BOUNDARY}]+`, "g");
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LIST_SPLIT = new RegExp(`[${LIST_SEPARATORS}]`);
const AUTHORITY_STOP = new RegExp(`[${AUTHORITY_END}${BOUNDARY}]`, "g");
const TRAILING_PUNCTUATION = /[.!?:)}]+$/;

/**
 * What every address above has and most input values lack: a dot (ASCII, full-width, ideographic, or `%2E`
 * percent-encoded), or a `://` (written, or escaped as `:\/`, or percent-encoded). A URL needs `://`, and a
 * list item is read as a host only with a dot; an embedding is decoded only when it shows `%` or `:\/`.
 * So a text without any of them (`s3:GetObject`, `true`, `arn:aws:kms:*:*:key/*`) names no host, and
 * the walk over the inputs skips it without tokenising.
 */
const MAY_NAME_HOST = /[.%\u3002\uff0e\uff61]|:\/\/|:\\\//;

/**
 * Short values recur on every resource of a stack (`t3.micro`, `nodejs20.x`, `10.0.0.0/16`, a shared endpoint):
 * their hosts are found once per catalog. Long texts (scripts, policy documents) are rarely repeated and
 * are not kept; the memo is dropped when full, so memory stays bounded whatever a stack holds.
 */
const memos = new WeakMap<Catalog, NameMemo<readonly TextHost[]>>();

/**
 * `script`: the text is a script (user data, a command to run), which names its endpoints as bare words among
 * words of prose: an untrusted vendor's host is read there too.
 */
export function findHosts(text: string, catalog: Catalog, script = false): readonly TextHost[] {
    if (!MAY_NAME_HOST.test(text)) return [];
    let memo = memos.get(catalog);
    if (!memo) memos.set(catalog, (memo = new NameMemo({ entries: 20_000, nameLength: 256 })));
    return memo.get(script ? `\u0000${text}` : text, () =>
        Object.freeze(hostsIn(text, catalog, script).map((h) => Object.freeze(h))),
    );
}

function hostsIn(text: string, catalog: Catalog, script: boolean): TextHost[] {
    const hosts = new Map<string, TextHost>();
    const add = (host: string, bare: boolean, amongProse = false) => {
        if (hosts.has(host)) return;
        const match = catalog.vendorOfHost(host);
        if (bare && !match && (amongProse || !hasPublicTld(host, catalog))) return;
        const service = match?.service?.id;
        hosts.set(host, match ? { host, vendor: match.vendor.id, ...(service ? { service } : {}) } : { host });
    };
    urlHosts(text, (host) => add(host, false), 0);
    listHosts(text, (host, amongProse) => add(host, true, amongProse), script);
    if (text.includes("\n")) settingLineHosts(text, (host) => add(host, true));
    if (CONNECTION_STRING.test(text)) connectionStringHosts(text, (host) => add(host, true));
    return [...hosts.values()];
}

/**
 * An ADO.NET or ODBC connection string, whose keys may hold spaces (`Server=tcp:h.example.org,1433;Initial
 * Catalog=db;User ID=u`): each value is read as an item, without its protocol prefix and port.
 */
const CONNECTION_STRING = /^[ \t]*[A-Za-z][\w .]*=[^;]*(?:;[ \t]*[A-Za-z][\w .]*=[^;]*)+;?[ \t]*$/;
const CONNECTION_PROTOCOL = /^(?:tcp|np|lpc|admin):/i;

function connectionStringHosts(text: string, add: (host: string) => void): void {
    for (const pair of text.split(";")) {
        const value = pair
            .slice(pair.indexOf("=") + 1)
            .trim()
            .replace(CONNECTION_PROTOCOL, "")
            .split(",")[0];
        if (value.includes("://") || !ANY_DOT.test(value) || !isItem(value, false)) continue;
        const host = parseHost(value);
        if (host?.includes(".")) add(host);
    }
}

/**
 * A line of a configuration file that sets one key to one value, in the many syntaxes YAML and INI do not cover:
 * `Host  logs.example.org` (Fluent Bit), `server h.example.org:443;` (nginx), `endpoint => "h.example.org"`
 * (Logstash), `endpoint = "h.example.org"` under a TOML table. Its value is an endpoint even when other lines of the
 * text are prose or markup; a line of prose has more than one word after its first.
 */
const SETTING_LINE =
    /^[ \t]*(?:[-*][ \t]+)?["']?[\w.\-/]+["']?(?:[ \t]*(?:=>|:=|[=:])[ \t]*|[ \t]+)(["']?)([^\s"';,]+)\1[;,]?[ \t]*$/gm;

function settingLineHosts(text: string, add: (host: string) => void): void {
    SETTING_LINE.lastIndex = 0;
    for (let line = SETTING_LINE.exec(text); line; line = SETTING_LINE.exec(text)) {
        const value = line[2];
        if (value.includes("://") || !ANY_DOT.test(value) || !isItem(value, false)) continue;
        const host = parseHost(value);
        if (host?.includes(".")) add(host);
    }
}

/** Every `scheme://` in the text, embedded ones included, and those of decoded embeddings. */
function urlHosts(text: string, add: (host: string) => void, depth: number): void {
    for (let at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 3)) {
        let start = at;
        while (start > 0 && SCHEME_CHAR.test(text[start - 1])) start--;
        if (start === at) continue;
        const scheme = text.slice(start, at);
        let from = at + 3;
        if (SPECIAL_SCHEME.test(scheme)) while (from < text.length && "/\\".includes(text[from])) from++;
        AUTHORITY_STOP.lastIndex = from;
        const end = AUTHORITY_STOP.exec(text)?.index ?? text.length;
        for (const piece of text.slice(from, end).split(LIST_SPLIT)) {
            const host = parseHost(`${scheme}://${piece.replace(TRAILING_PUNCTUATION, "")}`);
            if (host && (host.includes(".") || host.includes(":"))) add(host);
        }
    }
    if (depth >= EMBEDDING_DEPTH) return;
    for (const { marker, decode } of EMBEDDINGS) if (marker.test(text)) urlHosts(decode(text), add, depth + 1);
}

/**
 * The items without a scheme of a text that is a list of endpoints, each read as a host; nothing for prose, but in
 * a script the words that have an item's shape, flagged as found among prose.
 */
function listHosts(text: string, add: (host: string, amongProse: boolean) => void, script: boolean): void {
    const bare = new Set<string>();
    const read = new Set<string>();
    let prose = false;
    WORD.lastIndex = 0;
    for (let word = WORD.exec(text); word; word = WORD.exec(text)) {
        // A word met again changes nothing (its items were kept or its prose noted the first time): a script or a
        // log format that repeats a few words a million times is read in the time of its distinct words.
        if (read.has(word[0])) continue;
        read.add(word[0]);
        // A bullet (`-`, `*`, `•`) or an arrow between endpoints is punctuation, not a word of prose.
        if (!LETTER_OR_DIGIT.test(word[0])) continue;
        const items = word[0].split(LIST_SPLIT).filter((item) => item !== "");
        const inList = items.length > 1;
        for (const written of items) {
            const item = unbracketed(written.replace(SETTING, ""));
            if (!isItem(item, inList)) {
                if (!script) return;
                prose = true;
                continue;
            }
            // A host clean-guard judges has a dot; `localhost` and `kafka-1:9092` need no URL parser.
            if (!item.includes("://") && ANY_DOT.test(item)) bare.add(item);
        }
    }
    for (const item of bare) {
        const host = parseHost(item);
        if (host?.includes(".")) add(host, prose);
    }
}

/** Brackets around a list (`[a, b]`, `(a, b)`, `{a,b}`); `${bucket}.host` and `[::1]` keep theirs. */
const BRACKETS: ReadonlyArray<[open: string, close: string]> = [
    ["[", "]"],
    ["(", ")"],
    ["{", "}"],
];

/** An item without the bracket a list around it left on its first or last item. */
function unbracketed(item: string): string {
    for (const [open, close] of BRACKETS) {
        const opens = item.startsWith(open);
        const closes = item.endsWith(close);
        if (opens && closes && item.length > 1)
            return open === "[" && net.isIPv6(item.slice(1, -1)) ? item : item.slice(1, -1);
        if (opens && !item.includes(close)) return item.slice(1);
        if (closes && !item.includes(open)) return item.slice(0, -1);
    }
    return item;
}

function isItem(item: string, inList: boolean): boolean {
    const cut = item.search(PATH_START);
    const head = cut < 0 ? item : item.slice(0, cut);
    return head.length <= MAX_HEAD && ITEM_SHAPES.some((s) => (inList || !s.inList) && s.shape.test(head));
}

function hasPublicTld(host: string, catalog: Catalog): boolean {
    const tld = host.slice(host.lastIndexOf(".") + 1);
    return PUBLIC_TLDS.has(tld) || (tld.length === 2 && catalog.isCountry(tld));
}

/** `%XX` sequences decoded; a run that is not valid UTF-8 keeps its non-ASCII bytes encoded. */
function percentDecoded(text: string): string {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
        try {
            return decodeURIComponent(run);
        } catch {
            return run.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        }
    });
}
