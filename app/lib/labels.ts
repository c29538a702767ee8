// Chinese words for the tracking services' enums, shared by the pages.
import type { RevisionKind } from "~/domain/matching";

export const REVISION_LABELS: Record<RevisionKind, string> = {
  target_raised: "目标提高",
  target_lowered: "目标降低",
  date_moved_later: "期限推后",
  date_moved_earlier: "期限提前",
  measure_changed: "口径改变",
  restated: "重申",
  dropped: "未再提及",
};

export const LINK_KIND_LABELS = {
  observation: "后续数据",
  revision: "后续承诺（修订）",
  dropped: "后续文件未再提及",
} as const;

export const LINK_STATE_LABELS = { proposed: "待确认", confirmed: "已确认", rejected: "已否决" } as const;

export const UPDATE_SOURCE_LABELS = { agency: "承办单位报告", reviewer: "审核人员录入", document: "后续文件" } as const;

// Audit actions are dotted verbs chosen by the services ("update.added", "link.confirmed", …); the
// page names the ones it knows and shows the rest as they are rather than guessing.
const ACTION_WORDS: [RegExp, string][] = [
  [/^excluded$/, "排除（不是承诺 / 不是进展数据）"],
  [/^restored$/, "恢复被排除的结果"],
  [/^added$/, "审核人员补充承诺"],
  [/^exclusion_proposed$/, "重新提取后提议排除"],
  [/^exclusion_kept$/, "保留（不排除）"],
  [/^reextracted$/, "按新版引擎重新提取"],
  [/disagree.*resolv/i, "答复代表 / 委员的不同意见"],
  [/disagree/i, "代表 / 委员提出不同意见"],
  [/withdraw/i, "撤回承诺"],
  [/^confirmed$/, "确认提取结果"],
  [/^edited$/, "修改提取结果"],
  [/override.*clear|clear.*override/i, "取消人工认定"],
  [/override/i, "人工认定状态"],
  [/link.*confirm|confirm/i, "确认关联"],
  [/link.*reject|reject/i, "否决关联"],
  [/link.*propos|propos/i, "提出关联"],
  [/import/i, "表格导入进展"],
  [/update|progress|report/i, "报告进展"],
  [/revis/i, "修订"],
  [/creat|ingest|extract|insert/i, "从答复中提取"],
  [/edit|change/i, "修改"],
];

export function actionLabel(action: string): string {
  for (const [pattern, label] of ACTION_WORDS) if (pattern.test(action)) return label;
  return action;
}

const FIELD_WORDS: Record<string, string> = {
  value: "数值",
  asOf: "截至",
  as_of: "截至",
  note: "说明",
  evidenceUrl: "证据链接",
  evidence_url: "证据链接",
  status: "状态",
  reason: "理由",
  state: "状态",
  target_value: "目标值",
  due_date: "期限",
  indicator: "指标",
  done: "已完成",
  kind: "类型",
  score: "匹配度",
  revisionKind: "修订类型",
  derived: "推算状态",
  evidenceFileName: "证据文件",
  withdrawn: "撤回",
  source: "来源",
  targetValue: "目标值",
  targetValueMax: "目标上限",
  targetUnit: "单位",
  targetComparator: "比较方式",
  targetMode: "目标口径",
  baselineValue: "基线值",
  baselineAsOf: "基线日期",
  dueDate: "期限",
  duePrecision: "期限精度",
  agency: "责任单位",
  origin: "来源方式",
  needsReview: "待复核",
  disagreementId: "意见编号",
  resolution: "处理结果",
  laterDocumentId: "后续文件",
  reviewState: "核对状态",
};

export function fieldLabel(key: string): string {
  return FIELD_WORDS[key] ?? key;
}

/** The review state of what the machine read (docs/decisions/0030). */
export const REVIEW_STATE_LABELS = { unchecked: "未核对", checked: "已核对", excluded: "已排除" } as const;
