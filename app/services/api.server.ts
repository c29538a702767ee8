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

/** Today's date in the server's zone, for asOf defaults at the edge (services take it as a parameter). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
