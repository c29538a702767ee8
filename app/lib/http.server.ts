// Maps the services' errors to HTTP answers, so every action handles them the same way: a 403 page
// for a permission problem, a 404 for an unknown id, a 400 with field errors for bad input.
import { json } from "@remix-run/node";
import { NotFoundError, PermissionError, StaleError, ValidationError } from "~/services/tracking-types";

export function forbidden(message = "您没有权限执行此操作。"): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "您访问的内容不存在或已被移除。"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

/**
 * Runs a service call; a ValidationError becomes a 400 with `{ formError, fieldErrors, intent }`, a
 * StaleError (made from a page someone else's change has overtaken) a 409 with the same and
 * `current` — what the row holds now —, a PermissionError is thrown as a 403 (shown by the route's
 * ErrorBoundary), NotFoundError as a 404.
 */
export async function serviceCall<T>(intent: string, fn: () => Promise<T>): Promise<T | Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StaleError) {
      return json({ intent, formError: error.message, fieldErrors: error.fieldErrors, ...error.details() }, { status: 409 });
    }
    if (error instanceof ValidationError) {
      return json({ intent, formError: error.message, fieldErrors: error.fieldErrors }, { status: 400 });
    }
    if (error instanceof PermissionError) throw forbidden(error.message || undefined);
    if (error instanceof NotFoundError) throw notFound(error.message || undefined);
    throw error;
  }
}
