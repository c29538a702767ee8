/**
 * A refused action shown at the top of a page: a stale decision (409, "已被他人修改") with the note that
 * the page now shows what it holds, or another refusal with its reason (decisions 0027, 0038).
 */
export function ActionRefusal({ refusal, refreshed = "页面" }: { refusal?: { formError?: string | null; current?: unknown } | null; refreshed?: string }) {
  if (!refusal?.formError) return null;
  const stale = Boolean(refusal.current);
  return (
    <div className="alert alert--error" role="alert" data-testid="action-error" data-status={stale ? "stale" : "refused"}>
      <strong>{stale ? "已被他人修改，操作未执行。" : "操作未执行。"}</strong>
      <p>{refusal.formError}</p>
      {stale ? <p className="sub">{refreshed}已按当前内容刷新，请核对后再操作。</p> : null}
    </div>
  );
}
