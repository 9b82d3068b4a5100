// Coverage driven by the providers' own schemas: every input of an installed provider SDK that names a place
// or a copy is classified in src/locate/place-inputs.yaml, with no baseline of inputs left for later, and every
// "read" entry is true of the locators.

import { strict as assert } from "assert";
import { audit, auditedSdks, loadTable, placeInputs, probe, type Audit } from "./place-inputs";

describe("place inputs of the installed provider SDKs", function () {
    // Reading the SDKs' declarations the first time takes ~20 s (azure-native v2 alone ~9 s); later runs read a cache.
    this.timeout(120_000);
    let audits: Audit[];
    before(() => {
        audits = audit();
    });

    it("audits the current majors and the previous ones installed beside them", () => {
        const names = audits.map((a) => `${a.name}@${a.version.split(".")[0]}`).sort();
        for (const wanted of [
            "@pulumi/aws@6",
            "@pulumi/aws@7",
            "@pulumi/azure-native@2",
            "@pulumi/azure-native@3",
            "@pulumi/gcp@9",
            "@pulumi/kubernetes@4",
        ]) {
            assert.ok(names.includes(wanted), `${wanted} is not installed for the audit (have ${names.join(", ")})`);
        }
    });

    it("finds place inputs at any depth of the nested input types", () => {
        const has = (sdk: string, token: string, path: string) =>
            placeInputs(sdk).some((i) => i.token === token && i.path === path);
        assert.ok(
            has("pulumi-azure-native-v2", "azure-native:documentdb:DatabaseAccount", "locations[*].locationName"),
        );
        assert.ok(
            has("pulumi-aws-v6", "aws:s3/bucketV2:BucketV2", "replicationConfigurations[*].rules[*].destinations[*]"),
        );
        assert.ok(
            has("@pulumi/gcp", "gcp:sql/databaseInstance:DatabaseInstance", "settings.backupConfiguration.location"),
        );
    });

    it("classifies every one of them", () => {
        const missing = audits.flatMap((a) =>
            a.inputs.filter((i) => !i.entry).map((i) => `${a.sdk} ${i.token} ${i.path}`),
        );
        assert.deepEqual(
            missing.slice(0, 40),
            [],
            `${missing.length} place inputs nothing classifies: add them to src/locate/place-inputs.yaml (read, primary, irrelevant or unread)`,
        );
    });

    it("reads each input a 'read' entry says it reads, once: a region set there is placed in that region's country", () => {
        const failures: string[] = [];
        for (const a of audits) {
            for (const input of a.inputs) {
                if (input.entry?.verdict !== "read") continue;
                const result = probe(input, input.entry);
                if (!result.ok)
                    failures.push(`${input.token} ${input.path} (${input.entry.why}): found ${result.found}`);
            }
        }
        assert.deepEqual(failures.slice(0, 20), [], `${failures.length} 'read' entries the locators do not read`);
    });

    it("has no entry that classifies nothing", () => {
        const used = new Set(
            audits.flatMap((a) => [...a.inputs, ...a.labels]).flatMap((i) => (i.entry ? [entryKey(i.entry)] : [])),
        );
        const unused = [...loadTable("entries"), ...loadTable("labels")].filter((e) => !used.has(entryKey(e)));
        assert.deepEqual(unused.map(entryKey), []);
    });

    it("reads the classification from every tags or labels map, or says whose tags they are", () => {
        const missing = audits.flatMap((a) =>
            a.labels.filter((i) => !i.read && !i.entry).map((i) => `${a.sdk} ${i.token} ${i.path}`),
        );
        assert.deepEqual(
            missing.slice(0, 40),
            [],
            `${missing.length} tags or labels maps clean-guard does not read and nothing classifies: add them to the labels section of src/locate/place-inputs.yaml`,
        );
        const claimed = audits.flatMap((a) =>
            a.labels.filter((i) => !i.read && i.entry?.verdict === "read").map((i) => `${a.sdk} ${i.token} ${i.path}`),
        );
        assert.deepEqual(claimed.slice(0, 20), [], `${claimed.length} maps a 'read' labels entry names are not read`);
        assert.ok(
            audits.some((a) => a.labels.some((i) => i.read && i.path === "settings.userLabels")),
            "Cloud SQL's settings.userLabels is read as a classification",
        );
    });

    it("reads an azure-native v2 token of a type the table names by its v3 name", () => {
        // A v2 type whose member name is unique among v3's tokens and that the table names on its own moved
        // module in v3: its v2 token must map to the v3 one, or the v3 rule would never see it.
        const named = new Set(
            loadTable("entries").flatMap((e) =>
                e.types.filter((t) => t.startsWith("azure-native:") && !t.includes("*")),
            ),
        );
        const v3Members = new Map<string, number>();
        for (const i of new Set(placeInputs("@pulumi/azure-native").map((i) => i.token)))
            v3Members.set(member(i), (v3Members.get(member(i)) ?? 0) + 1);
        const v2 = auditedSdks().filter((s) => /azure-native-v2/.test(s));
        assert.equal(v2.length, 1);
        const unmapped = placeInputs(v2[0])
            .filter((i) => v3Members.get(member(i.token)) === 1 && !named.has(i.type))
            .filter((i) => [...named].some((t) => member(t) === member(i.token)))
            .map((i) => `${i.token} -> ${i.type}`);
        assert.deepEqual([...new Set(unmapped)], []);
    });
});

const member = (token: string) => token.slice(token.lastIndexOf(":") + 1);
const entryKey = (e: { types: string[]; inputs: string[] }) => `${e.types.join(",")} ${e.inputs.join(",")}`;
