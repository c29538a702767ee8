import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { dayProblem } from "~/lib/input-rules";
import { readBody, todayIso, withApiErrors } from "~/services/api.server";
import { requireUser } from "~/services/auth.server";
import { COMMITMENT_EDIT_FIELDS, editCommitment, type CommitmentEdit } from "~/services/commitment-edits.server";
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

const NUMBER_FIELDS = new Set(["targetValue", "targetValueMax", "baselineValue"]);

/**
 * POST /api/commitments/:id — a reviewer corrects extracted fields (decision 0027). The body (JSON, or
 * a form) holds `version` (from GET), `reason`, and only the fields to change: a field left out
 * stays as it is, null clears it. An edit made from an older version is refused with 409, "已被他人修改"
 * and the current values.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    const db = await getDb();
    const actor = await requireUser(request, db, ["admin", "reviewer"]);
    const body = await readBody(request);
    const changes: Record<string, unknown> = {};
    for (const field of COMMITMENT_EDIT_FIELDS) {
      if (!(field in body)) continue;
      const value = body[field];
      // a form sends text: "" clears, digits are the number
      changes[field] =
        typeof value === "string" && NUMBER_FIELDS.has(field) ? (value.trim() === "" ? null : Number(value.replace(/[,，\s]/g, ""))) : value === "" ? null : value;
    }
    const version = typeof body.version === "string" && /^\d{1,9}$/.test(body.version) ? Number(body.version) : body.version;
    // a stale version: 409 with the current values and review state (services/api.server.ts apiError)
    const result = await editCommitment(db, {
      commitmentId: params.id ?? "",
      version: version as number,
      changes: changes as CommitmentEdit,
      reason: typeof body.reason === "string" ? body.reason : "",
      actor,
    });
    return json(result);
  });
}
