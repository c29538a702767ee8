import { Form } from "@remix-run/react";
import { FieldError } from "~/components/field-error";
import type { FieldErrors } from "~/lib/forms";

/**
 * Confirm / reject with an optional reason; shared with the review queue. `version` is the
 * commitment's as shown beside the figure: a decision made from a stale page is refused (decision 0038).
 */
export function LinkDecisionForm({ linkId, version, errors, action }: { linkId: string; version?: number; errors?: FieldErrors; action?: string }) {
  return (
    <Form method="post" action={action} className="link-actions" data-testid="link-decision">
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="linkId" value={linkId} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="text" name="reason" placeholder="理由（可选）" aria-label="理由（可选）" maxLength={1000} />
      <button type="submit" name="decision" value="confirm" className="button button--small button--confirm">
        确认
      </button>
      <button type="submit" name="decision" value="reject" className="button button--small button--reject">
        否决
      </button>
      <FieldError id={`reason-${linkId}`} errors={errors?.reason} />
    </Form>
  );
}
