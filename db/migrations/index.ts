// The static registry of migrations. A bundler cannot follow a folder scan, and an explicit list
// makes the order reviewable. tests/db/migrations.test.ts checks that it matches the folder.
// To add one: create db/migrations/<YYYYMMDDHHMMSS>-<what-it-does>.ts and list it here, in order.
import type { Migration } from "kysely";
import * as m20261123140000 from "./20261123140000-documents-commitments-observations-events";
import * as m20261124090000 from "./20261124090000-tracking-people-links-updates-users";
import * as m20261125090000 from "./20261125090000-status-cache-due-order-index";
import * as m20261126090000 from "./20261126090000-disagreements-dropped-links";
import * as m20261127090000 from "./20261127090000-commitment-region-key";
import * as m20261128090000 from "./20261128090000-observation-match-keys";
import * as m20261129090000 from "./20261129090000-commitment-text-search";
import * as m20261130090000 from "./20261130090000-commitment-review-index";
import * as m20261201090000 from "./20261201090000-document-search-index";
import * as m20261202130000 from "./20261202130000-sessions-token-expiry-login-throttle";
import * as m20261202130001 from "./20261202130001-commitment-versions";
import * as m20261202140000 from "./20261202140000-review-states";
import * as m20261202140100 from "./20261202140100-evidence-publication";
import * as m20261202140200 from "./20261202140200-progress-report-review";
import * as m20261203120000 from "./20261203120000-observation-versions";

export const migrations: Record<string, Migration> = {
  "20261123140000-documents-commitments-observations-events": m20261123140000,
  "20261124090000-tracking-people-links-updates-users": m20261124090000,
  "20261125090000-status-cache-due-order-index": m20261125090000,
  "20261126090000-disagreements-dropped-links": m20261126090000,
  "20261127090000-commitment-region-key": m20261127090000,
  "20261128090000-observation-match-keys": m20261128090000,
  "20261129090000-commitment-text-search": m20261129090000,
  "20261130090000-commitment-review-index": m20261130090000,
  "20261201090000-document-search-index": m20261201090000,
  "20261202130000-sessions-token-expiry-login-throttle": m20261202130000,
  "20261202130001-commitment-versions": m20261202130001,
  "20261202140000-review-states": m20261202140000,
  "20261202140100-evidence-publication": m20261202140100,
  "20261202140200-progress-report-review": m20261202140200,
  "20261203120000-observation-versions": m20261203120000,
};
