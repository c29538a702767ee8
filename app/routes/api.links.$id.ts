import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/lib/db.server";
import { bodyVersion } from "~/lib/forms";
import { readBody, withApiErrors } from "~/services/api.server";
import { requireUser } from "~/services/auth.server";
import { decideLink, ValidationError } from "~/services/tracking.server";

const Body = z.object({
  action: z.enum(["confirm", "reject"], { message: "action应为confirm或reject" }),
  reason: z.string().trim().max(2000).optional(),
});

export async function loader() {
  return json({ error: "请用POST确认或否决关联。" }, { status: 405 });
}

/**
 * POST /api/links/:id — `action` confirm | reject, `reason`, and optionally `version`: the
 * commitment's, from GET /api/commitments/:id, refused with 409 when it changed since. A link decided
 * by someone else meanwhile is refused with 409 too, with its current state (decision 0038).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    const db = await getDb();
    const actor = await requireUser(request, db, ["admin", "reviewer"]);
    const body = await readBody(request);
    const parsed = Body.safeParse(body);
    if (!parsed.success) throw new ValidationError("action应为confirm或reject。", { action: ["action应为confirm或reject"] });
    const version = bodyVersion(body);
    return json(
      await decideLink(db, { linkId: params.id ?? "", action: parsed.data.action, reason: parsed.data.reason ?? null, ...(version === undefined ? {} : { version }), actor }),
    );
  });
}
