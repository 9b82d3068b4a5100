// AnalyzeStack sends every resource of the stack in one message. Decoded whole (what the policy SDK's service
// definition does), a stack of 100,000 resources becomes a tree of protobuf objects of about 1.5 GiB, alive for the
// whole call, before clean-guard reads any of it. When only clean-guard reads the request, the pack keeps its bytes
// instead and decodes one resource at a time: each resource's protobuf objects are let go once it is normalised.

import { BinaryReader } from "google-protobuf";
import { AnalyzerResource } from "@pulumi/pulumi/proto/analyzer_pb";

/** AnalyzeStackRequest's one field (pulumi/proto/pulumi/analyzer.proto): `repeated AnalyzerResource resources = 1`. */
const RESOURCES = 1;

/** AnalyzeStack's request as the engine sent it, read one resource at a time. */
export class StackRequestBytes {
    constructor(private bytes: Uint8Array | undefined) {}

    /**
     * Every resource of the request, in order, each decoded by itself as the generated AnalyzeStackRequest decoder
     * decodes it (analyzer_pb.js). Read once: the bytes are let go as the reading starts.
     */
    *resources(): Generator<AnalyzerResource> {
        if (!this.bytes) throw new Error("the resources of an AnalyzeStack request are read once");
        const reader = new BinaryReader(this.bytes);
        this.bytes = undefined;
        while (reader.nextField() && !reader.isEndGroup()) {
            if (reader.getFieldNumber() !== RESOURCES) {
                reader.skipField();
                continue;
            }
            const resource = new AnalyzerResource();
            reader.readMessage(resource, AnalyzerResource.deserializeBinaryFromReader);
            yield resource;
        }
    }
}
