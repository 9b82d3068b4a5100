import type { Catalog } from "../../catalog/types";
import type { NormalisedResource } from "../../model/resource";
import type { Placement } from "../../model/placement";
import type { StackIndex } from "./stack-index";

export interface LocateContext {
    catalog: Catalog;
    /** Present in the stack pass: resolves references to other resources of the stack. */
    stack?: StackIndex;
}

/**
 * A locator adds what it knows about one provider family to a Placement that already holds the
 * package, vendor, tags and hosts. It never throws for odd input: what it cannot read becomes an
 * `undetermined` entry.
 */
export type Locator = (resource: NormalisedResource, placement: Placement, ctx: LocateContext) => void;
