import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/lib/db.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    const db = await getDb();
    const actor = await requireUser(request, db, ["admin", "reviewer"]);
    const parsed = Body.safeParse(await readBody(request));
    if (!parsed.success) throw new ValidationError("action应为confirm或reject。", { action: ["action应为confirm或reject"] });
    return json(await decideLink(db, { linkId: params.id ?? "", action: parsed.data.action, reason: parsed.data.reason ?? null, actor }));
  });
}
