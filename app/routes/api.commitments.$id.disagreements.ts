// POST /api/commitments/:id/disagreements — a deputy or member (or a reviewer on their behalf)
// objects to the reported status: { note }. 201 with the new id; the objection waits in the review
// queue until a reviewer answers it (POST /api/disagreements/:id).
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { readBody, textField, withApiErrors } from "~/services/api.server";
import { requireUser } from "~/services/auth.server";
import { registerDisagreement } from "~/services/disagreements.server";

export async function loader() {
  return json({ error: "请用POST提交不同意见。" }, { status: 405 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return json({ error: "请用POST提交不同意见。" }, { status: 405 });
    const db = await getDb();
    const actor = await requireUser(request, db, ["admin", "reviewer", "deputy"]);
    const body = await readBody(request);
    const result = await registerDisagreement(db, { commitmentId: params.id ?? "", note: textField(body.note) ?? "", actor });
    return json(result, { status: 201 });
  });
}
