import {
  json,
  MaxPartSizeExceededError,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LabelledOptions, StatusOptions } from "~/components/options";
import { KIND_LABELS } from "~/lib/format";
import { confirmCommitment, editCommitment, type CommitmentEdit, type CommitmentFields } from "~/services/commitment-edits.server";
import { excludeReading, restoreReading } from "~/services/review-states.server";
import { AuditHistory } from "~/components/audit-history";
import { ClientOnly } from "~/components/client-only";
import { FieldError } from "~/components/field-error";
import { KindBadge } from "~/components/kind-badge";
import ProgressChart from "~/components/progress-chart.client";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { StatusBlock } from "~/components/status-badge";
import { LinkDecisionForm } from "~/components/link-decision-form";
import { formatDay, formatDue, formatTarget, formatValue } from "~/domain/format";
import { isCountUnit } from "~/domain/units";
import { overrideChoices } from "~/domain/status";
import { buildProgressChart } from "~/lib/chart-series";
import { asOfFromParams, todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { setFlash, takeFlash } from "~/lib/flash.server";
import { firmnessLabel, formatInstant } from "~/lib/format";
import {
  fieldErrorsOf,
  formFields,
  formVersion,
  LinkDecisionSchema,
  OverrideFormSchema,
  progressFormSchema,
  WithdrawFormSchema,
  type FieldErrors,
} from "~/lib/forms";
import { forbidden, notFound, serviceCall } from "~/lib/http.server";
import { fieldLabel, LINK_KIND_LABELS, LINK_STATE_LABELS, REVISION_LABELS, UPDATE_SOURCE_LABELS } from "~/lib/labels";
import { InputError, inputErrorResponse, readForm } from "~/lib/request.server";
import { canReportProgress, isReviewer } from "~/lib/roles";
import { statusLabel } from "~/lib/status-style";
import { requireViewer } from "~/lib/user.server";
import { viewerScope } from "~/lib/scope.server";
import { publishEvidence } from "~/services/evidence.server";
import { correctProgressReport, reviewProgressReport, withdrawProgressReport } from "~/services/progress-reviews.server";
import {
  addProgressUpdate,
  decideLink,
  getTrackedCommitment,
  setOverride,
  withdrawCommitment,
  ValidationError,
  type LinkView,
  type ProgressUpdateView,
  type TrackedCommitmentDetail,
} from "~/services/tracking.server";
import { Flash } from "~/components/flash";
import { ActionRefusal } from "~/components/action-refusal";
import { Objections } from "~/components/objections";
import { PersonLink } from "~/components/person-link";
import { ReasonList } from "~/components/reason-list";
import { ReviewMark } from "~/components/review-mark";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.commitment.indicator ?? "承诺"} · 承诺跟踪` },
];

// An evidence file is kept by the service; the page refuses anything larger before buffering it.
const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const asOf = asOfFromParams(url.searchParams);
  const db = await getDb();
  const { viewer, scope } = await viewerScope(request);
  const [commitment, flash] = await Promise.all([getTrackedCommitment(db, params.id ?? "", asOf, scope), takeFlash(request)]);
  if (!commitment) throw notFound("没有找到这项承诺。");
  const t = commitment.target;
  const statedOn = commitment.statedOn ?? commitment.document.repliedOn;
  // The start of the required path, as the status rules choose it (app/domain/status.ts
  // chooseBaseline): an increment and a count target without a baseline both start at 0.
  const start =
    t?.mode === "increment" && statedOn
      ? { value: 0, asOf: statedOn }
      : commitment.baseline
        ? { value: commitment.baseline.value, asOf: commitment.baseline.asOf ?? statedOn ?? "" }
        : t && statedOn && isCountUnit(t.unit) && t.comparator !== "<="
          ? { value: 0, asOf: statedOn }
          : null;
  const chart =
    commitment.kind === "quantitative"
      ? buildProgressChart({
          // the chart draws what the status counts: verified reports only (decision 0034)
          reports: commitment.updates.filter((u) => u.asOf <= asOf && u.reviewState === "verified").map((u) => ({ asOf: u.asOf, value: u.value })),
          baseline: start,
          target: t?.value ?? null,
          due: commitment.due?.date ?? null,
          unit: t?.unit ?? null,
        })
      : null;
  return json(
    {
      commitment,
      chart,
      asOf,
      today: todayInChina(),
      flash: flash.message,
      viewer: viewer ? { name: viewer.name, role: viewer.role } : null,
      can: {
        report: canReportProgress(viewer, commitment.agency) && !commitment.withdrawn,
        review: isReviewer(viewer),
      },
      // what an override may say today, by the dates (issue 9 §7)
      overrideChoices: overrideChoices(commitment, todayInChina()),
    },
    { headers: flash.headers },
  );
}

/**
 * A refused change: field errors (400), or — made from a page someone else's change has overtaken —
 * 409 with "已被他人修改" and `current`, what the commitment (or the link, the report) holds now
 * (decisions 0027, 0038; app/lib/http.server.ts serviceCall).
 */
type ActionData = { intent: string; fieldErrors: FieldErrors; formError?: string; linkId?: string; current?: Record<string, unknown> };

/** The fields each form shows its own errors beside; any other refusal is shown at the top of the page. */
const SHOWN_BESIDE: Record<string, string[]> = { override: ["status", "reason"], withdraw: ["reason"] };

function refusedAtTop(data: ActionData | undefined): data is ActionData & { formError: string } {
  if (!data?.formError || data.intent === "progress" || data.intent === "edit") return false;
  const beside = SHOWN_BESIDE[data.intent] ?? [];
  return !Object.keys(data.fieldErrors ?? {}).some((field) => beside.includes(field));
}

const badRequest = (data: ActionData) => json(data, { status: 400 });


export async function action({ params, request }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const user = await requireViewer(request);
  let form: FormData;
  try {
    form = await readForm(request, { maxFileBytes: MAX_EVIDENCE_BYTES });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return badRequest({ intent: "progress", fieldErrors: { evidenceFile: ["证据文件过大：上限为 10 MB。"] } });
    }
    if (error instanceof InputError) throw inputErrorResponse(error);
    throw error;
  }
  const intent = String(form.get("intent") ?? "");
  const db = await getDb();
  const here = new URL(request.url);
  const back = async (message: string) =>
    redirect(`${here.pathname}${here.search}`, { headers: { "Set-Cookie": await setFlash(message) } });

  if (intent === "progress") {
    const commitment = await getTrackedCommitment(db, id, todayInChina());
    if (!commitment) throw notFound("没有找到这项承诺。");
    if (!canReportProgress(user, commitment.agency)) throw forbidden("只有本承诺的承办单位或审核人员可以报告进展。");
    const parsed = progressFormSchema(commitment.kind).safeParse(
      formFields(form, ["value", "done", "asOf", "note", "evidenceUrl"]),
    );
    if (!parsed.success) return badRequest({ intent, fieldErrors: fieldErrorsOf(parsed.error) });
    const file = form.get("evidenceFile");
    const evidenceFile =
      file && typeof file === "object" && "arrayBuffer" in file && file.name && file.size > 0
        ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : null;
    const result = await serviceCall(intent, () =>
      addProgressUpdate(db, {
        commitmentId: id,
        value: parsed.data.value ?? null,
        done: parsed.data.done ?? null,
        asOf: parsed.data.asOf,
        note: parsed.data.note ?? null,
        evidenceUrl: parsed.data.evidenceUrl ?? null,
        evidenceFile,
        actor: user,
        today: todayInChina(),
      }),
    );
    if (result instanceof Response) return result;
    return back(isReviewer(user) ? "已记录进展，状态已按最新数据重新计算。" : "已记录进展：单位自报，待审核人员核实后计入状态。");
  }

  if (intent === "link") {
    if (!isReviewer(user)) throw forbidden("只有审核人员可以确认或否决关联。");
    const parsed = LinkDecisionSchema.safeParse(formFields(form, ["linkId", "decision", "reason"]));
    if (!parsed.success) return badRequest({ intent, fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await serviceCall(intent, () =>
      decideLink(db, { linkId: parsed.data.linkId, action: parsed.data.decision, reason: parsed.data.reason ?? null, version: formVersion(form), actor: user }),
    );
    if (result instanceof Response) return result;
    return back(parsed.data.decision === "confirm" ? "已确认关联。" : "已否决关联。");
  }

  if (intent === "override") {
    if (!isReviewer(user)) throw forbidden("只有审核人员可以人工认定状态。");
    const parsed = OverrideFormSchema.safeParse(formFields(form, ["status", "reason"]));
    if (!parsed.success) return badRequest({ intent, fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await serviceCall(intent, () =>
      setOverride(db, { commitmentId: id, status: parsed.data.status, reason: parsed.data.reason, version: formVersion(form), actor: user }),
    );
    if (result instanceof Response) return result;
    return back(`已人工认定为「${statusLabel(parsed.data.status)}」。`);
  }

  if (intent === "withdraw") {
    if (!isReviewer(user)) throw forbidden("只有审核人员可以撤回承诺。");
    const parsed = WithdrawFormSchema.safeParse(formFields(form, ["reason"]));
    if (!parsed.success) return badRequest({ intent, fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await serviceCall(intent, () =>
      withdrawCommitment(db, { commitmentId: id, reason: parsed.data.reason, version: formVersion(form), actor: user }),
    );
    if (result instanceof Response) return result;
    return back("已撤回这项承诺。");
  }

  if (intent === "confirm-extraction") {
    if (!isReviewer(user)) throw forbidden("只有审核人员可以确认提取结果。");
    const result = await serviceCall(intent, () => confirmCommitment(db, { commitmentId: id, version: formVersion(form), actor: user }));
    if (result instanceof Response) return result;
    return back("已确认提取结果无误。");
  }

  if (intent === "report-verify" || intent === "report-reject" || intent === "report-withdraw" || intent === "report-correct") {
    const updateId = String(form.get("updateId") ?? "");
    const reason = String(form.get("reason") ?? "");
    const result = await serviceCall(intent, async (): Promise<unknown> => {
      if (intent === "report-verify" || intent === "report-reject") {
        return reviewProgressReport(db, { updateId, action: intent === "report-verify" ? "confirm" : "reject", reason, actor: user });
      }
      if (intent === "report-withdraw") return withdrawProgressReport(db, { updateId, reason, actor: user });
      const raw = String(form.get("value") ?? "").trim().replace(/[,，\s]/g, "");
      const value = raw === "" ? undefined : Number(raw);
      if (value !== undefined && !Number.isFinite(value)) throw new ValidationError("数值应为数字。", { value: ["数值应为数字"] });
      return correctProgressReport(db, { updateId, value, asOf: String(form.get("asOf") ?? "") || undefined, reason, actor: user, today: todayInChina() });
    });
    if (result instanceof Response) return result;
    const said = { "report-verify": "已核实这条单位自报，状态已按它重新计算。", "report-reject": "已退回这条单位自报。", "report-withdraw": "已撤回这条进展报告。", "report-correct": "已更正这条进展报告（原报告保留在记录中）。" };
    return back(said[intent]);
  }

  if (intent === "publish-evidence") {
    if (!isReviewer(user)) throw forbidden("只有审核人员可以公开证据文件。");
    const updateId = String(form.get("updateId") ?? "");
    const result = await serviceCall(intent, () => publishEvidence(db, { updateId, actor: user }));
    if (result instanceof Response) return result;
    return back("已公开这个证据文件。");
  }

  if (intent === "exclude" || intent === "restore") {
    if (!isReviewer(user)) throw forbidden("只有审核人员可以排除或恢复提取结果。");
    const reason = String(form.get("reason") ?? "").trim() || null;
    const result = await serviceCall(intent, () =>
      (intent === "exclude" ? excludeReading : restoreReading)(db, { kind: "commitment", id, version: formVersion(form), reason, actor: user }),
    );
    if (result instanceof Response) return result;
    return back(intent === "exclude" ? "已排除：不是承诺。这条记录不再计入任何列表和统计，可以恢复。" : "已恢复这项承诺。");
  }

  if (intent === "edit") {
    if (!isReviewer(user)) throw forbidden("只有审核人员可以修改提取结果。");
    const read = readEditForm(form);
    if ("fieldErrors" in read) return badRequest({ intent, fieldErrors: read.fieldErrors });
    const result = await serviceCall(intent, () =>
      editCommitment(db, {
        commitmentId: id,
        version: formVersion(form),
        changes: read.changes,
        reason: String(form.get("reason") ?? ""),
        actor: user,
      }),
    );
    if (result instanceof Response) return result;
    return back(`已修改：${result.changed.map(fieldLabel).join("、")}。`);
  }

  return badRequest({ intent, fieldErrors: {}, formError: "未知的操作。" });
}

/**
 * The edit form's fields as the service's changes: blank → null, numbers parsed (1,200 → 1200). A
 * field the form does not send is left out, so it stays as it is (it used to become null).
 */
function readEditForm(form: FormData): { changes: CommitmentEdit } | { fieldErrors: FieldErrors } {
  const text = (key: string) => {
    const value = String(form.get(key) ?? "").trim();
    return value === "" ? null : value;
  };
  const fieldErrors: FieldErrors = {};
  const number = (key: string) => {
    const value = text(key);
    if (value === null) return null;
    const n = Number(value.replace(/[,，\s]/g, ""));
    if (!Number.isFinite(n)) fieldErrors[key] = ["请填写数字。"];
    return n;
  };
  const read = {
    kind: text,
    indicator: (key: string) => text(key) ?? "",
    targetValue: number,
    targetValueMax: number,
    targetUnit: text,
    targetComparator: text,
    targetMode: text,
    baselineValue: number,
    baselineAsOf: text,
    dueDate: text,
    duePrecision: text,
    agency: text,
  } satisfies Record<keyof CommitmentEdit, (key: string) => unknown>;
  const changes = Object.fromEntries(
    Object.entries(read)
      .filter(([key]) => form.has(key))
      .map(([key, value]) => [key, value(key)]),
  ) as CommitmentEdit;
  return Object.keys(fieldErrors).length ? { fieldErrors } : { changes };
}

export default function CommitmentPage() {
  const { commitment: c, chart, asOf, today, flash, viewer, can, overrideChoices: choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.fieldErrors : {});
  const formErrorFor = (intent: string) => (actionData?.intent === intent ? actionData.formError : undefined);
  const quoteHref = `/documents/${c.document.id}#quote-${c.id}`;
  const proposed = c.links.filter((l) => l.state === "proposed");
  const decided = c.links.filter((l) => l.state !== "proposed");
  const updates = [...c.updates].sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0));

  return (
    <>
      <Flash message={flash} />
      <ActionRefusal refusal={refusedAtTop(actionData) ? actionData : null} />
      <div className="page-head">
        <div>
          <p className="eyebrow">
            <Link to="/commitments">全部承诺</Link> /{" "}
            <Link to={`/documents/${c.document.id}`}>{c.document.ref ?? c.document.title ?? c.document.fileName}</Link>
          </p>
          <h1>
            {c.indicator} <KindBadge kind={c.kind} /> <ReviewMark state={c.reviewState} />
          </h1>
        </div>
        <Form method="get" className="search no-print" aria-label="查询日期">
          <span className="inline-label">状态截至</span>
          <input type="date" name="asOf" defaultValue={asOf} max="2200-12-31" aria-label="状态截至" />
          <button type="submit" className="button button--ghost">
            查看
          </button>
        </Form>
      </div>

      {c.exclusion ? (
        <div className="excluded-banner" data-testid="excluded-banner">
          <strong>已排除：</strong>
          {c.exclusion.reason}（{c.exclusion.by}，{formatInstant(c.exclusion.at)}）。这一条不计入任何列表和统计。
          {can.review ? (
            <Form method="post" className="link-actions">
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="version" value={c.version} />
              <SubmitButton intent="restore" label="恢复" className="button--small button--ghost" />
            </Form>
          ) : null}
        </div>
      ) : c.exclusionProposed && can.review ? (
        <div className="excluded-banner" data-testid="exclusion-proposed">
          <strong>提议排除：</strong>
          {c.exclusionProposed.reason}
        </div>
      ) : null}

      <div className="layout-2">
        <div>
          <section className="card">
            <blockquote className="quote-block" data-testid="quote">
              {c.quote}
              <cite>
                ——{c.document.agency ?? c.agency ?? "答复单位"}
                {c.document.repliedOn ? `，${formatDay(c.document.repliedOn)}` : ""} ·{" "}
                <Link to={quoteHref}>在原文中查看</Link>
              </cite>
            </blockquote>
            <StatusBlock
              status={c.status}
              label={c.statusLabel}
              explanation={c.explanation}
              overridden={Boolean(c.override)}
              asOf={formatDay(asOf)}
            />
            {c.override ? (
              <p className="sub" data-testid="override-note">
                人工认定：{c.override.by}于{formatDay(c.override.at.slice(0, 10))}认定为「{statusLabel(c.override.status)}」，
                理由：{c.override.reason}。按规则推算为「{statusLabel(c.override.derived)}」。
              </p>
            ) : null}
          </section>

          <section className="card">
            <dl className="meta-grid">
              <div>
                <dt>目标</dt>
                <dd>{c.target ? formatTarget(c.target) : "—"}</dd>
              </div>
              <div>
                <dt>基数</dt>
                <dd>
                  {c.baseline ? formatValue(c.baseline.value, c.baseline.unit) : "未给出"}
                  {c.baseline?.asOf ? <span className="sub">（截至 {formatDay(c.baseline.asOf)}）</span> : null}
                </dd>
              </div>
              <div>
                <dt>期限</dt>
                <dd>
                  {c.due ? formatDue(c.due) : "未设期限"}
                  {c.due?.text ? <div className="sub">原文：“{c.due.text}”</div> : null}
                </dd>
              </div>
              <div>
                <dt>责任单位</dt>
                <dd>{c.agency ? <Link to={`/agencies/${encodeURIComponent(c.agency)}`}>{c.agency}</Link> : "—"}</dd>
              </div>
              <div>
                <dt>措辞力度</dt>
                <dd>{firmnessLabel(c.firmness)}</dd>
              </div>
              <div>
                <dt>代表 / 委员</dt>
                <dd>
                  <PersonLink name={c.person} role={c.personRole} />
                </dd>
              </div>
              <div>
                <dt>最新数值</dt>
                <dd>{c.latest ? `${formatValue(c.latest.value, c.target?.unit ?? null)}（${formatDay(c.latest.asOf)}）` : "暂无数据"}</dd>
              </div>
              <div>
                <dt>地区</dt>
                <dd>{c.region ?? "—"}</dd>
              </div>
            </dl>
          </section>

          {c.kind === "quantitative" ? (
            <section className="card">
              <h2>进度图</h2>
              {chart ? (
                <div className="chart-box" data-testid="progress-chart">
                  <ClientOnly fallback={<div className="chart-placeholder">正在绘制图表…</div>}>
                    {() => <ProgressChart data={chart} />}
                  </ClientOnly>
                </div>
              ) : (
                <p className="muted">还没有可以绘制的数据：需要基数、目标与期限，或至少一次进展报告。</p>
              )}
              <p className="sub">实线为报告值；虚线为从基数到目标的线性应达进度；红色虚线为目标。</p>
            </section>
          ) : null}

          <section className="card table-card">
            <h2>
              进展报告 <span className="count">{c.updates.length}</span>
            </h2>
            {updates.length === 0 ? (
              <p className="muted">尚无进展报告（不代表没有进展）。</p>
            ) : (
              <div className="table-scroll">
                <table className="table table--stack" data-testid="updates-table">
                  <thead>
                    <tr>
                      <th>截至</th>
                      <th className="num">数值</th>
                      <th>来源</th>
                      <th>说明与证据</th>
                      <th>报告人</th>
                      <th>核实</th>
                    </tr>
                  </thead>
                  <tbody>
                    {updates.map((u) => (
                      <tr key={u.id} className={u.asOf > asOf ? "muted" : undefined}>
                        <td className="nowrap" data-label="截至">
                          {formatDay(u.asOf)}
                        </td>
                        <td className="num" data-label="数值">
                          {u.value !== null ? formatValue(u.value, c.target?.unit ?? null) : u.done ? "已完成" : u.done === false ? "未完成" : "—"}
                        </td>
                        <td data-label="来源">{UPDATE_SOURCE_LABELS[u.source] ?? u.source}</td>
                        <td data-label="说明">
                          {u.note ? <div>{u.note}</div> : null}
                          {u.quote ? <div className="sub">“{u.quote}”</div> : null}
                          {u.evidenceUrl ? (
                            <a href={u.evidenceUrl} target="_blank" rel="noreferrer noopener">
                              证据链接
                            </a>
                          ) : null}
                          {u.evidenceFileName ? (
                            <div className="sub">
                              附件：<a href={`/evidence/${u.id}`} download>{u.evidenceFileName}</a>
                              {can.review ? (
                                u.evidencePublic ? (
                                  <span className="tag">已公开</span>
                                ) : (
                                  <Form method="post" className="inline-form">
                                    <input type="hidden" name="intent" value="publish-evidence" />
                                    <input type="hidden" name="updateId" value={u.id} />
                                    <button type="submit" className="link-button" title="公开后任何人都可以下载这个文件">
                                      公开文件
                                    </button>
                                  </Form>
                                )
                              ) : null}
                            </div>
                          ) : u.evidenceFileHidden ? (
                            <div className="sub">附有证据文件（不公开）</div>
                          ) : null}
                          {u.evidenceText ? <div className="sub">{u.evidenceText}</div> : null}
                          {u.documentId ? <Link to={`/documents/${u.documentId}`}>来源文件</Link> : null}
                        </td>
                        <td data-label="报告人">
                          {u.reportedBy}
                          <div className="sub">{formatInstant(u.reportedAt)}</div>
                        </td>
                        <td data-label="核实" data-testid="report-state" data-state={u.reviewState}>
                          <span className={`report-state report-state--${u.reviewState}`}>{REPORT_STATE_LABELS[u.reviewState]}</span>
                          {u.reviewReason && u.reviewState !== "verified" ? <div className="sub">理由：{u.reviewReason}</div> : null}
                          <ReportActions u={u} canReview={can.review} canChange={can.review || (can.report && u.source === "agency")} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="card" data-testid="links">
            <h2>
              关联的后续数据 <span className="count">{c.links.length}</span>
            </h2>
            {c.links.length === 0 ? <p className="muted">暂无与后续文件的关联。</p> : null}
            {[...proposed, ...decided].map((link) => (
              <LinkCard
                key={link.id}
                link={link}
                version={c.version}
                canDecide={can.review}
                errors={actionData?.intent === "link" && actionData.linkId === link.id ? actionData.fieldErrors : undefined}
              />
            ))}
          </section>

          {c.disagreements.length ? (
            <section className="card" data-testid="disagreements">
              <h2>代表 / 委员的不同意见</h2>
              <Objections items={c.disagreements} />
            </section>
          ) : null}

          {c.revisions.length ? (
            <section className="card">
              <h2>修订沿革</h2>
              <ol className="timeline" data-testid="revisions">
                {c.revisions.map((r) => (
                  <li key={r.linkId}>
                    <div className="timeline__head">
                      <span className="timeline__action">
                        {r.direction === "earlier" ? "本承诺修订了较早的承诺" : "被较晚的承诺修订"}
                        {r.revisionKind ? `：${REVISION_LABELS[r.revisionKind]}` : ""}
                      </span>
                      <span className={`link-state link-state--${r.state}`}>{LINK_STATE_LABELS[r.state]}</span>
                      {r.statedOn ? <span className="sub">{formatDay(r.statedOn)}</span> : null}
                    </div>
                    <div>
                      <Link to={`/commitments/${r.commitmentId}`}>{r.indicator}</Link>
                    </div>
                    <div className="sub">“{r.quote}”</div>
                    {r.description ? <div className="sub">{r.description}</div> : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          <section className="card">
            <h2>变更记录</h2>
            <AuditHistory events={c.history} />
          </section>
        </div>

        <aside>
          {can.report ? (
            <section className="card" id="report">
              <h2>报告进展</h2>
              <Form
                method="post"
                encType="multipart/form-data"
                className="form"
                data-testid="progress-form"
                replace
                // A new key after each stored update empties the form; after a 400 it keeps what was typed.
                key={c.updates.length}
              >
                <input type="hidden" name="intent" value="progress" />
                {c.kind === "milestone" ? (
                  <label className="field">
                    <span>完成情况</span>
                    <select name="done" defaultValue="" aria-invalid={Boolean(errorsFor("progress").done) || undefined}>
                      <option value="">请选择</option>
                      <option value="yes">已完成</option>
                      <option value="no">尚未完成</option>
                    </select>
                    <FieldError id="done" errors={errorsFor("progress").done} />
                  </label>
                ) : (
                  <label className="field">
                    <span>数值{c.target?.unit ? `（${c.target.unit}${c.target.mode === "increment" ? "，累计新增" : ""}）` : ""}</span>
                    <input
                      type="text"
                      inputMode="decimal"
                      name="value"
                      placeholder={c.target ? `目标 ${c.target.value}` : "例如 52"}
                      aria-invalid={Boolean(errorsFor("progress").value) || undefined}
                      aria-describedby="value"
                    />
                    <FieldError id="value" errors={errorsFor("progress").value} />
                  </label>
                )}
                <label className="field">
                  <span>数据截至</span>
                  <input
                    type="date"
                    name="asOf"
                    defaultValue={today}
                    max={today}
                    aria-invalid={Boolean(errorsFor("progress").asOf) || undefined}
                  />
                  <FieldError id="asOf" errors={errorsFor("progress").asOf} />
                </label>
                <label className="field">
                  <span>说明</span>
                  <textarea name="note" rows={3} placeholder="数据来源、口径或进展情况" />
                  <FieldError id="note" errors={errorsFor("progress").note} />
                </label>
                <label className="field">
                  <span>证据链接（可选）</span>
                  <input
                    type="url"
                    name="evidenceUrl"
                    placeholder="https://"
                    aria-invalid={Boolean(errorsFor("progress").evidenceUrl) || undefined}
                  />
                  <FieldError id="evidenceUrl" errors={errorsFor("progress").evidenceUrl} />
                </label>
                <label className="field">
                  <span>证据文件（可选，≤ 10 MB）</span>
                  <input type="file" name="evidenceFile" />
                  <FieldError id="evidenceFile" errors={errorsFor("progress").evidenceFile} />
                </label>
                {formErrorFor("progress") ? (
                  <p className="field-error" role="alert">
                    {formErrorFor("progress")}
                  </p>
                ) : null}
                <div className="form-actions">
                  <SubmitButton intent="progress" label="提交进展" />
                </div>
              </Form>
            </section>
          ) : null}

          {can.review ? (
            <section className="card">
              <h2>审核操作</h2>
              {!c.withdrawn ? (
                <ExtractionReview
                  c={c}
                  errors={errorsFor("edit")}
                  open={actionData?.intent === "edit" || (actionData?.intent === "confirm-extraction" && Boolean(actionData.current))}
                  conflict={
                    (actionData?.intent === "edit" || actionData?.intent === "confirm-extraction") && actionData.current
                      ? (actionData.current as CommitmentFields)
                      : undefined
                  }
                />
              ) : null}
              <details className="disclosure" open={actionData?.intent === "override" || undefined}>
                <summary>人工认定状态</summary>
                <Form method="post" className="form" data-testid="override-form">
                  <input type="hidden" name="intent" value="override" />
                  <input type="hidden" name="version" value={c.version} />
                  <label className="field">
                    <span>认定为</span>
                    <select name="status" defaultValue={choices.includes(c.status) ? c.status : choices[0]}>
                      <StatusOptions only={choices} />
                    </select>
                    <span className="sub">只列出与期限相符的状态。</span>
                    <FieldError id="status" errors={errorsFor("override").status} />
                  </label>
                  <label className="field">
                    <span>理由（必填）</span>
                    <textarea name="reason" rows={2} aria-invalid={Boolean(errorsFor("override").reason) || undefined} />
                    <FieldError id="override-reason" errors={errorsFor("override").reason} />
                  </label>
                  <div className="form-actions">
                    <SubmitButton intent="override" label="保存认定" />
                  </div>
                </Form>
              </details>
              {!c.withdrawn ? (
                <details className="disclosure" open={actionData?.intent === "withdraw" || undefined}>
                  <summary>撤回承诺</summary>
                  <Form method="post" className="form" data-testid="withdraw-form">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="version" value={c.version} />
                    <p className="sub">撤回不会删除任何记录，承诺及其历史仍可查阅。</p>
                    <label className="field">
                      <span>撤回理由（必填）</span>
                      <textarea name="reason" rows={2} aria-invalid={Boolean(errorsFor("withdraw").reason) || undefined} />
                      <FieldError id="withdraw-reason" errors={errorsFor("withdraw").reason} />
                    </label>
                    <div className="form-actions">
                      <SubmitButton intent="withdraw" label="撤回" className="button--reject" />
                    </div>
                  </Form>
                </details>
              ) : null}
            </section>
          ) : null}

          {!viewer ? (
            <section className="card no-print">
              <p className="muted" style={{ margin: 0 }}>
                承办单位和审核人员请<Link to={`/login?redirectTo=/commitments/${c.id}`}>登录</Link>后报告进展或审核。
              </p>
            </section>
          ) : null}

          <section className="card">
            <h2>出处</h2>
            <ul className="side-list">
              <li>
                <Link to={`/documents/${c.document.id}`}>{c.document.title ?? c.document.fileName}</Link>
              </li>
              {c.document.ref ? <li className="sub">编号：{c.document.ref}</li> : null}
              {c.document.repliedOn ? <li className="sub">答复日期：{formatDay(c.document.repliedOn)}</li> : null}
              <li>
                <Link to={quoteHref}>跳到原文中的这句话 ›</Link>
              </li>
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}

const REPORT_STATE_LABELS: Record<ProgressUpdateView["reviewState"], string> = {
  pending: "单位自报（待核实）",
  verified: "已核实",
  rejected: "已退回",
  withdrawn: "已撤回",
  replaced: "已更正",
};

/** Verify or reject a pending report (reviewers); correct or withdraw one's own (the agency, or reviewers). */
function ReportActions({ u, canReview, canChange }: { u: ProgressUpdateView; canReview: boolean; canChange: boolean }) {
  const open = u.reviewState === "pending" || u.reviewState === "verified";
  if (!open || u.source === "document") return null;
  return (
    <div className="report-actions">
      {canReview && u.reviewState === "pending" ? (
        <Form method="post" className="link-actions" data-testid="report-review">
          <input type="hidden" name="updateId" value={u.id} />
          <input type="text" name="reason" placeholder="退回理由" aria-label="退回理由" maxLength={1000} />
          <button type="submit" name="intent" value="report-verify" className="button button--small button--confirm">
            核实
          </button>
          <button type="submit" name="intent" value="report-reject" className="button button--small button--reject">
            退回
          </button>
        </Form>
      ) : null}
      {canChange ? (
        <details className="reading-actions__exclude">
          <summary>更正或撤回…</summary>
          <Form method="post" className="form">
            <input type="hidden" name="updateId" value={u.id} />
            <input type="text" name="value" placeholder="更正后的数值" aria-label="更正后的数值" inputMode="decimal" />
            <input type="date" name="asOf" defaultValue={u.asOf} aria-label="更正后的截至日期" />
            <input type="text" name="reason" placeholder="理由（必填）" aria-label="理由" maxLength={1000} />
            <button type="submit" name="intent" value="report-correct" className="button button--small">
              更正
            </button>
            <button type="submit" name="intent" value="report-withdraw" className="button button--small button--reject">
              撤回
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

function SubmitButton({ intent, label, className = "" }: { intent: string; label: string; className?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" className={`button ${className}`} disabled={busy}>
      {busy ? "正在提交…" : label}
    </button>
  );
}

/** Confirm the extractor's reading, or correct its fields with a reason (reviewers). */
/** The current values shown after a stale edit was refused (decision 0027). */
function ConflictNotice({ current }: { current: CommitmentFields }) {
  const shown = Object.entries(current).filter(([key]) => key !== "version");
  return (
    <div className="alert alert--error" role="alert" data-testid="edit-conflict">
      <strong>已被他人修改，您的修改未保存。</strong>
      <p>当前内容如下（表单已换成当前内容），请核对后重新修改：</p>
      <ul>
        {shown.map(([key, value]) => (
          <li key={key}>
            {fieldLabel(key)}：{value === null || value === "" ? "（空）" : String(value)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExtractionReview({
  c,
  errors,
  open,
  conflict,
}: {
  c: TrackedCommitmentDetail;
  errors: FieldErrors;
  open: boolean;
  conflict?: CommitmentFields;
}) {
  const field = (name: string, label: string, value: string | number | null | undefined, type = "text") => (
    <label className="field">
      <span>{label}</span>
      <input type={type} name={name} defaultValue={value ?? ""} aria-invalid={Boolean(errors[name]) || undefined} />
      <FieldError id={`edit-${name}`} errors={errors[name]} />
    </label>
  );
  return (
    <>
      <p className="sub" data-testid="extraction-origin">
        {c.origin === "extracted"
          ? c.needsReview
            ? "提取结果待复核：系统对这条不够确定。"
            : "提取结果尚未经人工复核。"
          : c.origin === "confirmed"
            ? "提取结果已经人工确认。"
            : c.origin === "added"
              ? `由审核人员${c.addedBy ?? ""}补充（系统未识别出的承诺）。`
              : "提取结果已经人工修改（见变更记录）。"}
      </p>
      {c.origin === "extracted" ? (
        <Form method="post" className="form-actions" data-testid="confirm-extraction">
          <input type="hidden" name="intent" value="confirm-extraction" />
          <input type="hidden" name="version" value={c.version} />
          <SubmitButton intent="confirm-extraction" label="提取结果无误" className="button--confirm" />
        </Form>
      ) : null}
      {c.reviewState !== "excluded" ? (
        <details className="disclosure" data-testid="exclude-commitment">
          <summary>排除：不是承诺</summary>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="exclude" />
            <input type="hidden" name="version" value={c.version} />
            <p className="sub">系统把不是承诺的句子读成了承诺（例如复述代表的建议、已完成的工作）。排除后不计入任何列表和统计，记录保留，可以恢复。</p>
            <label className="field">
              <span>补充说明（可选）</span>
              <textarea name="reason" rows={2} maxLength={1000} />
            </label>
            <div className="form-actions">
              <SubmitButton intent="exclude" label="不是承诺" className="button--reject" />
            </div>
          </Form>
        </details>
      ) : null}
      <details className="disclosure" open={open || undefined} id="edit">
        <summary>修改提取结果</summary>
        {conflict ? <ConflictNotice current={conflict} /> : null}
        {/* keyed by the version: after a refused stale edit the fields show the current values */}
        <Form method="post" className="form" data-testid="edit-form" key={c.version}>
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="version" value={c.version} />
          <label className="field">
            <span>类型</span>
            <select name="kind" defaultValue={c.kind}>
              <LabelledOptions labels={KIND_LABELS} />
            </select>
          </label>
          {field("indicator", "指标", c.indicator)}
          <div className="field-row">
            <label className="field">
              <span>比较</span>
              <select name="targetComparator" defaultValue={c.target?.comparator ?? ""}>
                <LabelledOptions labels={{ "": "（无目标）", ">=": "不少于 ≥", "=": "等于 =", "<=": "不超过 ≤" }} />
              </select>
            </label>
            {field("targetValue", "目标值", c.target?.value)}
            {field("targetValueMax", "上限（区间）", c.target?.valueMax)}
            {field("targetUnit", "单位", c.target?.unit)}
          </div>
          <label className="field">
            <span>口径</span>
            <select name="targetMode" defaultValue={c.target?.mode ?? ""}>
              <LabelledOptions labels={{ "": "（无）", level: "达到（水平）", increment: "新增（增量）" }} />
            </select>
          </label>
          <div className="field-row">
            {field("baselineValue", "基线值", c.baseline?.value)}
            {field("baselineAsOf", "基线日期", c.baseline?.asOf, "date")}
          </div>
          <div className="field-row">
            {field("dueDate", "期限（最后一天）", c.due?.date, "date")}
            <label className="field">
              <span>期限精度</span>
              <select name="duePrecision" defaultValue={c.due?.precision ?? ""}>
                <LabelledOptions labels={{ "": "（无期限）", year: "年", month: "月", day: "日" }} />
              </select>
            </label>
          </div>
          {field("agency", "责任单位", c.agency)}
          <label className="field">
            <span>修改理由（必填）</span>
            <textarea name="reason" rows={2} aria-invalid={Boolean(errors.reason) || undefined} />
            <FieldError id="edit-reason" errors={errors.reason ?? errors.form} />
          </label>
          <div className="form-actions">
            <SubmitButton intent="edit" label="保存修改" />
          </div>
        </Form>
      </details>
    </>
  );
}

function LinkCard({ link, version, canDecide, errors }: { link: LinkView; version: number; canDecide: boolean; errors?: FieldErrors }) {
  return (
    <div className="link-card" data-testid="link-card" data-state={link.state}>
      <div className="link-card__head">
        <div>
          <span className={`link-state link-state--${link.state}`}>{LINK_STATE_LABELS[link.state]}</span>{" "}
          <strong>{LINK_KIND_LABELS[link.kind]}</strong>
          {link.value !== null ? (
            <span>
              ：{formatValue(link.value, link.unit)}
              {link.asOf ? `（${formatDay(link.asOf)}）` : ""}
            </span>
          ) : null}
          {link.revisionKind && link.kind !== "dropped" ? <span>：{REVISION_LABELS[link.revisionKind]}</span> : null}
        </div>
        <span className="score" title="匹配得分">
          匹配度 {Math.round(link.score * 100)}%
        </span>
      </div>
      <div className="sub" style={{ marginTop: "0.3rem" }}>
        {link.sourceQuote ? `“${link.sourceQuote}” — ` : ""}
        <Link to={`/documents/${link.sourceDocumentId}`}>{link.sourceDocumentTitle ?? "来源文件"}</Link>
      </div>
      <ReasonList reasons={link.reasons} />
      {link.revisionDescription ? <div className="sub">{link.revisionDescription}</div> : null}
      {link.state !== "proposed" && link.decidedBy ? (
        <div className="sub">
          {link.decidedBy}于{link.decidedAt ? formatInstant(link.decidedAt) : ""}
          {link.state === "confirmed" ? "确认" : "否决"}
          {link.reason ? `，理由：${link.reason}` : ""}
        </div>
      ) : null}
      {canDecide && link.state === "proposed" ? <LinkDecisionForm linkId={link.id} version={version} errors={errors} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
