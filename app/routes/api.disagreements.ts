// GET /api/disagreements — deputies' and members' objections: `state` open (default, oldest first)
// | resolved | all, `person`, `limit` (≤ 500), `offset`. Reviewers and admins only.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { withApiErrors } from "~/services/api.server";
import { requireUser } from "~/services/auth.server";
import { listDisagreements } from "~/services/disagreements.server";

const STATES = ["open", "resolved", "all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const db = await getDb();
    await requireUser(request, db, ["admin", "reviewer"]);
    const params = new URL(request.url).searchParams;
    const state = params.get("state") ?? "open";
    if (!(STATES as readonly string[]).includes(state)) return json({ error: "state应为open、resolved或all。" }, { status: 400 });
    const limit = Number(params.get("limit") ?? 50);
    const offset = Number(params.get("offset") ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return json({ error: "limit应为1到500的整数。" }, { status: 400 });
    if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000_000) return json({ error: "offset应为非负整数。" }, { status: 400 });
    const result = await listDisagreements(db, {
      state: state as (typeof STATES)[number],
      person: params.get("person") || undefined,
      limit,
      offset,
    });
    return json(result);
  });
}
