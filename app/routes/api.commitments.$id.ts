import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { dayProblem } from "~/lib/input-rules";
import { todayIso, withApiErrors } from "~/services/api.server";
import { getTrackedCommitment, ValidationError } from "~/services/tracking.server";
import { viewerScope } from "~/lib/scope.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const asOf = new URL(request.url).searchParams.get("asOf") || todayIso();
    const problem = dayProblem(asOf);
    if (problem) throw new ValidationError(`asOf有误：${problem}`, { asOf: [problem] });
    const db = await getDb();
    const { scope } = await viewerScope(request);
    const commitment = await getTrackedCommitment(db, params.id ?? "", asOf, scope);
    if (!commitment) return json({ error: "没有这个承诺。" }, { status: 404 });
    return json(commitment);
  });
}
