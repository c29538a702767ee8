import { kindLabel } from "~/lib/format";

export function KindBadge({ kind }: { kind: string }) {
  return <span className={`badge badge--${kind}`}>{kindLabel(kind)}</span>;
}
