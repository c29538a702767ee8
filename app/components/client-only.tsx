import { useEffect, useState, type ReactNode } from "react";

/**
 * Renders `children()` only after hydration. recharts measures the DOM and draws only in the
 * browser (docs/decisions/0010-ui-pages-and-charts.md); on the server and in the first client
 * render the `fallback` keeps the same box so the page does not jump.
 */
export function ClientOnly({ children, fallback = null }: { children: () => ReactNode; fallback?: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}
