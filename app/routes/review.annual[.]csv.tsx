// GET /review/annual.csv — the annual review as a spreadsheet (same query as /review/annual).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment, toCsv } from "~/lib/csv";
import { getDb } from "~/lib/db.server";
import { formatRate, keptRate, REVIEW_BY_LABELS, REVIEW_KEY_LABELS, reviewColumns, reviewParams } from "~/lib/review";
import { viewerScope } from "~/lib/scope.server";
import { reviewSummary } from "~/services/tracking.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { year, by, asOf } = reviewParams(new URL(request.url).searchParams);
  const db = await getDb();
  const { scope } = await viewerScope(request);
  const summary = await reviewSummary(db, { year, asOf, by, scope });
  const REVIEW_COLUMNS = reviewColumns(scope.states.includes("unchecked"));
  const header = [REVIEW_KEY_LABELS[by], ...REVIEW_COLUMNS.map((c) => c.label), "兑现率"];
  const rows = summary.groups.map((g) => [g.key || "（未注明）", ...REVIEW_COLUMNS.map((c) => g[c.key]), formatRate(keptRate(g))]);
  const total = ["合计", ...REVIEW_COLUMNS.map((c) => summary.totals[c.key]), formatRate(keptRate(summary.totals))];
  const note = scope.states.includes("unchecked") ? "含未经核对的承诺（见“其中未核对”）" : "只含经审核人员核对的承诺";
  const csv = toCsv([header, ...rows, total, [], [`${year}年度回头看（${REVIEW_BY_LABELS[by]}），状态截至${asOf}，${note}`]]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`review-${year}-${by}.csv`, `回头看-${year}-${REVIEW_KEY_LABELS[by].replace(/\s|\//g, "")}.csv`),
      "Cache-Control": "no-store",
    },
  });
}
