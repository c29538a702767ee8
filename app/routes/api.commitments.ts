import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { STATUSES } from "~/domain/types";
import { getDb } from "~/lib/db.server";
import { dayProblem, isRealDay } from "~/lib/input-rules";
import { todayIso, withApiErrors } from "~/services/api.server";
import { listTrackedCommitments, ValidationError } from "~/services/tracking.server";
import { REVIEW_STATES } from "~/services/tracking-types";
import { viewerScope } from "~/lib/scope.server";

const Query = z.object({
  agency: z.string().trim().min(1).optional(),
  region: z.string().trim().min(1).optional(),
  person: z.string().trim().min(1).optional(),
  status: z.enum(STATUSES).optional(),
  kind: z.enum(["quantitative", "milestone", "qualitative"]).optional(),
  dueYear: z.coerce.number().int().min(1900).max(2200).optional(),
  q: z.string().trim().max(200).optional(),
  reviewState: z.enum(REVIEW_STATES, { message: "reviewState应为unchecked、checked或excluded" }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  asOf: z
    .string()
    .refine((s) => isRealDay(s), { error: (issue) => `asOf有误：${dayProblem(String(issue.input)) ?? ""}` })
    .optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(async () => {
    const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
    const parsed = Query.safeParse(params);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const i of parsed.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
      throw new ValidationError(`查询参数有误：${Object.keys(fieldErrors).join("、")}`, fieldErrors);
    }
    const db = await getDb();
    // Signed out or without a staff token: checked commitments only (decision 0031).
    const { scope } = await viewerScope(request);
    return json(await listTrackedCommitments(db, { ...parsed.data, scope, asOf: parsed.data.asOf ?? todayIso() }));
  });
}
