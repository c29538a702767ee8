import { createCookie } from "@remix-run/node";

// A one-shot message carried across a redirect. It holds no secret (e.g. "新增 3 项承诺"), so an
// unsigned cookie is enough; the page that shows it clears it.
const flashCookie = createCookie("tracker_flash", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60,
});

export async function setFlash(message: string): Promise<string> {
  return flashCookie.serialize(message);
}

/** The pending message, and the Set-Cookie header that clears it (only when there was one). */
export async function takeFlash(request: Request): Promise<{ message: string | null; headers: HeadersInit }> {
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || value === "") return { message: null, headers: {} };
  return { message: value, headers: { "Set-Cookie": await flashCookie.serialize("", { maxAge: 0 }) } };
}
