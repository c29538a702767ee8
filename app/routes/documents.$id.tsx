import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FieldError } from "~/components/field-error";
import { LabelledOptions } from "~/components/options";
import { KIND_LABELS } from "~/lib/format";
import { sentenceAround } from "~/lib/sentence";
import { formVersion, type FieldErrors } from "~/lib/forms";
import { addCommitment, draftForDocument, type PledgeDraft } from "~/services/added-pledges.server";
import { reextractDocument } from "~/services/reextract.server";
import { engineVersion } from "~/services/engine-version.server";
import type { CommitmentEdit } from "~/services/commitment-edits.server";
import { z } from "zod";
import { KindBadge } from "~/components/kind-badge";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getDb } from "~/lib/db.server";
import { setFlash, takeFlash } from "~/lib/flash.server";
import {
  addresseeLabel,
  firmnessLabel,
  formatDate,
  formatInstant,
  formatTarget,
  formatValue,
} from "~/lib/format";
import { segmentText, type MarkSpan } from "~/lib/highlight";
import { forbidden, serviceCall } from "~/lib/http.server";
import { isReviewer } from "~/lib/roles";
import { requireViewer } from "~/lib/user.server";
import { viewerScope } from "~/lib/scope.server";
import { readPageForm } from "~/lib/request.server";
import { listCommitmentsForDocument } from "~/models/commitment.server";
import { getDocument, isDocumentPublished } from "~/models/document.server";
import { listObservationsForDocument } from "~/models/observation.server";
import { Flash } from "~/components/flash";
import { ActionRefusal } from "~/components/action-refusal";
import { REVIEW_STATE_TITLES, ReviewMark } from "~/components/review-mark";
import { REVIEW_STATE_LABELS } from "~/lib/labels";
import { commitmentReviewState, observationReviewState } from "~/models/review-state.server";
import { confirmCommitment } from "~/services/commitment-edits.server";
import { confirmObservation, countProposedLinksOfDocument, excludeReading, restoreReading } from "~/services/review-states.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.document.title || data?.document.file_name || "答复文件"} · 承诺跟踪` },
];

const FORMAT_LABELS: Record<string, string> = { txt: "纯文本", html: "网页", docx: "Word 文档", pdf: "PDF" };
const SOURCE_LABELS: Record<string, string> = { upload: "网页上传", seed: "示例数据", cli: "命令行导入", api: "接口" };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const db = await getDb();
  const { scope } = await viewerScope(request);
  const staff = scope.staff;
  const document = await getDocument(db, { id });
  // Outside the office a reply is published once something in it was checked (decision 0031).
  if (!document || (!staff && !(await isDocumentPublished(db, { id, states: scope.states })))) {
    throw new Response("没有找到这份答复文件。", { status: 404 });
  }
  const [commitmentRows, observationRows, flash, proposedLinks] = await Promise.all([
    listCommitmentsForDocument(db, { documentId: id }),
    listObservationsForDocument(db, { documentId: id }),
    takeFlash(request),
    staff ? countProposedLinksOfDocument(db, { documentId: id }) : Promise.resolve(0),
  ]);
  // ?add=START-END: a reviewer's selection, read by the engine to pre-fill the add form (decision 0032).
  let draft: PledgeDraft | null = null;
  let draftError: string | null = null;
  const add = /^(\d+)-(\d+)$/.exec(new URL(request.url).searchParams.get("add") ?? "");
  if (staff && add) {
    try {
      draft = await draftForDocument(db, { documentId: id, start: Number(add[1]), end: Number(add[2]) });
    } catch (error) {
      draftError = error instanceof Error ? error.message : String(error);
    }
  }
  const shown = new Set<string>(staff ? ["unchecked", "checked", "excluded"] : scope.states);
  // Staff names stay in the office (decision 0031).
  const names = staff ? {} : { added_by: null, excluded_by: null, checked_by: null, withdrawn_by: null };
  const commitments = commitmentRows
    .map((c) => ({ ...c, ...names, reviewState: commitmentReviewState(c) }))
    .filter((c) => shown.has(c.reviewState));
  const observations = observationRows
    .map((o) => ({ ...o, ...names, reviewState: observationReviewState(o) }))
    .filter((o) => shown.has(o.reviewState));
  // Excluded readings are off the tables; staff find them, and restore them, below, and see them
  // marked 已排除 in the full text (so nobody adds them again as missed).
  const excluded = staff
    ? [
        ...commitments
          .filter((c) => c.reviewState === "excluded")
          .map((c) => ({ kind: "commitment" as const, id: c.id, version: c.version, label: c.indicator, quote: c.quote, start: c.start_offset, end: c.end_offset, reason: c.excluded_reason, by: c.excluded_by, at: c.excluded_at })),
        ...observations
          .filter((o) => o.reviewState === "excluded")
          .map((o) => ({ kind: "observation" as const, id: o.id, version: o.version, label: o.indicator, quote: o.quote, start: o.start_offset, end: o.end_offset, reason: o.excluded_reason, by: o.excluded_by, at: o.excluded_at })),
      ]
    : [];
  return json(
    {
      document,
      commitments: commitments.filter((c) => c.reviewState !== "excluded"),
      observations: observations.filter((o) => o.reviewState !== "excluded"),
      excluded,
      staff,
      currentEngine: staff ? engineVersion() : null,
      draft,
      draftError,
      proposedLinks,
      flash: flash.message,
    },
    { headers: flash.headers },
  );
}

const ReadingForm = z.object({
  intent: z.enum(["confirm", "exclude", "restore"]),
  kind: z.enum(["commitment", "observation"]),
  id: z.string().trim().min(1).max(100),
  reason: z.string().trim().max(1000, "理由不超过1000字").optional(),
});

export async function action({ params, request }: ActionFunctionArgs) {
  const user = await requireViewer(request);
  if (!isReviewer(user)) throw forbidden("只有审核人员可以核对提取结果。");
  const form = await readPageForm(request);
  if (form.get("intent") === "add-commitment") return addAction(params.id ?? "", form, user);
  if (form.get("intent") === "reextract") return reextractAction(params.id ?? "", user);
  const parsed = ReadingForm.safeParse(Object.fromEntries([...form].filter(([k, v]) => typeof v === "string" && v !== "" && k !== "version")));
  if (!parsed.success) return json({ intent: String(form.get("intent") ?? ""), formError: "操作有误。", fieldErrors: {} }, { status: 400 });
  const db = await getDb();
  const { intent, kind, id, reason } = parsed.data;
  // the version of the reading the page showed: a verdict from a stale page is refused (409, decision 0038)
  const version = formVersion(form);
  const result = await serviceCall(intent, async (): Promise<unknown> => {
    if (intent === "exclude") return excludeReading(db, { kind, id, version, reason: reason ?? null, actor: user });
    if (intent === "restore") return restoreReading(db, { kind, id, version, reason: reason ?? null, actor: user });
    return kind === "commitment" ? confirmCommitment(db, { commitmentId: id, version, actor: user }) : confirmObservation(db, { id, version, actor: user });
  });
  if (result instanceof Response) return result;
  const what = kind === "commitment" ? "承诺" : "进展数据";
  const message = intent === "exclude" ? `已排除这条${what}（可在页面下方恢复）。` : intent === "restore" ? `已恢复这条${what}。` : `已确认这条${what}无误。`;
  const url = new URL(request.url);
  return redirect(`/documents/${params.id ?? ""}${url.search}`, { headers: { "Set-Cookie": await setFlash(message) } });
}

/** The add form's fields as the service's: blank → null, numbers read as written (1,200 → 1200). */
function readAddForm(form: FormData): { fields: CommitmentEdit } | { fieldErrors: FieldErrors } {
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
  const fields = {
    kind: text("kind") ?? undefined,
    indicator: text("indicator") ?? "",
    targetValue: number("targetValue"),
    targetValueMax: number("targetValueMax"),
    targetUnit: text("targetUnit"),
    targetComparator: text("targetComparator"),
    targetMode: text("targetMode"),
    dueDate: text("dueDate"),
    duePrecision: text("duePrecision"),
    agency: text("agency"),
  } as CommitmentEdit;
  return Object.keys(fieldErrors).length ? { fieldErrors } : { fields };
}

/** Runs the current engine over this document again (decision 0033) and says what changed. */
async function reextractAction(documentId: string, user: Awaited<ReturnType<typeof requireViewer>>) {
  const db = await getDb();
  const result = await serviceCall("reextract", () => reextractDocument(db, { documentId, actor: user }));
  if (result instanceof Response) return result;
  const proposed = result.proposedForExclusion.commitments + result.proposedForExclusion.observations;
  const message = !result.changed
    ? `已按当前引擎（${result.engineVersion}）重新提取：结果与已保存的一致，没有改动。`
    : `已按当前引擎（${result.engineVersion}）重新提取：新增 ${result.added.commitments} 项承诺、${result.added.observations} 条进展数据（待核对），` +
      `${proposed} 条不再识别出的结果提议排除${result.proposalsWithdrawn ? `，${result.proposalsWithdrawn} 条撤回排除提议` : ""}` +
      `${result.links ? `，提出 ${result.links} 条待确认的关联` : ""}；已核对和修改过的结果未改动。`;
  return redirect(`/documents/${documentId}`, { headers: { "Set-Cookie": await setFlash(message) } });
}

async function addAction(documentId: string, form: FormData, user: Awaited<ReturnType<typeof requireViewer>>) {
  const start = Number(form.get("start"));
  const end = Number(form.get("end"));
  const read = readAddForm(form);
  if ("fieldErrors" in read) return json({ intent: "add-commitment", fieldErrors: read.fieldErrors }, { status: 400 });
  const db = await getDb();
  const result = await serviceCall("add-commitment", () =>
    addCommitment(db, { documentId, start, end, fields: read.fields, note: String(form.get("note") ?? ""), actor: user }),
  );
  if (result instanceof Response) return result;
  const links = result.links > 0 ? `，并提出 ${result.links} 条待确认的关联` : "";
  return redirect(`/documents/${documentId}#quote-${result.commitmentId}`, {
    headers: { "Set-Cookie": await setFlash(`已补充一项承诺（由您添加，记为已核对）${links}。`) },
  });
}

/**
 * Words selected in the full text (or, with nothing selected, the sentence clicked) become the
 * span of a pledge to add; the page then shows the form the engine pre-filled for it.
 */
function AddPledgeBar({ text, documentId }: { text: string; documentId: string }) {
  const navigate = useNavigate();
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  const last = useRef<{ start: number; end: number } | null>(null);
  useEffect(() => {
    const container = window.document.querySelector<HTMLElement>('[data-testid="document-text"]');
    if (!container) return;
    // A boundary of the selection as an offset into the text: each segment carries its start.
    const offsetOf = (node: Node, offset: number): number | null => {
      if (!container.contains(node)) return null;
      if (node.nodeType === Node.TEXT_NODE) {
        const el = (node.parentElement as HTMLElement | null)?.closest<HTMLElement>("[data-start]");
        return el ? Number(el.dataset.start) + offset : null;
      }
      const el = node as HTMLElement;
      if (el.dataset?.start !== undefined) return Number(el.dataset.start) + (offset > 0 ? (el.textContent ?? "").length : 0);
      const child = el.childNodes[offset] as HTMLElement | undefined;
      return child?.dataset?.start !== undefined ? Number(child.dataset.start) : offset > 0 ? text.length : 0;
    };
    const onChange = () => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const a = offsetOf(range.startContainer, range.startOffset);
      const b = offsetOf(range.endContainer, range.endOffset);
      if (a === null || b === null) return;
      const next = a === b ? sentenceAround(text, a) : { start: Math.min(a, b), end: Math.max(a, b) };
      if (next.end <= next.start) return;
      last.current = next;
      setSpan(next);
    };
    window.document.addEventListener("selectionchange", onChange);
    return () => window.document.removeEventListener("selectionchange", onChange);
  }, [text]);
  const chosen = span ?? last.current;
  return (
    <div className="add-pledge-bar no-print" data-testid="add-pledge-bar">
      <button
        type="button"
        className="button button--small"
        data-testid="add-pledge"
        disabled={!chosen}
        onClick={() => chosen && navigate(`/documents/${documentId}?add=${chosen.start}-${chosen.end}#add-pledge`)}
      >
        补充遗漏的承诺
      </button>
      <span className="sub" data-testid="add-pledge-span">
        {chosen ? `所选：“${text.slice(chosen.start, chosen.end).slice(0, 80)}${chosen.end - chosen.start > 80 ? "…" : ""}”` : "系统漏掉了承诺？在下面的原文中选中那几句话（或点击句中任意位置选整句），再点这里。"}
      </span>
    </div>
  );
}

/** The engine's reading of the selected span, for the reviewer to correct and save. */
function AddPledgeForm({ draft, errors, formError }: { draft: PledgeDraft; errors: FieldErrors; formError?: string }) {
  const field = (name: string, label: string, value: string | number | null | undefined, type = "text") => (
    <label className="field">
      <span>{label}</span>
      <input type={type} name={name} defaultValue={value ?? ""} aria-invalid={Boolean(errors[name]) || undefined} />
      <FieldError id={`add-${name}`} errors={errors[name]} />
    </label>
  );
  const sources: Record<PledgeDraft["source"], string> = {
    engine: "已按系统规则读出以下内容，请核对修改。",
    "engine-as-pledge": "系统原本没有把这句读成承诺；按承诺重新读出以下内容，请核对修改。",
    figure: "系统只在这段文字中读到一个数值，已填为目标，请核对修改。",
    none: "系统没有从这段文字中读出数值或期限，请手工填写。",
  };
  return (
    <section className="card" id="add-pledge" data-testid="add-pledge-form">
      <h2>补充承诺</h2>
      <blockquote className="quote-block">{draft.quote}</blockquote>
      <p className="sub" data-testid="draft-source">
        {sources[draft.source]}原文位置 {draft.start}–{draft.end}，保存后记为由您补充、已核对，并记入变更记录。
      </p>
      <Form method="post" className="form" key={`${draft.start}-${draft.end}`}>
        <input type="hidden" name="intent" value="add-commitment" />
        <input type="hidden" name="start" value={draft.start} />
        <input type="hidden" name="end" value={draft.end} />
        <div className="field-row">
          <label className="field">
            <span>类型</span>
            <select name="kind" defaultValue={draft.kind}>
              <LabelledOptions labels={KIND_LABELS} />
            </select>
          </label>
          {field("indicator", "指标", draft.indicator)}
        </div>
        <div className="field-row">
          <label className="field">
            <span>比较</span>
            <select name="targetComparator" defaultValue={draft.targetComparator ?? ""}>
              <LabelledOptions labels={{ "": "（无目标）", ">=": "不少于 ≥", "=": "等于 =", "<=": "不超过 ≤" }} />
            </select>
          </label>
          {field("targetValue", "目标值", draft.targetValue)}
          {field("targetValueMax", "上限（区间）", draft.targetValueMax)}
          {field("targetUnit", "单位", draft.targetUnit)}
          <label className="field">
            <span>口径</span>
            <select name="targetMode" defaultValue={draft.targetMode ?? ""}>
              <LabelledOptions labels={{ "": "（无）", level: "达到（水平）", increment: "新增（增量）" }} />
            </select>
          </label>
        </div>
        <div className="field-row">
          {field("dueDate", "期限（最后一天）", draft.dueDate, "date")}
          <label className="field">
            <span>期限精度</span>
            <select name="duePrecision" defaultValue={draft.duePrecision ?? ""}>
              <LabelledOptions labels={{ "": "（无期限）", year: "年", month: "月", day: "日" }} />
            </select>
          </label>
          {field("agency", "责任单位", draft.agency)}
        </div>
        <label className="field">
          <span>说明（可选）</span>
          <input type="text" name="note" maxLength={1000} placeholder="例如：系统未识别出的承诺" />
        </label>
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            保存这项承诺
          </button>
          <Link to="." className="button button--ghost">
            取消
          </Link>
        </div>
      </Form>
    </section>
  );
}

/** A highlight's DOM id: by commitment id, so the commitment page links straight to its sentence. */
const markId = (kind: "commitment" | "observation", id: string) => (kind === "commitment" ? `quote-${id}` : `quote-o-${id}`);

/** The badge a highlight carries after its words: the lists' 未核对 / 已排除, a tick for 已核对. */
const MARK_BADGES: Record<MarkSpan["state"], string> = { unchecked: REVIEW_STATE_LABELS.unchecked, checked: "✓", excluded: REVIEW_STATE_LABELS.excluded };

/** Confirm / exclude buttons for one reading (reviewers). */
function ReadingActions({ kind, id, version, state }: { kind: "commitment" | "observation"; id: string; version: number; state: string }) {
  return (
    <div className="reading-actions">
      {state === "unchecked" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button button--small button--confirm">
            无误
          </button>
        </Form>
      ) : null}
      <details className="reading-actions__exclude">
        <summary>排除…</summary>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="exclude" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="text" name="reason" placeholder="补充说明（可选）" aria-label="排除理由" maxLength={1000} />
          <button type="submit" className="button button--small button--reject">
            {kind === "commitment" ? "不是承诺" : "不是进展数据"}
          </button>
        </Form>
      </details>
    </div>
  );
}

export default function DocumentPage() {
  const { document, commitments, observations, excluded, staff, currentEngine, draft, draftError, proposedLinks, flash } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { intent?: string; fieldErrors?: FieldErrors; formError?: string; current?: unknown } | undefined;
  const addErrors = actionData?.intent === "add-commitment" ? actionData : undefined;
  // a refused verdict (a stale page: 409) or re-extraction; the add form shows its own errors
  const refusal = actionData?.formError && actionData.intent !== "add-commitment" ? actionData : undefined;
  const unchecked = commitments.filter((c) => c.reviewState === "unchecked").length + observations.filter((o) => o.reviewState === "unchecked").length;
  const spans: MarkSpan[] = [
    ...commitments.map((c) => ({
      start: c.start_offset,
      end: c.end_offset,
      id: markId("commitment", c.id),
      kind: "commitment" as const,
      label: `承诺 ${c.ordinal + 1}`,
      state: c.reviewState,
    })),
    ...observations.map((o, i) => ({
      start: o.start_offset,
      end: o.end_offset,
      id: markId("observation", o.id),
      kind: "observation" as const,
      label: `进展数据 ${i + 1}`,
      state: o.reviewState,
    })),
    // last, so a reading that counts wins where an excluded one overlaps it
    ...excluded.map((x) => ({
      start: x.start,
      end: x.end,
      id: markId(x.kind, x.id),
      kind: x.kind,
      label: x.kind === "commitment" ? "承诺" : "进展数据",
      state: "excluded" as const,
    })),
  ];
  const segments = segmentText(document.text, spans);
  // the states this reader can meet in the text, for the legend
  const shownStates = (["checked", "unchecked"] as const).filter((state) => spans.some((sp) => sp.state === state));
  const placed = new Set(segments.flatMap((s) => (s.type === "mark" ? [s.span.id] : [])));

  return (
    <>
      <Flash message={flash} />
      <ActionRefusal refusal={refusal} />
      <div className="page-head">
        <div>
          <p className="eyebrow">
            <Link to="/documents">答复文件</Link> / {document.ref ?? document.file_name}
          </p>
          <h1>{document.title || document.file_name}</h1>
        </div>
      </div>

      {staff && (unchecked > 0 || proposedLinks > 0) ? (
        <section className="card review-banner no-print" data-testid="review-banner">
          {unchecked > 0 ? (
            <p>
              这份文件有 <strong>{unchecked}</strong> 项提取结果（承诺和进展数据）尚未核对，核对前不会公开。{" "}
              <Link to={`/review?tab=extractions&document=${document.id}`} className="button button--small" data-testid="review-this-document">
                逐条核对 ›
              </Link>
            </p>
          ) : null}
          {proposedLinks > 0 ? (
            <p>
              涉及这份文件的待确认关联 <strong>{proposedLinks}</strong> 条。{" "}
              <Link to="/review?tab=links&order=newest" className="button button--small button--ghost">
                去审核队列 ›
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="card">
        <dl className="meta-grid">
          <div>
            <dt>答复单位</dt>
            <dd>{document.agency ?? "—"}</dd>
          </div>
          <div>
            <dt>代表 / 委员</dt>
            <dd>{addresseeLabel(document.addressee, document.addressee_role)}</dd>
          </div>
          <div>
            <dt>编号</dt>
            <dd>{document.ref ?? "—"}</dd>
          </div>
          <div>
            <dt>会议</dt>
            <dd>{document.session ?? "—"}</dd>
          </div>
          <div>
            <dt>答复日期</dt>
            <dd>{formatDate(document.replied_on)}</dd>
          </div>
          <div>
            <dt>地区</dt>
            <dd>{document.region ?? "—"}</dd>
          </div>
          <div>
            <dt>会办单位</dt>
            <dd>{document.co_agencies.length ? document.co_agencies.join("、") : "—"}</dd>
          </div>
          <div>
            <dt>文件</dt>
            <dd>
              {document.file_name}（{FORMAT_LABELS[document.format] ?? document.format}
              {document.encoding ? `，${document.encoding}` : ""}）
            </dd>
          </div>
          {staff ? (
            <div>
              <dt>提取引擎</dt>
              <dd data-testid="engine-version">
                {document.engine_version ?? "（未记录）"}
                {currentEngine && document.engine_version !== currentEngine ? <div className="sub">当前引擎为 {currentEngine}</div> : null}
                <Form method="post" className="inline-form" data-testid="reextract-form">
                  <input type="hidden" name="intent" value="reextract" />
                  <button type="submit" className="link-button" title="新增的结果记为未核对；已核对和修改过的结果不会改动">
                    按当前引擎重新提取
                  </button>
                </Form>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>入库</dt>
            <dd>
              {formatInstant(document.ingested_at)} · {SOURCE_LABELS[document.source] ?? document.source}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card table-card">
        <h2>
          承诺事项 <span className="count">{commitments.length}</span>
        </h2>
        {commitments.length === 0 ? (
          <p className="muted">未从这份文件中识别出承诺。</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="commitments-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>类型</th>
                  <th>指标</th>
                  <th>目标</th>
                  <th>基数</th>
                  <th>期限</th>
                  <th>责任单位</th>
                  <th>措辞</th>
                  <th>核对</th>
                  {staff ? <th className="no-print">操作</th> : null}
                </tr>
              </thead>
              <tbody>
                {commitments.map((c) => {
                  const anchor = markId("commitment", c.id);
                  return (
                    <tr key={c.id} className={c.needs_review ? "needs-review" : undefined} data-review-state={c.reviewState}>
                      <td>
                        {placed.has(anchor) ? (
                          <a href={`#${anchor}`} className="quote-link" title="在原文中查看">
                            {c.ordinal + 1}
                          </a>
                        ) : (
                          c.ordinal + 1
                        )}
                      </td>
                      <td>
                        <KindBadge kind={c.kind} />
                      </td>
                      <td>
                        <Link to={`/commitments/${c.id}`}>{c.indicator}</Link>
                        {c.needs_review ? <span className="tag tag--review">待复核</span> : null}
                        {placed.has(anchor) ? (
                          <div className="sub">
                            <a href={`#${anchor}`}>在原文中查看</a>
                          </div>
                        ) : null}
                      </td>
                      <td className="nowrap">{formatTarget(c)}</td>
                      <td className="nowrap">
                        {formatValue(c.baseline_value, c.baseline_unit)}
                        {c.baseline_as_of ? <div className="sub">截至 {formatDate(c.baseline_as_of)}</div> : null}
                      </td>
                      <td className="nowrap">
                        {c.due_date ? formatDate(c.due_date, c.due_precision) : "未定期限"}
                        {c.due_text ? <div className="sub">“{c.due_text}”</div> : null}
                      </td>
                      <td>{c.agency ?? "—"}</td>
                      <td className="nowrap">{firmnessLabel(c.firmness)}</td>
                      <td className="nowrap">
                        <ReviewMark state={c.reviewState} />
                      </td>
                      {staff ? (
                        <td className="no-print">
                          <ReadingActions kind="commitment" id={c.id} version={c.version} state={c.reviewState} />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card table-card">
        <h2>
          进展数据 <span className="count">{observations.length}</span>
        </h2>
        {observations.length === 0 ? (
          <p className="muted">未从这份文件中识别出进展数据。</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="observations-table">
              <thead>
                <tr>
                  <th>指标</th>
                  <th>数值</th>
                  <th>截至</th>
                  <th>原文</th>
                  <th>核对</th>
                  {staff ? <th className="no-print">操作</th> : null}
                </tr>
              </thead>
              <tbody>
                {observations.map((o) => {
                  const anchor = markId("observation", o.id);
                  return (
                    <tr key={o.id} data-review-state={o.reviewState}>
                      <td>{placed.has(anchor) ? <a href={`#${anchor}`}>{o.indicator}</a> : o.indicator}</td>
                      <td className="nowrap">{formatValue(o.value, o.unit, o.per)}</td>
                      <td className="nowrap">{formatDate(o.as_of)}</td>
                      <td className="quote-cell">{o.quote}</td>
                      <td className="nowrap">
                        <ReviewMark state={o.reviewState} />
                      </td>
                      {staff ? (
                        <td className="no-print">
                          <ReadingActions kind="observation" id={o.id} version={o.version} state={o.reviewState} />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {staff && excluded.length > 0 ? (
        <section className="card" data-testid="excluded-readings">
          <details className="disclosure">
            <summary>
              已排除 <span className="count">{excluded.length}</span>
            </summary>
            <p className="sub">审核人员核对后认为不是承诺或不是进展数据的提取结果。它们不计入任何列表和统计，记录仍保留，可以恢复。</p>
            <ul className="side-list">
              {excluded.map((x) => (
                <li key={x.id} data-testid="excluded-reading">
                  <ReviewMark state="excluded" />{" "}
                  {x.kind === "commitment" ? <Link to={`/commitments/${x.id}`}>{x.label}</Link> : x.label}
                  <div className="sub">
                    “{x.quote}”
                    {placed.has(markId(x.kind, x.id)) ? (
                      <>
                        {" "}
                        <a href={`#${markId(x.kind, x.id)}`}>在原文中查看</a>
                      </>
                    ) : null}
                  </div>
                  <div className="sub">
                    {x.reason}（{x.by}{x.at ? `，${formatInstant(x.at)}` : ""}）
                  </div>
                  <Form method="post" className="link-actions">
                    <input type="hidden" name="intent" value="restore" />
                    <input type="hidden" name="kind" value={x.kind} />
                    <input type="hidden" name="id" value={x.id} />
                    <input type="hidden" name="version" value={x.version} />
                    <button type="submit" className="button button--small button--ghost">
                      恢复
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}

      {staff && draft ? <AddPledgeForm draft={draft} errors={addErrors?.fieldErrors ?? {}} formError={addErrors?.formError} /> : null}

      <section className="card">
        <h2>原文</h2>
        {staff ? <AddPledgeBar text={document.text} documentId={document.id} /> : null}
        {draftError ? (
          <p className="field-error" role="alert">
            {draftError}
          </p>
        ) : null}
        <p className="legend" data-testid="text-legend">
          <mark className="mark mark--commitment">承诺</mark>
          <mark className="mark mark--observation">进展数据</mark>
          {(staff ? (["checked", "unchecked", "excluded"] as const) : shownStates).map((state) => (
            <mark key={state} className={`mark mark--legend mark--${state}`} data-review-label={MARK_BADGES[state]} title={REVIEW_STATE_TITLES[state]}>
              {REVIEW_STATE_LABELS[state]}
            </mark>
          ))}
          点击上方表格中的编号可跳转到原文位置，点击指标查看进展与状态。
        </p>
        <div className="document-text" data-testid="document-text">
          {segments.map((segment) =>
            segment.type === "text" ? (
              <span key={segment.start} data-start={segment.start}>
                {segment.text}
              </span>
            ) : (
              <mark
                key={segment.start}
                data-start={segment.start}
                id={segment.span.id}
                className={`mark mark--${segment.span.kind} mark--${segment.span.state}`}
                data-review-state={segment.span.state}
                // the badge after the words (CSS ::after): in the page and read out, never in the text's offsets
                data-review-label={MARK_BADGES[segment.span.state]}
                title={`${segment.span.label} · ${REVIEW_STATE_LABELS[segment.span.state]}：${REVIEW_STATE_TITLES[segment.span.state]}`}
              >
                {segment.text}
              </mark>
            ),
          )}
        </div>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
