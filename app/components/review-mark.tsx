import { REVIEW_STATE_LABELS } from "~/lib/labels";
import type { ReviewState } from "~/services/tracking-types";

/** What each state means, for a mark's title (the lists' pill and the full text's highlight). */
export const REVIEW_STATE_TITLES: Record<ReviewState, string> = {
  unchecked: "系统提取的结果，尚未经审核人员核对原文",
  checked: "审核人员已核对原文（确认或修改）",
  excluded: "审核人员核对后排除：不是承诺或不是进展数据",
};

/**
 * 未核对 / 已核对 / 已排除 beside a commitment or a figure, on every list and page, so that an
 * unchecked reading never passes for a fact (docs/decisions/0030).
 */
export function ReviewMark({ state, detail }: { state: ReviewState; detail?: string | null }) {
  return (
    <span className={`review-mark review-mark--${state}`} data-testid="review-mark" data-state={state} title={detail ?? REVIEW_STATE_TITLES[state]}>
      {REVIEW_STATE_LABELS[state]}
    </span>
  );
}
