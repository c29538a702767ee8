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

/** <option>s for every status (or only those in `only`), in the order the lists filter by. */
export function StatusOptions({ only }: { only?: readonly string[] } = {}) {
  const statuses = only ? STATUS_FILTER_ORDER.filter((s) => only.includes(s)) : STATUS_FILTER_ORDER;
  return <LabelledOptions labels={Object.fromEntries(statuses.map((s) => [s, statusLabel(s)]))} />;
}
