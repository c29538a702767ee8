// Who may do what on the pages. The services enforce the same rules (and are the authority); these
// only decide which forms and buttons to show, so nobody is offered a button that ends in a 403.
import type { Role } from "~/services/tracking-types";

export interface Viewer {
  name: string;
  role: Role;
  agency?: string | null;
  person?: string | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "管理员",
  reviewer: "审核人员",
  agency: "承办单位",
  deputy: "代表 / 委员",
  public: "公众",
};

export function isReviewer(user: Viewer | null | undefined): boolean {
  return user?.role === "reviewer" || user?.role === "admin";
}

/** Agencies report on their own agency's commitments; reviewers on any. */
export function canReportProgress(user: Viewer | null | undefined, agency: string | null): boolean {
  if (!user) return false;
  if (isReviewer(user)) return true;
  return user.role === "agency" && Boolean(user.agency) && user.agency === agency;
}

export function canImport(user: Viewer | null | undefined): boolean {
  return isReviewer(user) || user?.role === "agency";
}
