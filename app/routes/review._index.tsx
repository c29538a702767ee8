import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinkDecisionForm } from "~/components/link-decision-form";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { formatDay, formatDue, formatTarget, formatValue } from "~/domain/format";
import { todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { setFlash, takeFlash } from "~/lib/flash.server";
import { fieldErrorsOf, formFields, LinkDecisionSchema, type FieldErrors } from "~/lib/forms";
import { serviceCall } from "~/lib/http.server";
import { REVISION_LABELS } from "~/lib/labels";
import { pageFromSearchParams } from "~/lib/pagination";
import { requireViewer } from "~/lib/user.server";
import { decideLink, listProposedLinks, listTrackedCommitmentsByIds } from "~/services/tracking.server";
import { Flash } from "~/components/flash";
import { ReasonList } from "~/components/reason-list";

export const meta: MetaFunction = () => [{ title: "审核队列 · 承诺跟踪" }];

const REVIEWERS = ["reviewer", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request, REVIEWERS);
  const page = pageFromSearchParams(new URL(request.url).searchParams);
  const db = await getDb();
  const today = todayInChina();
  const [queue, flash] = await Promise.all([listProposedLinks(db, { limit: page.limit, offset: page.offset }), takeFlash(request)]);
  // The earlier commitment each link would attach to, for the side-by-side view; one page (≤ 20)
  // at a time. See docs/requests-from-ui.md for a batched read.
  const ids = [...new Set(queue.items.map((l) => l.commitmentId))];
  const commitments = await listTrackedCommitmentsByIds(db, ids, today);
  const byId = Object.fromEntries(
    commitments.flatMap((c) =>
      c
        ? [
            [
              c.id,
              {
                id: c.id,
                indicator: c.indicator,
                quote: c.quote,
                target: c.target,
                due: c.due,
                agency: c.agency,
                status: c.status,
                statusLabel: c.statusLabel,
                statedOn: c.statedOn,
              },
            ],
          ]
        : [],
    ),
  );
  return json(
    { ...queue, commitments: byId, page: page.page, limit: page.limit, flash: flash.message },
    { headers: flash.headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireViewer(request, REVIEWERS);
  const parsed = LinkDecisionSchema.safeParse(formFields(await request.formData(), ["linkId", "decision", "reason"]));
  if (!parsed.success) {
    return json({ intent: "link", linkId: "", fieldErrors: fieldErrorsOf(parsed.error) as FieldErrors }, { status: 400 });
  }
  const db = await getDb();
  const result = await serviceCall("link", () =>
    decideLink(db, { linkId: parsed.data.linkId, action: parsed.data.decision, reason: parsed.data.reason ?? null, actor: user }),
  );
  if (result instanceof Response) return result;
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}`, {
    headers: { "Set-Cookie": await setFlash(parsed.data.decision === "confirm" ? "已确认关联。" : "已否决关联。") },
  });
}

export default function ReviewQueue() {
  const { items, total, commitments, page, limit, flash } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { linkId: string; fieldErrors: FieldErrors } | undefined;
  return (
    <>
      <Flash message={flash} />
      <div className="page-head">
        <div>
          <p className="eyebrow">审核</p>
          <h1>待确认的关联</h1>
        </div>
        <div className="actions">
          <Link to="/review/annual" className="button button--ghost">
            年度回头看
          </Link>
          <Link to="/import" className="button button--ghost">
            导入进展表格
          </Link>
        </div>
      </div>
      <p className="muted">
        系统把后续文件中的数据和承诺与已有承诺自动匹配。请核对两边是否为同一指标、同一地区，确认后数据才会计入承诺的进展。共 {total} 条待确认。
      </p>
      {items.length === 0 ? (
        <section className="card empty" data-testid="queue-empty">
          <p>没有待确认的关联。</p>
        </section>
      ) : (
        <div data-testid="review-queue">
          {items.map((link) => {
            const c = commitments[link.commitmentId];
            return (
              <section className="card queue-item" key={link.id} data-testid="queue-item">
                <div className="queue-item__grid">
                  <div>
                    <p className="eyebrow">原承诺</p>
                    {c ? (
                      <>
                        <div className="pledge__head">
                          <StatusBadge status={c.status} label={c.statusLabel} size="sm" />
                          <Link to={`/commitments/${c.id}`} className="pledge__title">
                            {c.indicator}
                          </Link>
                        </div>
                        <p className="sub">“{c.quote}”</p>
                        <p className="sub">
                          {c.target ? `目标 ${formatTarget(c.target)} · ` : ""}
                          {c.due ? formatDue(c.due) : "未设期限"}
                          {c.agency ? ` · ${c.agency}` : ""}
                          {c.statedOn ? ` · ${formatDay(c.statedOn)}` : ""}
                        </p>
                      </>
                    ) : (
                      <Link to={`/commitments/${link.commitmentId}`}>查看承诺</Link>
                    )}
                  </div>
                  <div>
                    <p className="eyebrow">
                      {link.kind === "revision" ? "后续承诺（可能是修订）" : "后续数据"} ·{" "}
                      <span className="score">匹配度 {Math.round(link.score * 100)}%</span>
                    </p>
                    <p className="queue-item__value">
                      {link.value !== null ? formatValue(link.value, link.unit) : null}
                      {link.asOf ? <span className="sub">（截至 {formatDay(link.asOf)}）</span> : null}
                      {link.revisionKind ? <span>{REVISION_LABELS[link.revisionKind]}</span> : null}
                    </p>
                    <p className="sub">
                      “{link.sourceQuote}” — <Link to={`/documents/${link.sourceDocumentId}`}>{link.sourceDocumentTitle ?? "来源文件"}</Link>
                    </p>
                    <ReasonList reasons={link.reasons} />
                  </div>
                </div>
                <LinkDecisionForm linkId={link.id} errors={actionData?.linkId === link.id ? actionData.fieldErrors : undefined} />
              </section>
            );
          })}
        </div>
      )}
      <Pagination page={page} limit={limit} total={total} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
