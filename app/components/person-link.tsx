import { Link } from "@remix-run/react";

/** A deputy or member, linked to what they were promised; "—" when the reply names nobody. */
export function PersonLink({ name, role }: { name: string | null; role?: string | null }) {
  if (!name) return <>—</>;
  return (
    <Link to={`/deputies/${encodeURIComponent(name)}`}>
      {name}
      {role ?? ""}
    </Link>
  );
}
