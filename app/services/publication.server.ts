// Who sees what (issue 9 §4, docs/decisions/0031). Staff — reviewers and admins — see everything
// with its review mark. Everyone else (signed out, the `public` role, and the agencies' and
// deputies' own accounts, who are outside the office) sees the published view: checked items only,
// or unchecked ones too, marked, where the deployment sets PUBLISH_UNCHECKED=1. Whatever the
// setting, some things are never published: a deputy's disagreement notes (the deputy and staff
// only), evidence files (staff and the reporting agency, unless a reviewer published one), proposed
// links, and staff users' names in the history (shown as their role).
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { isStaff } from "./service-rules.server";
import type { AuditEvent, JsonValue, ReadScope, User } from "./tracking-types";

type Db = Kysely<Database>;

/** PUBLISH_UNCHECKED=1 (or true/yes): the published view includes unchecked readings, marked. */
export function publishesUnchecked(env: Record<string, string | undefined> = process.env): boolean {
  return /^(1|true|yes|on)$/i.test((env.PUBLISH_UNCHECKED ?? "").trim());
}

/** What `user` may see; null is a signed-out visitor. */
export function scopeFor(user: User | null | undefined, env: Record<string, string | undefined> = process.env): ReadScope {
  if (user && isStaff(user)) return { staff: true, states: ["unchecked", "checked"] };
  return {
    staff: false,
    states: publishesUnchecked(env) ? ["unchecked", "checked"] : ["checked"],
    person: user?.role === "deputy" ? (user.person ?? null) : null,
    agency: user?.role === "agency" ? (user.agency ?? null) : null,
  };
}

/** Everything not excluded: the command line and tests, which read as the office does. */
export const STAFF_SCOPE: ReadScope = { staff: true, states: ["unchecked", "checked"] };

const ROLE_WORDS: Record<User["role"], string> = {
  admin: "管理员",
  reviewer: "审核人员",
  agency: "承办单位",
  deputy: "代表 / 委员",
  public: "公众",
};

/** How names are shown to a reader outside the office: each user as their role, anything else as 系统. */
export type NameShown = (name: string | null | undefined) => string;

/**
 * The display function for `names` as `scope` may see them: as they are for staff; otherwise each
 * user's role (审核人员, 承办单位…) and 系统 for the command line, the seeds and the engine.
 */
export async function namesFor(db: Db, scope: ReadScope | undefined, names: Iterable<string | null | undefined>): Promise<NameShown> {
  if (!scope || scope.staff) return (name) => name ?? "";
  const wanted = [...new Set([...names].filter((n): n is string => typeof n === "string" && n !== ""))];
  const roles = new Map<string, User["role"]>();
  for (let i = 0; i < wanted.length; i += 500) {
    for (const row of await db.selectFrom("users").select(["name", "role"]).where("name", "in", wanted.slice(i, i + 500)).execute()) {
      roles.set(row.name, row.role);
    }
  }
  return (name) => {
    if (!name) return "";
    const role = roles.get(name);
    return role ? ROLE_WORDS[role] : "系统";
  };
}

/** History entries outside the office never sees: proposals, objections and their notes, proposed exclusions. */
const PRIVATE_ACTIONS = /propos|disagree|exclusion_|^excluded$|^restored$|link_rejected|evidence_/;
/** before/after fields that name a person. */
const NAME_KEYS = new Set(["by", "actor", "decidedBy", "reportedBy", "resolvedBy", "raisedBy", "excludedBy", "addedBy", "checkedBy"]);

function withoutNames(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNames);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !NAME_KEYS.has(k)).map(([k, v]) => [k, withoutNames(v)]));
}

/**
 * A commitment's history as `scope` may read it; `ownObjections`: the reader is the deputy the
 * pledge was made to, who reads the entries about their own objections.
 */
export function historyFor(events: AuditEvent[], scope: ReadScope | undefined, shown: NameShown, { ownObjections = false } = {}): AuditEvent[] {
  if (!scope || scope.staff) return events;
  return events
    .filter((e) => !PRIVATE_ACTIONS.test(e.action) || (ownObjections && /disagree/.test(e.action)))
    .map((e) => ({ ...e, actor: shown(e.actor), before: withoutNames(e.before), after: withoutNames(e.after) }));
}
