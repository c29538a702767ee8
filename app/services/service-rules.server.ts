// Small rules every tracking service applies: who counts as staff, what an ISO day is, and how a
// zod error becomes the field errors a page or the API shows.
import type { z } from "zod";
import { PermissionError, type User } from "./tracking-types";

/** Reviewers and admins: the congress or CPPCC office staff. */
export function isStaff(user: User): boolean {
  return user.role === "admin" || user.role === "reviewer";
}

export function requireStaff(user: User, what: string): void {
  if (!isStaff(user)) throw new PermissionError(`只有审核人员或管理员可以${what}。`);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD and a real calendar day (2025-02-30 is not). */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Each message under the name of the field it is about ("form" when none). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}
