// Turns service errors into the JSON API's answers: 400 with field errors, 403, 404; every body
// is { error } in plain words. Thrown Responses (from requireUser) pass through unchanged.
import { json } from "@remix-run/node";
import { NotFoundError, PermissionError, ValidationError } from "./tracking-types";

export function apiError(error: unknown): Response {
  if (error instanceof Response) return error;
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
 * A write's fields from a JSON object or form fields. Null when a JSON body is not an object; the
 * caller answers 400.
 */
export async function readBody(request: Request): Promise<Record<string, unknown> | null> {
  if ((request.headers.get("Content-Type") ?? "").includes("application/json")) {
    const parsed: unknown = await request.json().catch(() => null);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    return parsed as Record<string, unknown>;
  }
  return Object.fromEntries(await request.formData());
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
