import { statusLabel, statusTone } from "~/lib/status-style";

/**
 * A derived status as a coloured pill with its Chinese label. An override by a reviewer is marked
 * "人工认定" so nobody mistakes a judgement for a computed result.
 */
export function StatusBadge({
  status,
  label,
  overridden = false,
  size = "md",
}: {
  status: string;
  label?: string;
  overridden?: boolean;
  size?: "sm" | "md";
}) {
  const tone = statusTone(status);
  return (
    <span
      className={`status status--${tone} status--${size}`}
      data-testid="status-badge"
      data-status={status}
      title={overridden ? "审核人员人工认定的状态" : undefined}
    >
      <span className="status__dot" aria-hidden="true" />
      {label ?? statusLabel(status)}
      {overridden ? <span className="status__override">人工认定</span> : null}
    </span>
  );
}

/** The badge with the sentence a deputy reads under it. */
export function StatusBlock({
  status,
  label,
  explanation,
  overridden,
  asOf,
}: {
  status: string;
  label?: string;
  explanation: string;
  overridden?: boolean;
  asOf?: string;
}) {
  return (
    <div className={`status-block status-block--${statusTone(status)}`}>
      <div className="status-block__head">
        <StatusBadge status={status} label={label} overridden={overridden} />
        {asOf ? <span className="sub">截至 {asOf}</span> : null}
      </div>
      <p className="status-block__text" data-testid="status-explanation">
        {explanation}
      </p>
    </div>
  );
}
