import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { LabelledOptions, StatusOptions } from "~/components/options";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldError } from "~/components/field-error";
import { LinkDecisionForm } from "~/components/link-decision-form";
import { Pagination } from "~/components/pagination";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { formatDay, formatDue, formatTarget, formatValue } from "~/domain/format";
import { todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { setFlash, takeFlash } from "~/lib/flash.server";
import { fieldErrorsOf, formFields, formVersion, LinkDecisionSchema, ResolveFormSchema, type FieldErrors } from "~/lib/forms";
import { serviceCall } from "~/lib/http.server";
import { LINK_KIND_LABELS, REVISION_LABELS } from "~/lib/labels";
import { readPageForm } from "~/lib/request.server";
import { statusLabel } from "~/lib/status-style";
import { pageFromSearchParams } from "~/lib/pagination";
import { requireViewer } from "~/lib/user.server";
import { decideLink, listProposedLinks, listTrackedCommitmentsByIds, QUEUE_ORDERS, type QueueOrder } from "~/services/tracking.server";
import { listDisagreements, resolveDisagreement } from "~/services/disagreements.server";
import { confirmCommitment } from "~/services/commitment-edits.server";
import { confirmObservation, excludeReading, listUncheckedQueue } from "~/services/review-states.server";
import { ExtractionQueue } from "~/components/extraction-queue";
import { listPendingReports, reviewProgressReport } from "~/services/progress-reviews.server";
import { Flash } from "~/components/flash";
import { ActionRefusal } from "~/components/action-refusal";
import { ReasonList } from "~/components/reason-list";
import { ReviewMark } from "~/components/review-mark";
import { overrideChoices } from "~/domain/status";

export const meta: MetaFunction = () => [{ title: "审核队列 · 承诺跟踪" }];

/** Unchecked readings shown at once in the extraction tab: a long reply's worth. */
const QUEUE_BATCH = 60;

/**
 * A verdict from the keyboard queue does not reload the list: the reviewer's place stays where it
 * is, and the item shows its new state (decision 0032). Everything else reloads as usual.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "queue-confirm" || intent === "queue-exclude") return false;
  return defaultShouldRevalidate;
};

const REVIEWERS = ["reviewer", "admin"] as const;

const KINDS = ["observation", "revision", "dropped"] as const;
type Kind = (typeof KINDS)[number];
const ORDER_LABELS: Record<QueueOrder, string> = { oldest: "最早提出的在前", newest: "最新提出的在前", score: "匹配度高的在前" };
const KIND_FILTER_LABELS: Record<Kind, string> = { observation: "后续数据", revision: "后续承诺（修订）", dropped: "未再提及" };

function queueParams(params: URLSearchParams) {
  const tab =
    params.get("tab") === "objections"
      ? ("objections" as const)
      : params.get("tab") === "extractions"
        ? ("extractions" as const)
        : params.get("tab") === "reports"
          ? ("reports" as const)
          : ("links" as const);
  const order = (QUEUE_ORDERS as readonly string[]).includes(params.get("order") ?? "") ? (params.get("order") as QueueOrder) : "oldest";
  const kind = (KINDS as readonly string[]).includes(params.get("kind") ?? "") ? (params.get("kind") as Kind) : undefined;
  return { tab, order, kind };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request, REVIEWERS);
  const params = new URL(request.url).searchParams;
  const page = pageFromSearchParams(params);
  const { tab, order, kind } = queueParams(params);
  const db = await getDb();
  const today = todayInChina();
  const [queue, objections, unchecked, reports, flash] = await Promise.all([
    tab === "links"
      ? listProposedLinks(db, { limit: page.limit, offset: page.offset, order, kind })
      : listProposedLinks(db, { limit: 1, offset: 0 }).then((q) => ({ total: q.total, items: [] })),
    listDisagreements(db, { state: "open", limit: tab === "objections" ? page.limit : 1, offset: tab === "objections" ? page.offset : 0 }),
    // Unchecked readings, oldest document first, a batch at a time: decided ones leave the list on the next load.
    listUncheckedQueue(db, { documentId: params.get("document") || undefined, limit: tab === "extractions" ? QUEUE_BATCH : 0 }),
    listPendingReports(db, { limit: tab === "reports" ? page.limit : 0, offset: tab === "reports" ? page.offset : 0 }),
    takeFlash(request),
  ]);
  // The commitment each link, objection or extraction concerns, with its status today; one page (≤ 20) at a time.
  const ids = [
    ...new Set(
      tab === "links"
        ? queue.items.map((l) => l.commitmentId)
        : tab === "objections"
          ? objections.items.map((o) => o.commitmentId)
          : [],
    ),
  ];
  const commitments = await listTrackedCommitmentsByIds(db, ids, today);
  const byId = Object.fromEntries(
    commitments.flatMap((c) =>
      c
        ? [
            [
              c.id,
              {
                id: c.id,
                version: c.version,
                indicator: c.indicator,
                quote: c.quote,
                target: c.target,
                due: c.due,
                agency: c.agency,
                status: c.status,
                statusLabel: c.statusLabel,
                explanation: c.explanation,
                overridden: Boolean(c.override),
                statedOn: c.statedOn,
                reviewState: c.reviewState,
                choices: overrideChoices(c, today),
              },
            ],
          ]
        : [],
    ),
  );
  return json(
    {
      tab,
      order,
      kind: kind ?? null,
      links: queue.items,
      linkTotal: queue.total,
      objections: tab === "objections" ? objections.items : [],
      objectionTotal: objections.total,
      extractions: unchecked.items,
      extractionTotal: unchecked.total,
      extractionDocument: params.get("document") || null,
      reports: reports.items,
      reportTotal: reports.total,
      commitments: byId,
      page: page.page,
      limit: page.limit,
      flash: flash.message,
    },
    { headers: flash.headers },
  );
}

type ActionData = { intent: string; id?: string; fieldErrors: FieldErrors; formError?: string; current?: Record<string, unknown> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireViewer(request, REVIEWERS);
  const form = await readPageForm(request);
  const db = await getDb();
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  // The keyboard queue posts through fetchers and reads the answer as JSON (see shouldRevalidate).
  // Each verdict names the version of the reading the reviewer saw: one made from a stale queue is
  // refused with 409 and the reading as it is now, which the item then shows (decision 0038).
  if (form.get("intent") === "queue-confirm" || form.get("intent") === "queue-exclude") {
    const kind = form.get("kind") === "observation" ? ("observation" as const) : ("commitment" as const);
    const id = String(form.get("id") ?? "");
    const reason = String(form.get("reason") ?? "").trim() || null;
    const intent = String(form.get("intent"));
    const version = formVersion(form);
    const result = await serviceCall(intent, async (): Promise<{ version: number }> =>
      intent === "queue-exclude"
        ? excludeReading(db, { kind, id, version, reason, actor: user })
        : kind === "observation"
          ? confirmObservation(db, { id, version, actor: user })
          : confirmCommitment(db, { commitmentId: id, version, actor: user }),
    );
    if (result instanceof Response) return result;
    return json({ intent, id, state: intent === "queue-exclude" ? "excluded" : "checked", version: result.version });
  }
  if (form.get("intent") === "report-verify" || form.get("intent") === "report-reject") {
    const intent = String(form.get("intent"));
    const updateId = String(form.get("updateId") ?? "");
    const result = await serviceCall(intent, () =>
      reviewProgressReport(db, { updateId, action: intent === "report-verify" ? "confirm" : "reject", reason: String(form.get("reason") ?? ""), actor: user }),
    );
    if (result instanceof Response) return result;
    return redirect(back, { headers: { "Set-Cookie": await setFlash(intent === "report-verify" ? "已核实这条单位自报。" : "已退回这条单位自报。") } });
  }
  if (form.get("intent") === "resolve") {
    const fields = formFields(form, ["disagreementId", "resolution", "status", "response"]);
    const parsed = ResolveFormSchema.safeParse(fields);
    if (!parsed.success) {
      return json<ActionData>({ intent: "resolve", id: fields.disagreementId ?? "", fieldErrors: fieldErrorsOf(parsed.error) as FieldErrors }, { status: 400 });
    }
    const result = await serviceCall("resolve", () => resolveDisagreement(db, { ...parsed.data, version: formVersion(form), actor: user }));
    if (result instanceof Response) return result;
    return redirect(back, {
      headers: { "Set-Cookie": await setFlash(parsed.data.resolution === "upheld" ? "已答复，维持原状态。" : "已答复，并按意见调整了状态。") },
    });
  }
  const parsed = LinkDecisionSchema.safeParse(formFields(form, ["linkId", "decision", "reason"]));
  if (!parsed.success) {
    return json<ActionData>({ intent: "link", id: String(form.get("linkId") ?? ""), fieldErrors: fieldErrorsOf(parsed.error) as FieldErrors }, { status: 400 });
  }
  const result = await serviceCall("link", () =>
    decideLink(db, { linkId: parsed.data.linkId, action: parsed.data.decision, reason: parsed.data.reason ?? null, version: formVersion(form), actor: user }),
  );
  if (result instanceof Response) return result;
  return redirect(back, {
    headers: { "Set-Cookie": await setFlash(parsed.data.decision === "confirm" ? "已确认关联。" : "已否决关联。") },
  });
}

export default function ReviewQueue() {
  const { tab, order, kind, links, linkTotal, objections, objectionTotal, extractions, extractionTotal, extractionDocument, reports, reportTotal, commitments, page, limit, flash } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const errorsFor = (intent: string, id: string) => (actionData?.intent === intent && actionData.id === id ? actionData.fieldErrors : undefined);
  // A refusal the forms do not show beside their fields: a stale decision (409) or a report's.
  const refusal = actionData?.formError && !(actionData.id && (actionData.intent === "link" || actionData.intent === "resolve")) ? actionData : undefined;
  return (
    <>
      <Flash message={flash} />
      <ActionRefusal refusal={refusal} refreshed="列表" />
      <div className="page-head">
        <div>
          <p className="eyebrow">审核</p>
          <h1>审核队列</h1>
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
      <nav className="tabs no-print" aria-label="审核事项">
        <Link to="?tab=links" className={tab === "links" ? "is-active" : undefined} data-testid="tab-links">
          待确认的关联 <span className="count">{linkTotal}</span>
        </Link>
        <Link to="?tab=objections" className={tab === "objections" ? "is-active" : undefined} data-testid="tab-objections">
          代表 / 委员的不同意见 <span className="count">{objectionTotal}</span>
        </Link>
        <Link to="?tab=extractions" className={tab === "extractions" ? "is-active" : undefined} data-testid="tab-extractions">
          待核对的提取结果 <span className="count">{extractionTotal}</span>
        </Link>
        <Link to="?tab=reports" className={tab === "reports" ? "is-active" : undefined} data-testid="tab-reports">
          单位自报待核实 <span className="count">{reportTotal}</span>
        </Link>
      </nav>

      {tab === "extractions" ? (
        <ExtractionQueue items={extractions} total={extractionTotal} documentId={extractionDocument} />
      ) : null}

      {tab === "reports" ? (
        <>
          <p className="muted">承办单位自己报告的进展，最早的在前。核实后才计入承诺的状态；退回需写明理由，单位可以更正后重新报告。</p>
          {reports.length === 0 ? (
            <section className="card empty" data-testid="reports-empty">
              <p>没有待核实的单位自报。</p>
            </section>
          ) : (
            <div data-testid="report-queue">
              {reports.map((r) => (
                <section className="card queue-item" key={r.id} data-testid="report-item">
                  <div className="pledge__head">
                    <Link to={`/commitments/${r.commitment_id}`} className="pledge__title">
                      {r.indicator}
                    </Link>
                    <span className="sub">{r.agency ?? ""}</span>
                  </div>
                  <p className="queue-item__value">
                    {r.value !== null ? formatValue(r.value, r.target_unit) : r.done === 1 ? "已完成" : r.done === 0 ? "尚未完成" : "—"}
                    <span className="sub">（截至 {formatDay(r.as_of)}）</span>
                  </p>
                  <p className="sub">
                    {r.note ? `${r.note} · ` : ""}
                    {r.reported_by}于{formatDay(r.reported_at.slice(0, 10))}报告{r.replaces_id ? "（更正）" : ""}
                    {r.evidence_url ? (
                      <>
                        {" · "}
                        <a href={r.evidence_url} target="_blank" rel="noreferrer noopener">
                          证据链接
                        </a>
                      </>
                    ) : null}
                    {r.evidence_file_name ? ` · 附件：${r.evidence_file_name}` : ""}
                  </p>
                  <Form method="post" className="link-actions">
                    <input type="hidden" name="updateId" value={r.id} />
                    <input type="text" name="reason" placeholder="退回理由" aria-label="退回理由" maxLength={1000} />
                    <button type="submit" name="intent" value="report-verify" className="button button--small button--confirm">
                      核实
                    </button>
                    <button type="submit" name="intent" value="report-reject" className="button button--small button--reject">
                      退回
                    </button>
                  </Form>
                </section>
              ))}
            </div>
          )}
          <Pagination page={page} limit={limit} total={reportTotal} />
        </>
      ) : null}

      {tab === "extractions" || tab === "reports" ? null : tab === "links" ? (
        <>
          <p className="muted">
            系统把后续文件中的数据和承诺与已有承诺自动匹配，并找出后续文件不再提及的承诺。请核对两边是否为同一指标、同一地区，确认后数据才会计入承诺的进展。
          </p>
          <Form method="get" className="search no-print" data-testid="queue-filter">
            <input type="hidden" name="tab" value="links" />
            <select name="kind" defaultValue={kind ?? ""} aria-label="类型">
              <option value="">全部类型</option>
              <LabelledOptions labels={KIND_FILTER_LABELS} />
            </select>
            <select name="order" defaultValue={order} aria-label="排序">
              <LabelledOptions labels={ORDER_LABELS} />
            </select>
            <button type="submit" className="button button--ghost">
              筛选
            </button>
          </Form>
          {links.length === 0 ? (
            <section className="card empty" data-testid="queue-empty">
              <p>{kind ? "这一类没有待确认的关联。" : "没有待确认的关联。"}</p>
            </section>
          ) : (
            <div data-testid="review-queue">
              {links.map((link) => (
                <section className="card queue-item" key={link.id} data-testid="queue-item" data-kind={link.kind}>
                  <div className="queue-item__grid">
                    <div>
                      <p className="eyebrow">原承诺</p>
                      <CommitmentSummary c={commitments[link.commitmentId]} id={link.commitmentId} />
                    </div>
                    <div>
                      <p className="eyebrow">
                        {link.kind === "revision" ? "后续承诺（可能是修订）" : LINK_KIND_LABELS[link.kind]} ·{" "}
                        <span className="score">{link.kind === "dropped" ? "后续文件回应比例" : "匹配度"} {Math.round(link.score * 100)}%</span>
                      </p>
                      {link.kind === "dropped" ? (
                        <p className="queue-item__value">{link.revisionDescription}</p>
                      ) : (
                        <p className="queue-item__value">
                          {link.value !== null ? formatValue(link.value, link.unit) : null}
                          {link.asOf ? <span className="sub">（截至 {formatDay(link.asOf)}）</span> : null}
                          {link.revisionKind ? <span>{REVISION_LABELS[link.revisionKind]}</span> : null}
                        </p>
                      )}
                      <p className="sub">
                        {link.sourceQuote ? `“${link.sourceQuote}” — ` : ""}
                        <Link to={`/documents/${link.sourceDocumentId}`}>{link.sourceDocumentTitle ?? "来源文件"}</Link>
                        <span> · 提出于 {formatDay(link.createdAt.slice(0, 10))}</span>
                      </p>
                      <ReasonList reasons={link.reasons} />
                    </div>
                  </div>
                  <LinkDecisionForm linkId={link.id} version={commitments[link.commitmentId]?.version} errors={errorsFor("link", link.id)} />
                </section>
              ))}
            </div>
          )}
          <Pagination page={page} limit={limit} total={linkTotal} />
        </>
      ) : (
        <>
          <p className="muted">
            代表 / 委员认为报告的状态不对时提出的意见，最早提出的在前。请核实后答复：维持原状态，或调整状态（调整会作为人工认定显示，并附上您的答复）。
          </p>
          {objections.length === 0 ? (
            <section className="card empty" data-testid="objections-empty">
              <p>没有待答复的不同意见。</p>
            </section>
          ) : (
            <div data-testid="objection-queue">
              {objections.map((o) => {
                const errors = errorsFor("resolve", o.id);
                return (
                  <section className="card queue-item" key={o.id} data-testid="objection-item">
                    <div className="queue-item__grid">
                      <div>
                        <p className="eyebrow">承诺</p>
                        <CommitmentSummary c={commitments[o.commitmentId]} id={o.commitmentId} />
                      </div>
                      <div>
                        <p className="eyebrow">
                          {o.person ?? o.raisedBy}的意见 · {formatDay(o.raisedAt.slice(0, 10))}
                        </p>
                        <p className="queue-item__value">{o.note}</p>
                        <p className="sub">
                          {o.disputedStatus ? `提出时的状态：${statusLabel(o.disputedStatus)}` : ""}
                          {o.raisedBy !== o.person ? ` · 由${o.raisedBy}登记` : ""}
                        </p>
                      </div>
                    </div>
                    <Form method="post" className="form resolve-form" data-testid="resolve-form">
                      <input type="hidden" name="intent" value="resolve" />
                      <input type="hidden" name="disagreementId" value={o.id} />
                      {commitments[o.commitmentId] ? <input type="hidden" name="version" value={commitments[o.commitmentId]!.version} /> : null}
                      <fieldset className="field">
                        <legend>处理</legend>
                        <label>
                          <input type="radio" name="resolution" value="upheld" defaultChecked /> 维持原状态
                        </label>
                        <label>
                          <input type="radio" name="resolution" value="overridden" /> 调整为
                          <select name="status" defaultValue={commitments[o.commitmentId]?.status ?? ""} aria-label="调整后的状态">
                            <StatusOptions only={commitments[o.commitmentId]?.choices} />
                          </select>
                        </label>
                        <FieldError id={`resolution-${o.id}`} errors={errors?.resolution ?? errors?.status} />
                      </fieldset>
                      <label className="field">
                        <span>给{o.person ?? "代表 / 委员"}的答复（必填）</span>
                        <textarea name="response" rows={2} maxLength={2000} aria-invalid={Boolean(errors?.response) || undefined} />
                        <FieldError id={`response-${o.id}`} errors={errors?.response} />
                      </label>
                      <div className="form-actions">
                        <button type="submit" className="button button--navy">
                          提交答复
                        </button>
                      </div>
                    </Form>
                  </section>
                );
              })}
            </div>
          )}
          <Pagination page={page} limit={limit} total={objectionTotal} />
        </>
      )}
    </>
  );
}

type Summary = ReturnType<typeof useLoaderData<typeof loader>>["commitments"][string];

/** The commitment a link or an objection concerns: status today, quote, target, due, agency. */
function CommitmentSummary({ c, id }: { c: Summary | undefined; id: string }) {
  if (!c) return <Link to={`/commitments/${id}`}>查看承诺</Link>;
  return (
    <>
      <div className="pledge__head">
        <StatusBadge status={c.status} label={c.statusLabel} size="sm" overridden={c.overridden} />
        <Link to={`/commitments/${c.id}`} className="pledge__title">
          {c.indicator}
        </Link>
        <ReviewMark state={c.reviewState} />
      </div>
      <p className="sub">“{c.quote}”</p>
      <p className="sub">
        {c.target ? `目标 ${formatTarget(c.target)} · ` : ""}
        {c.due ? formatDue(c.due) : "未设期限"}
        {c.agency ? ` · ${c.agency}` : ""}
        {c.statedOn ? ` · ${formatDay(c.statedOn)}` : ""}
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
