/** Why the matcher proposed a link ("指标相近：…", "单位一致：…"); nothing when it gave no reasons. */
export function ReasonList({ reasons }: { reasons: string[] }) {
  if (!reasons.length) return null;
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}
