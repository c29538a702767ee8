import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldError } from "~/components/field-error";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { fieldErrorsOf, formFields, LoginFormSchema, safeRedirect, type FieldErrors } from "~/lib/forms";
import { readPageForm } from "~/lib/request.server";
import { clientAddress, getViewer, logIn } from "~/lib/user.server";

export const meta: MetaFunction = () => [{ title: "登录 · 承诺跟踪" }];

/** A throttled login's Retry-After reaches the page's answer too, not only a fetcher's. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const user = await getViewer(request);
  return json({ redirectTo, current: user ? user.name : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = LoginFormSchema.safeParse(formFields(await readPageForm(request), ["username", "password", "redirectTo"]));
  if (!parsed.success) {
    return json({ fieldErrors: fieldErrorsOf(parsed.error) as FieldErrors, formError: null }, { status: 400 });
  }
  const session = await logIn(request, { username: parsed.data.username, password: parsed.data.password, address: clientAddress(context) });
  if (session.status === "throttled") {
    return json(
      { fieldErrors: {} as FieldErrors, formError: session.message },
      { status: 429, headers: { "Retry-After": String(session.retryAfterSeconds) } },
    );
  }
  if (session.status === "wrong") {
    // One message for a wrong name and a wrong password, so the form does not reveal which names exist.
    return json({ fieldErrors: {} as FieldErrors, formError: "用户名或密码不正确。" }, { status: 400 });
  }
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": session.setCookie } });
}

export default function Login() {
  const { redirectTo, current } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="card login-card">
      <h1>登录</h1>
      <p className="muted">承办单位、审核人员和代表 / 委员登录后可报告进展、审核关联或提出意见。公众无需登录即可查看。</p>
      {current ? <p className="sub">当前已登录：{current}。再次登录将切换账号。</p> : null}
      <Form method="post" className="form" data-testid="login-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <label className="field">
          <span>用户名</span>
          <input type="text" name="username" autoComplete="username" required aria-invalid={Boolean(data?.fieldErrors.username) || undefined} />
          <FieldError id="username" errors={data?.fieldErrors.username} />
        </label>
        <label className="field">
          <span>密码</span>
          <input type="password" name="password" autoComplete="current-password" required aria-invalid={Boolean(data?.fieldErrors.password) || undefined} />
          <FieldError id="password" errors={data?.fieldErrors.password} />
        </label>
        {data?.formError ? (
          <p className="field-error" role="alert" data-testid="login-error">
            {data.formError}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--navy" disabled={busy}>
            {busy ? "正在登录…" : "登录"}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
