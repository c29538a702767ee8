// Small rules every tracking service applies: who counts as staff, what an ISO day is, and how a
// zod error becomes the field errors a page or the API shows.
import type { z } from "zod";
import { isRealDay } from "../lib/input-rules";
import { PermissionError, type User } from "./tracking-types";

/** Reviewers and admins: the congress or CPPCC office staff. */
export function isStaff(user: User): boolean {
  return user.role === "admin" || user.role === "reviewer";
}

export function requireStaff(user: User, what: string): void {
  if (!isStaff(user)) throw new PermissionError(`只有审核人员或管理员可以${what}。`);
}

/** YYYY-MM-DD, a real calendar day (2025-02-30 is not), in 1900–2200 (0000-01-01 is not): input-rules.ts. */
export function isIsoDay(value: string): boolean {
  return isRealDay(value);
}

/** Each message under the name of the field it is about ("form" when none). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}
