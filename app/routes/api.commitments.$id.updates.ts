import { json, type ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { readBody, textField, todayIso, withApiErrors } from "~/services/api.server";
import { requireUser } from "~/services/auth.server";
import { addProgressUpdate } from "~/services/tracking.server";

export async function loader() {
  return json({ error: "请用POST提交进展。" }, { status: 405 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return json({ error: "请用POST提交进展。" }, { status: 405 });
    const db = await getDb();
    const actor = await requireUser(request, db, ["admin", "reviewer", "agency"]);
    const body = await readBody(request);
    const str = textField;
    const result = await addProgressUpdate(db, {
      commitmentId: params.id ?? "",
      value: typeof body.value === "number" ? body.value : str(body.value),
      done: typeof body.done === "boolean" ? body.done : body.done === "true" ? true : body.done === "false" ? false : undefined,
      asOf: str(body.asOf) ?? "",
      note: str(body.note),
      evidenceUrl: str(body.evidenceUrl),
      evidenceText: str(body.evidenceText),
      actor,
      today: todayIso(),
    });
    return json(result, { status: 201 });
  });
}
