// How a derived status looks: a tone (colour family) per status group. Pure and shared by the
// badge, the lists and the annual review so one status never wears two colours.
import { groupOf, isKnownStatus, STATUS_LABELS, type Status, type StatusGroup } from "~/domain/status";

export type StatusTone = "kept" | "on-track" | "behind" | "missed" | "overdue" | "pending" | "vague" | "withdrawn";

// "Not yet rated" (pending) is a neutral grey with a dashed outline: PolitiFact's lesson that
// "暂无数据" must never read as "no progress", so it shares no colour with behind/missed.
const TONE_BY_GROUP: Record<StatusGroup, StatusTone> = {
  kept: "kept",
  onTrack: "on-track",
  behind: "behind",
  missed: "missed",
  overdue: "overdue",
  pending: "pending",
  unrateable: "vague",
  withdrawn: "withdrawn",
};

export const GROUP_LABELS: Record<StatusGroup, string> = {
  kept: "已兑现",
  onTrack: "进度正常",
  behind: "进度落后",
  missed: "未兑现",
  overdue: "逾期无证据",
  pending: "暂无数据 / 推进中",
  unrateable: "笼统表述",
  withdrawn: "已撤回",
};

/** Chart colours per group, the same hues as the badges in app.css. */
export const GROUP_COLORS: Record<StatusGroup, string> = {
  kept: "#1f7a4d",
  onTrack: "#2b7bb9",
  behind: "#c27c0e",
  missed: "#b3261e",
  overdue: "#d9622b",
  pending: "#9aa3b2",
  unrateable: "#8a6d9e",
  withdrawn: "#c4c9d2",
};

export function statusTone(status: string): StatusTone {
  return isKnownStatus(status) ? TONE_BY_GROUP[groupOf(status)] : "pending";
}

export function statusLabel(status: string): string {
  return isKnownStatus(status) ? STATUS_LABELS[status] : status;
}

/** The statuses in the order a filter menu lists them: good news first, unknowns last. */
export const STATUS_FILTER_ORDER: Status[] = [
  "achieved_on_time",
  "achieved_late",
  "milestone_done",
  "open_ended_achieved",
  "not_due_on_track",
  "not_due_behind",
  "missed",
  "milestone_not_done",
  "overdue_no_evidence",
  "not_due_no_data",
  "not_due_in_progress",
  "milestone_pending",
  "open_ended_no_data",
  "open_ended_in_progress",
  "vague",
  "withdrawn",
];
