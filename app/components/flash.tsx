/** The one-time notice a redirect carries ("已导入…", "已确认关联"). Renders nothing without one. */
export function Flash({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="flash" role="status" data-testid="flash">
      {message}
    </div>
  );
}
