// POST /api/disagreements/:id — a reviewer answers an objection: { resolution: "upheld" |
// "overridden", response, status (for overridden), version (optional: the commitment's, from GET;
// 409 when it changed since) }. 200 with { id, state }; 409 when someone answered it meanwhile.
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { bodyVersion } from "~/lib/forms";
import { readBody, textField, withApiErrors } from "~/services/api.server";
import { requireUser } from "~/services/auth.server";
import { resolveDisagreement } from "~/services/disagreements.server";

export async function loader() {
  return json({ error: "请用POST答复不同意见。" }, { status: 405 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return json({ error: "请用POST答复不同意见。" }, { status: 405 });
    const db = await getDb();
    const actor = await requireUser(request, db, ["admin", "reviewer"]);
    const body = await readBody(request);
    const resolution = textField(body.resolution);
    if (resolution !== "upheld" && resolution !== "overridden") {
      return json({ error: "resolution应为upheld或overridden。", fieldErrors: { resolution: ["应为upheld或overridden"] } }, { status: 400 });
    }
    const version = bodyVersion(body);
    await resolveDisagreement(db, {
      ...(version === undefined ? {} : { version }),
      disagreementId: params.id ?? "",
      resolution,
      response: textField(body.response) ?? "",
      status: textField(body.status) ?? null,
      actor,
    });
    return json({ id: params.id, state: resolution });
  });
}
