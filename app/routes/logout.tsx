import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { clientAddress, logOut } from "~/lib/user.server";

// POST only: a GET that logs out could be triggered by any image tag on another site.
export async function action({ request, context }: ActionFunctionArgs) {
  // The session's row is deleted, so the cookie is worthless even if it was copied (decision 0026).
  const setCookie = await logOut(request, clientAddress(context));
  return redirect("/", setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export async function loader() {
  return redirect("/");
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
