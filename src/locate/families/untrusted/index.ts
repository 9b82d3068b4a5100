// The clouds of untrusted vendors whose regions the catalog lists: each package's resources are placed by
// their zone or region input, else their provider's. A package of any other untrusted vendor (found by the
// catalog's vendor identifiers) is located the same way without a registration (see src/locate/index.ts).

import type { Family } from "../../core/family";
import { locateUntrustedCloud } from "./untrusted-cloud";

// Never stamped: a classification does not make these places allowed, and the deployment is rejected anyway.
const untrusted = { locate: locateUntrustedCloud, tagging: { word: "tag" } } as const;

export const untrustedFamily: Family = {
    name: "Untrusted vendors' clouds",
    clouds: ["alicloud", "tencentcloud", "huaweicloud", "baiducloud"],
    packages: { alicloud: untrusted, tencentcloud: untrusted, huaweicloud: untrusted, baiducloud: untrusted },
};
