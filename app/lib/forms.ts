// One zod schema per form, imported by the route action (server) and by the page (client) for the
// field names and limits, so both sides agree. A failed parse becomes a 400 with `fieldErrors`
// shown next to the fields (see FieldError).
import { z } from "zod";
import { STATUSES } from "~/domain/types";
import { dayProblem, isRealDay, isWellFormedText, normalizeNumber, numberProblem } from "~/lib/input-rules";

// A real day in 1900–2200 (input-rules.ts): 2025-02-30 and 0000-01-01 are refused with the reason.
const isoDay = z
  .string({ error: "请填写日期。" })
  .trim()
  .min(1, { error: "请填写日期。" })
  .refine(isRealDay, { error: (issue) => dayProblem(String(issue.input)) ?? "不是有效的日期。" });

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((s) => (s ? s : undefined));

const progressValue = z
  .string()
  .trim()
  .transform((s) => s.replace(/[,，\s]/g, ""))
  .refine((s) => s === "" || Number.isFinite(Number(s)), { error: "数值应为数字，例如 52 或 85.5。" })
  .refine((s) => s === "" || numberProblem(Number(s)) === null, { error: "数值超出合理范围（绝对值不超过 10 的 15 次方）。" })
  .transform((s) => (s === "" ? undefined : normalizeNumber(Number(s))));

/**
 * The progress form. A quantitative pledge needs a number; a milestone needs 已完成/尚未完成 (a
 * number is optional); a qualitative pledge takes either. Parsed the same way by the action.
 */
export function progressFormSchema(kind: "quantitative" | "milestone" | "qualitative") {
  return z
    .object({
      value: progressValue.optional(),
      done: z
        .enum(["", "yes", "no"])
        .optional()
        .transform((s) => (s === "yes" ? true : s === "no" ? false : undefined)),
      asOf: isoDay,
      note: optionalText(2000, "说明不超过 2000 字。"),
      evidenceUrl: z
        .string()
        .trim()
        .max(2000, { error: "链接过长。" })
        .refine((s) => s === "" || /^https?:\/\/\S+$/i.test(s), { error: "证据链接应以 http:// 或 https:// 开头。" })
        .optional()
        .transform((s) => (s ? s : undefined)),
    })
    .superRefine((data, ctx) => {
      if (kind === "quantitative" && data.value === undefined) {
        ctx.addIssue({ code: "custom", path: ["value"], message: "请填写数值。" });
      }
      if (kind === "milestone" && data.done === undefined) {
        ctx.addIssue({ code: "custom", path: ["done"], message: "请选择完成情况。" });
      }
      if (kind === "qualitative" && data.value === undefined && data.done === undefined && !data.note) {
        ctx.addIssue({ code: "custom", path: ["note"], message: "请填写进展说明。" });
      }
    });
}
export type ProgressForm = z.infer<ReturnType<typeof progressFormSchema>>;

export const OverrideFormSchema = z.object({
  status: z.enum(STATUSES, { error: "请选择要认定的状态。" }),
  reason: z.string({ error: "请写明理由。" }).trim().min(2, { error: "请写明理由（至少 2 个字）。" }).max(1000, { error: "理由不超过 1000 字。" }),
});

export const WithdrawFormSchema = z.object({
  reason: z.string({ error: "请写明撤回理由。" }).trim().min(2, { error: "请写明撤回理由（至少 2 个字）。" }).max(1000, { error: "理由不超过 1000 字。" }),
});

export const LinkDecisionSchema = z.object({
  linkId: z.string().trim().min(1).max(100),
  decision: z.enum(["confirm", "reject"]),
  reason: optionalText(1000, "理由不超过 1000 字。"),
});

export const ResolveFormSchema = z
  .object({
    disagreementId: z.string().trim().min(1).max(100),
    resolution: z.enum(["upheld", "overridden"], { error: "请选择维持原状态还是调整状态。" }),
    status: z.string().trim().max(40).optional(),
    response: z.string({ error: "请写下给代表 / 委员的答复。" }).trim().min(2, { error: "请写下给代表 / 委员的答复（至少 2 个字）。" }).max(2000, { error: "答复不超过 2000 字。" }),
  })
  .superRefine((data, ctx) => {
    if (data.resolution === "overridden" && !(STATUSES as readonly string[]).includes(data.status ?? "")) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "请选择调整后的状态。" });
    }
  });

export const LoginFormSchema = z.object({
  username: z.string({ error: "请填写用户名。" }).trim().min(1, { error: "请填写用户名。" }).max(100),
  password: z.string({ error: "请填写密码。" }).min(1, { error: "请填写密码。" }).max(500),
  redirectTo: z.string().optional(),
});

export const DisagreeFormSchema = z.object({
  commitmentId: z.string().trim().min(1).max(100),
  note: z.string({ error: "请写下您的意见。" }).trim().min(2, { error: "请写下您的意见（至少 2 个字）。" }).max(2000, { error: "意见不超过 2000 字。" }),
});

export type FieldErrors = Record<string, string[] | undefined>;

/** The first message per field, the shape the pages render. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/** FormData → plain object of strings (files and repeated keys dropped), for safeParse. */
export function formFields(form: FormData, names: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name of names) {
    const value = form.get(name);
    out[name] = typeof value === "string" ? value : undefined;
  }
  return out;
}

/**
 * The version a page's form was made from (hidden field `version`, decisions 0027 and 0038). A form
 * without one reads as 0, which the services refuse as 缺少版本号: every form that changes a
 * commitment or a figure must say which version of it the reviewer saw.
 */
export function formVersion(form: FormData): number {
  const raw = form.get("version");
  return typeof raw === "string" && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : 0;
}

/** The same for the JSON API, where `version` is optional: absent → undefined, anything else as sent. */
export function bodyVersion(body: Record<string, unknown>): number | undefined {
  const raw = body.version;
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw === "string" && /^\d{1,9}$/.test(raw.trim())) return Number(raw.trim());
  return typeof raw === "number" ? raw : 0;
}

/**
 * Only same-site paths are followed after login, never `//evil.example`, `/\evil.example`, an
 * absolute URL or a path with a control character in it (browsers drop tabs and newlines from a
 * URL, so `/\t/evil.example` would become `//evil.example`). The path is returned as the URL
 * parser writes it — percent-encoded, so it is always a valid Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 2000 || !to.startsWith("/")) return fallback;
  // C0 controls, DEL, C1 controls; a backslash counts as a slash to browsers.
  if (/[\u0000-\u001F\u007F-\u009F\\]/.test(to) || to.startsWith("//")) return fallback;
  if (!isWellFormedText(to)) return fallback;
  const base = "http://same-site.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
