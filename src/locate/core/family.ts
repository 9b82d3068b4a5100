// What a family of providers registers: the clouds it places resources in and, per Pulumi package, the
// locator that reads the package's resources. Every list of clouds and packages is derived from these
// registrations (src/locate/families/index.ts); nothing else names a cloud.

import type { Catalog } from "../../catalog/types";
import type { Placement, Tagging } from "../../model/placement";
import type { NormalisedResource } from "../../model/resource";
import type { LocateContext, Locator } from "./context";

export interface PackageRegistration {
    locate: Locator;
    /** The catalog cloud whose names the package's location inputs use, when the locator does not set it itself. */
    cloud?: string;
    tagging: Tagging;
    /**
     * Runs in the stack pass once the resource has borrowed what it borrows (a resource group's location): for
     * what follows from a place only the stack knows (Azure's paired region of that location).
     */
    settle?: (placement: Placement, ctx: LocateContext) => void;
    /** The partition the resource's provider deploys to, when it can be told: where a store it names may be. */
    partition?: (resource: NormalisedResource, catalog: Catalog) => { partition: string; because: string } | undefined;
}

export interface Family {
    /** For docs and messages: `AWS`, `Azure`. */
    name: string;
    /** Catalog cloud ids (one data file each in src/catalog/data) that this family's resources are placed in. */
    clouds: readonly string[];
    /** Pulumi package name (the first segment of a type token, `aws` in `aws:s3/bucket:Bucket`) -> registration. */
    packages: Readonly<Record<string, PackageRegistration>>;
}
