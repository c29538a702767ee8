import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { logOut } from "~/lib/user.server";

// POST only: a GET that logs out could be triggered by any image tag on another site.
export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await logOut(request);
  return redirect("/", setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export async function loader() {
  return redirect("/");
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
