import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError } from "~/components/field-error";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { formatDay, formatDue, formatTarget, formatValue } from "~/domain/format";
import { asOfFromParams, todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { setFlash, takeFlash } from "~/lib/flash.server";
import { DisagreeFormSchema, fieldErrorsOf, formFields, type FieldErrors } from "~/lib/forms";
import { forbidden, notFound, serviceCall } from "~/lib/http.server";
import { readPageForm } from "~/lib/request.server";
import { isReviewer } from "~/lib/roles";
import { requireViewer } from "~/lib/user.server";
import { viewerScope } from "~/lib/scope.server";
import { listDisagreements, registerDisagreement } from "~/services/disagreements.server";
import { listTrackedCommitments, type TrackedCommitmentRow } from "~/services/tracking.server";
import { Objections } from "~/components/objections";
import { Flash } from "~/components/flash";
import { ReviewMark } from "~/components/review-mark";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? "代表"}的建议与承诺 · 承诺跟踪` }];

const PAGE_SIZE = 30;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const name = (params.name ?? "").trim();
  const url = new URL(request.url);
  const asOf = asOfFromParams(url.searchParams);
  const pageNo = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const db = await getDb();
  const { viewer, scope } = await viewerScope(request);
  // A deputy's objections are for the deputy concerned and the office only (decision 0031).
  const ownNotes = scope.staff || (viewer?.role === "deputy" && viewer.person === name);
  const [all, overdue, missed, flash, objections] = await Promise.all([
    listTrackedCommitments(db, { person: name, asOf, scope, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
    listTrackedCommitments(db, { person: name, asOf, scope, status: "overdue_no_evidence", limit: 20, offset: 0 }),
    listTrackedCommitments(db, { person: name, asOf, scope, status: "missed", limit: 20, offset: 0 }),
    takeFlash(request),
    ownNotes ? listDisagreements(db, { person: name, state: "all", limit: 500 }) : Promise.resolve({ items: [], total: 0 }),
  ]);
  if (all.total === 0) throw notFound(`没有找到“${name}”的建议或提案。`);
  // Group the page's pledges by the reply they came from: one reply answers one suggestion.
  const byDocument = new Map<string, { documentId: string; title: string; ref: string | null; statedOn: string | null; items: TrackedCommitmentRow[] }>();
  for (const c of all.items) {
    const entry = byDocument.get(c.documentId) ?? {
      documentId: c.documentId,
      title: c.documentTitle ?? "答复",
      ref: c.documentRef,
      statedOn: c.statedOn,
      items: [],
    };
    entry.items.push(c);
    byDocument.set(c.documentId, entry);
  }
  const role = all.items.find((c) => c.personRole)?.personRole ?? null;
  const canDisagree = Boolean(viewer && (isReviewer(viewer) || (viewer.role === "deputy" && viewer.person === name)));
  return json(
    {
      name,
      role,
      asOf,
      today: todayInChina(),
      total: all.total,
      page: pageNo,
      suggestions: [...byDocument.values()],
      attention: [...overdue.items, ...missed.items],
      canDisagree,
      // the reviewer who answered, by role outside the office
      objections: scope.staff ? objections.items : objections.items.map((o) => ({ ...o, resolvedBy: o.resolvedBy ? "审核人员" : null, raisedBy: o.person ?? "" })),
      flash: flash.message,
    },
    { headers: flash.headers },
  );
}

export async function action({ params, request }: ActionFunctionArgs) {
  const name = (params.name ?? "").trim();
  const user = await requireViewer(request);
  if (!(isReviewer(user) || (user.role === "deputy" && user.person === name))) {
    throw forbidden("只有代表 / 委员本人可以对其建议的办理情况提出不同意见。");
  }
  const fields = formFields(await readPageForm(request), ["commitmentId", "note"]);
  const parsed = DisagreeFormSchema.safeParse(fields);
  if (!parsed.success) {
    // The page has one form per pledge; the id says which one shows the message.
    return json({ fieldErrors: fieldErrorsOf(parsed.error) as FieldErrors, commitmentId: fields.commitmentId ?? "" }, { status: 400 });
  }
  const db = await getDb();
  const { commitmentId, note } = parsed.data;
  const result = await serviceCall("disagree", () => registerDisagreement(db, { commitmentId, note, actor: user, person: name }));
  if (result instanceof Response) return result;
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}`, {
    headers: { "Set-Cookie": await setFlash("已记录您的不同意见，审核人员会在回头看时核实。") },
  });
}

export default function DeputyPage() {
  const { name, role, asOf, today, total, page, suggestions, attention, canDisagree, objections, flash } = useLoaderData<typeof loader>();
  const objectionsOf = (id: string) => objections.filter((o) => o.commitmentId === id);
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Flash message={flash} />
      <div className="page-head">
        <div>
          <p className="eyebrow">代表 / 委员</p>
          <h1>
            {name}
            {role ?? ""}的建议与承诺
          </h1>
        </div>
        <Form method="get" className="search no-print">
          <input type="date" name="asOf" defaultValue={asOf} aria-label="状态截至" />
          <button type="submit" className="button button--ghost">
            查看
          </button>
        </Form>
      </div>
      <p className="muted">
        共 {total} 项承诺，状态截至 {formatDay(asOf)}
        {asOf === today ? "（今天）" : ""}。“暂无数据”表示尚未收到进展报告，不代表没有进展。
      </p>

      {attention.length ? (
        <section className="card" data-testid="overdue">
          <h2>
            需要关注：已到期未兑现或无证据 <span className="count">{attention.length}</span>
          </h2>
          <ul className="side-list">
            {attention.map((c) => (
              <li key={c.id}>
                <StatusBadge status={c.status} label={c.statusLabel} size="sm" /> <Link to={`/commitments/${c.id}`}>{c.indicator}</Link>
                <ReviewMark state={c.reviewState} />
                <div className="sub">{c.explanation}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {suggestions.map((s) => (
        <section className="card" key={s.documentId}>
          <h2>
            <Link to={`/documents/${s.documentId}`}>{s.title}</Link>
          </h2>
          <p className="sub" style={{ marginTop: "-0.5rem" }}>
            {s.ref ? `${s.ref} · ` : ""}
            {s.statedOn ? `答复于 ${formatDay(s.statedOn)}` : ""}
          </p>
          <div className="deputy-pledges">
            {s.items.map((c) => (
              <article key={c.id} className="pledge" data-testid="pledge">
                <div className="pledge__head">
                  <StatusBadge status={c.status} label={c.statusLabel} overridden={Boolean(c.override)} />
                  <Link to={`/commitments/${c.id}`} className="pledge__title">
                    {c.indicator}
                  </Link>
                  <ReviewMark state={c.reviewState} />
                </div>
                <p className="pledge__text">{c.explanation}</p>
                <p className="sub">
                  {c.target ? `目标 ${formatTarget(c.target)} · ` : ""}
                  {c.due ? formatDue(c.due) : "未设期限"}
                  {c.latest ? ` · 最新 ${formatValue(c.latest.value, c.target?.unit ?? null)}（${formatDay(c.latest.asOf)}）` : ""}
                  {c.agency ? ` · ${c.agency}` : ""}
                </p>
                <Objections items={objectionsOf(c.id)} />
                {canDisagree ? (
                  <details className="disclosure no-print" open={actionData?.commitmentId === c.id || undefined}>
                    <summary>我有不同意见</summary>
                    <Form method="post" className="form">
                      <input type="hidden" name="commitmentId" value={c.id} />
                      <label className="field">
                        <span>您认为报告的状态哪里不对？</span>
                        <textarea name="note" rows={3} placeholder="例如：实际只建成了 2 个，且未投入使用。" />
                        <FieldError id={`note-${c.id}`} errors={actionData?.commitmentId === c.id ? actionData.fieldErrors.note : undefined} />
                      </label>
                      <div className="form-actions">
                        <button type="submit" className="button button--navy">
                          提交意见
                        </button>
                      </div>
                    </Form>
                  </details>
                ) : null}
              </article>
            ))}
          </div>
        </section>
      ))}
      <Pagination page={page} limit={PAGE_SIZE} total={total} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
