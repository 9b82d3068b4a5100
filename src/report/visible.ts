// Reports people read (terminal, JUnit, HTML) show names and values, never obey them: a resource named with
// terminal escape sequences, carriage returns or bidirectional overrides is printed with those characters
// written as \uXXXX. JSON and SARIF keep the data exact (JSON-escaped).

import { escapeInvisible as shown } from "../engine/quoted-values";
import type { Finding } from "../model/finding";
import type { Location, Placement } from "../model/placement";
import type { ReportedEvaluation } from "./evaluation";

export function visibleEvaluation(evaluation: ReportedEvaluation): ReportedEvaluation {
    return {
        ...evaluation,
        findings: evaluation.findings.map(visibleFinding),
        placements: new Map([...evaluation.placements].map(([urn, p]) => [shown(urn), visiblePlacement(p)])),
    };
}

function visibleResource(r: Finding["resource"]): Finding["resource"] {
    return { urn: shown(r.urn), type: shown(r.type), name: shown(r.name) };
}

function visibleFinding(f: Finding): Finding {
    return {
        ...f,
        resource: visibleResource(f.resource),
        message: shown(f.message),
        found: shown(f.found),
        rule: shown(f.rule),
        ...(f.fix === undefined ? {} : { fix: shown(f.fix) }),
        ...(f.location ? { location: visibleLocation(f.location) } : {}),
    };
}

function visibleLocation(l: Location): Location {
    return { ...l, name: shown(l.name), via: shown(l.via), path: shown(l.path) };
}

function visiblePlacement(p: Placement): Placement {
    return {
        ...p,
        resource: visibleResource(p.resource),
        locations: p.locations.map(visibleLocation),
        hosts: p.hosts.map((h) => ({ ...h, host: shown(h.host), path: shown(h.path) })),
        images: p.images.map((i) => ({
            ...i,
            ref: shown(i.ref),
            path: shown(i.path),
            ...(i.registry === undefined ? {} : { registry: shown(i.registry) }),
        })),
        undetermined: p.undetermined.map((u) => ({ ...u, path: shown(u.path), detail: shown(u.detail) })),
        references: p.references.map((r) => ({ ...r, target: shown(r.target), path: shown(r.path) })),
        peers: p.peers.map((peer) => ({
            ...peer,
            path: shown(peer.path),
            ...(peer.name === undefined ? {} : { name: shown(peer.name) }),
        })),
    };
}
