import { STATUS_FILTER_ORDER, statusLabel } from "~/lib/status-style";

/** <option>s for a menu: one per key of `labels`, in their order, showing the Chinese label. */
export function LabelledOptions({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** <option>s for every status, in the order the lists filter by. */
export function StatusOptions() {
  return <LabelledOptions labels={Object.fromEntries(STATUS_FILTER_ORDER.map((s) => [s, statusLabel(s)]))} />;
}
