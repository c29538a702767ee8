// Turns service errors into the JSON API's answers: 400 with field errors, 403, 404, 409; every body
// is { error } in plain words. Thrown Responses (from requireUser) pass through unchanged.
import { json, MaxPartSizeExceededError } from "@remix-run/node";
import { InputError, readForm, readJsonObject } from "../lib/request.server";
import { NotFoundError, PermissionError, StaleError, ValidationError } from "./tracking-types";

export function apiError(error: unknown): Response {
  if (error instanceof Response) return error;
  if (error instanceof InputError) return json({ error: error.message, ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}) }, { status: error.status });
  if (error instanceof MaxPartSizeExceededError) return json({ error: `文件过大：上限为 ${Math.round(error.maxBytes / 1024 / 1024)} MB。` }, { status: 413 });
  // made from a stale read: 409, "已被他人修改…" and what the row holds now (decisions 0027, 0038)
  if (error instanceof StaleError) return json({ error: error.message, ...error.details() }, { status: 409 });
  if (error instanceof ValidationError) return json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 400 });
  if (error instanceof PermissionError) return json({ error: error.message }, { status: 403 });
  if (error instanceof NotFoundError) return json({ error: error.message }, { status: 404 });
  throw error;
}

/** Runs a handler and maps the known errors; anything else is a 500 from Remix. */
export async function withApiErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return apiError(error);
  }
}

/**
 * A write's fields from a JSON object or form fields, read and checked by app/lib/request.server.ts:
 * a body that is not a JSON object or a readable form, bad text or an absurd number throws an
 * InputError, which withApiErrors answers with 400 / 413 / 415.
 */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return readJsonObject(request);
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") {
    return Object.fromEntries(await readForm(request, { maxFileBytes: 10 * 1024 * 1024 }));
  }
  throw new InputError("请以 JSON（application/json）或表单提交。", 415);
}

/** A field as text: strings as they are, numbers and booleans written out, absent as undefined. */
export function textField(value: unknown): string | undefined {
  return typeof value === "string" ? value : value === undefined || value === null ? undefined : String(value);
}

/** Today's date in the server's zone, for asOf defaults at the edge (services take it as a parameter). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
