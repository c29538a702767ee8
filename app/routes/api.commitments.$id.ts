import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { todayIso, withApiErrors } from "~/services/api.server";
import { getTrackedCommitment, ValidationError } from "~/services/tracking.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const asOf = new URL(request.url).searchParams.get("asOf") || todayIso();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new ValidationError("asOf应为YYYY-MM-DD", { asOf: ["asOf应为YYYY-MM-DD"] });
    const db = await getDb();
    const commitment = await getTrackedCommitment(db, params.id ?? "", asOf);
    if (!commitment) return json({ error: "没有这个承诺。" }, { status: 404 });
    return json(commitment);
  });
}
