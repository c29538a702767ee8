// Sessions, tokens and the login throttle on a real SQLite file and a real PostgreSQL server
// (issue 10 item 2, docs/decisions/0026).
import { beforeAll, expect, it } from "vitest";
import { authenticate, ACCOUNT_FAILURES, ADDRESS_FAILURES, login, logout, sessionPolicy, throttledAddress } from "../../app/services/auth.server";
import { addUser, changePassword, disableUser, enableUser, issueApiToken, revokeTokens } from "../../app/services/users.server";
import { describeEachDatabase } from "./databases";

const PASSWORD = "correct-horse-42";
const T0 = new Date("2026-12-02T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(() => {
  process.env.SESSION_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
});

/** The request a browser sends with the cookie from a Set-Cookie header. */
function withCookie(setCookie: string): Request {
  return new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } });
}
const withToken = (token: string) => new Request("http://localhost/api/commitments", { headers: { Authorization: `Bearer ${token}` } });

describeEachDatabase("sessions and tokens", (ctx) => {
  async function reviewer(name = "审核员") {
    await addUser(ctx.db, { name, role: "reviewer", password: PASSWORD, actor: "test" });
  }
  async function signIn(name = "审核员", now = T0, address: string | null = "10.0.0.1") {
    const result = await login(ctx.db, { name, password: PASSWORD, address, now });
    if (result.status !== "ok") throw new Error(`login failed: ${result.status}`);
    return result.setCookie;
  }

  it("a session is a row: the cookie works until logout deletes it, then the same cookie is refused", async () => {
    await reviewer();
    const cookie = await signIn();
    expect(await ctx.db.selectFrom("sessions").select("id").execute()).toHaveLength(1);
    expect((await authenticate(withCookie(cookie), ctx.db, at(1000)))?.name).toBe("审核员");
    const cleared = await logout(ctx.db, withCookie(cookie), { address: "10.0.0.1", now: at(2000) });
    expect(cleared).toMatch(/^__session=; /);
    expect(await ctx.db.selectFrom("sessions").select("id").execute()).toHaveLength(0);
    expect(await authenticate(withCookie(cookie), ctx.db, at(3000))).toBeNull();
  });

  it("the cookie holds a token whose hash is the key: the stored id does not work as a cookie", async () => {
    await reviewer();
    const cookie = await signIn();
    const { id } = await ctx.db.selectFrom("sessions").select("id").executeTakeFirstOrThrow();
    expect(cookie).not.toContain(id);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a session ends when idle for longer than the idle limit, and at its absolute end however busy", async () => {
    await reviewer();
    const { idleMs, maxAgeMs } = sessionPolicy();
    const idle = await signIn();
    expect(await authenticate(withCookie(idle), ctx.db, at(idleMs - 60_000))).not.toBeNull();
    // last used at idleMs - 60 s; idle from then on
    expect(await authenticate(withCookie(idle), ctx.db, at(2 * idleMs))).toBeNull();

    const busy = await signIn();
    for (let t = 0; t < maxAgeMs; t += idleMs / 2) expect(await authenticate(withCookie(busy), ctx.db, at(t))).not.toBeNull();
    expect(await authenticate(withCookie(busy), ctx.db, at(maxAgeMs))).toBeNull();
    expect(await ctx.db.selectFrom("sessions").select("id").execute()).toHaveLength(0);
  });

  it("logins and logouts are in the audit log, with the address", async () => {
    await reviewer();
    const cookie = await signIn("审核员", T0, "192.0.2.7");
    await logout(ctx.db, withCookie(cookie), { address: "192.0.2.7", now: at(1000) });
    const events = await ctx.db.selectFrom("events").select(["action", "actor", "after"]).where("entity_type", "=", "user").orderBy("id").execute();
    expect(events.map((e) => e.action)).toEqual(["created", "logged_in", "logged_out"]);
    expect(events.slice(1).map((e) => [e.actor, JSON.parse(e.after!).address])).toEqual([
      ["审核员", "192.0.2.7"],
      ["审核员", "192.0.2.7"],
    ]);
  });

  it(`the ${ACCOUNT_FAILURES + 1}th attempt after ${ACCOUNT_FAILURES} wrong passwords in a minute is refused even with the right one, and works again after the minute`, async () => {
    await reviewer();
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      expect((await login(ctx.db, { name: "审核员", password: "wrong-password-1", address: `10.0.0.${i}`, now: at(i * 1000) })).status).toBe("wrong");
    }
    const throttled = await login(ctx.db, { name: "审核员", password: PASSWORD, address: "10.0.1.1", now: at(10_000) });
    expect(throttled).toEqual({
      status: "throttled",
      retryAfterSeconds: 50,
      message: "登录尝试过于频繁：该账号 1 分钟内已有 10 次密码错误，请 50 秒后再试。",
    });
    // the name is matched as typed, without case or surrounding blanks
    expect((await login(ctx.db, { name: " 审核员 ", password: PASSWORD, address: null, now: at(10_000) })).status).toBe("throttled");
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: "10.0.1.1", now: at(60_001) })).status).toBe("ok");
    // a success clears the account's count
    expect((await login(ctx.db, { name: "审核员", password: "wrong-password-1", address: null, now: at(61_000) })).status).toBe("wrong");
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: null, now: at(62_000) })).status).toBe("ok");
  });

  it(`of 30 wrong passwords for one account sent at once, at most ${ACCOUNT_FAILURES} are checked; the rest, and the right one after them, are refused`, async () => {
    await reviewer();
    // each from its own address, as a botnet would: only the account's limit applies
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(ctx.db, { name: "审核员", password: `guess-${i}`, address: `192.0.2.${i}`, now: at(i) })),
    );
    const statuses = guesses.map((g) => g.status);
    // before the attempt was counted ahead of its scrypt check, all 30 were checked
    expect(statuses.filter((s) => s === "wrong")).toHaveLength(ACCOUNT_FAILURES);
    expect(statuses.filter((s) => s === "throttled")).toHaveLength(30 - ACCOUNT_FAILURES);
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: "192.0.2.200", now: at(1000) })).status).toBe("throttled");
    // the failures stored are the attempts checked, one per key each
    const stored = await ctx.db.selectFrom("login_failures").select("key").execute();
    expect(stored.filter((r) => r.key.startsWith("account:"))).toHaveLength(ACCOUNT_FAILURES);
    expect(stored.filter((r) => r.key.startsWith("address:"))).toHaveLength(ACCOUNT_FAILURES);
  });

  it("a right password leaves no failure behind for its account or its address", async () => {
    await reviewer();
    expect((await login(ctx.db, { name: "审核员", password: "wrong-password-1", address: "10.9.9.9", now: T0 })).status).toBe("wrong");
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: "10.9.9.9", now: at(1000) })).status).toBe("ok");
    // the account's are cleared; the address keeps its earlier failure, not the successful attempt
    expect(await ctx.db.selectFrom("login_failures").select("key").execute()).toEqual([{ key: "address:10.9.9.9" }]);
  });

  it(`one address is throttled after ${ADDRESS_FAILURES} failed logins across accounts, other addresses are not`, async () => {
    await reviewer();
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      await login(ctx.db, { name: `猜测${i}`, password: "wrong-password-1", address: "203.0.113.9", now: at(i * 100) });
    }
    const refused = await login(ctx.db, { name: "审核员", password: PASSWORD, address: "203.0.113.9", now: at(4000) });
    expect(refused.status).toBe("throttled");
    expect(refused.status === "throttled" && refused.message).toMatch(/^登录尝试过于频繁：来自您网络地址的登录 1 分钟内已失败 30 次/);
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: "198.51.100.1", now: at(4000) })).status).toBe("ok");
  });

  it("an IPv6 client is counted by its /64, so cycling through its addresses does not escape the address limit", async () => {
    expect(throttledAddress("2001:db8:1:2::7")).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    await reviewer();
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      await login(ctx.db, { name: `猜测${i}`, password: "wrong-password-1", address: `2001:db8:1:2::${(i + 1).toString(16)}`, now: at(i * 100) });
    }
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: "2001:db8:1:2:ffff::1", now: at(4000) })).status).toBe("throttled");
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: "2001:db8:1:3::1", now: at(4000) })).status).toBe("ok");
  });

  it("a name that does not exist costs the same scrypt work as a wrong password", async () => {
    await reviewer();
    const time = async (name: string) => {
      const started = performance.now();
      expect((await login(ctx.db, { name, password: "wrong-password-1", address: null, now: T0 })).status).toBe("wrong");
      return performance.now() - started;
    };
    await time("没有这个人"); // the dummy hash is made once
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await time(`没有这个人${i}`));
      known.push(await time("审核员"));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    // Without the dummy hash an unknown name answered in ~1 ms against ~40 ms for a real one.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });

  it("a token works until it expires or is revoked", async () => {
    await reviewer();
    const issued = new Date("2025-03-01T08:00:00.000Z");
    const { token, expiresAt } = await issueApiToken(ctx.db, { name: "审核员", actor: "test", days: 30, now: issued });
    expect(expiresAt).toBe("2025-03-31T08:00:00.000Z");
    expect((await authenticate(withToken(token), ctx.db, new Date("2025-03-30T08:00:00.000Z")))?.name).toBe("审核员");
    expect(await authenticate(withToken(token), ctx.db, new Date("2025-03-31T08:00:00.000Z"))).toBeNull();
    expect(await authenticate(withToken(token), ctx.db)).toBeNull();

    const live = await issueApiToken(ctx.db, { name: "审核员", actor: "test" });
    const other = await issueApiToken(ctx.db, { name: "审核员", actor: "test" });
    expect(await revokeTokens(ctx.db, { name: "审核员", actor: "test", token: live.token })).toBe(1);
    expect(await authenticate(withToken(live.token), ctx.db)).toBeNull();
    expect(await authenticate(withToken(other.token), ctx.db)).not.toBeNull();
    expect(await revokeTokens(ctx.db, { name: "审核员", actor: "test" })).toBe(1);
    expect(await authenticate(withToken(other.token), ctx.db)).toBeNull();
  });

  it("disabling a user ends their sessions and refuses their tokens and logins until enabled", async () => {
    await reviewer();
    const cookie = await signIn("审核员", new Date());
    const { token } = await issueApiToken(ctx.db, { name: "审核员", actor: "test" });
    await disableUser(ctx.db, { name: "审核员", actor: "admin" });
    expect(await authenticate(withCookie(cookie), ctx.db)).toBeNull();
    expect(await authenticate(withToken(token), ctx.db)).toBeNull();
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: null })).status).toBe("wrong");
    await enableUser(ctx.db, { name: "审核员", actor: "admin" });
    expect(await authenticate(withToken(token), ctx.db)).not.toBeNull();
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: null })).status).toBe("ok");
  });

  it("a new password ends the user's sessions; the old password no longer works", async () => {
    await reviewer();
    const cookie = await signIn("审核员", new Date());
    await changePassword(ctx.db, { name: "审核员", password: "another-horse-43", actor: "admin" });
    expect(await authenticate(withCookie(cookie), ctx.db)).toBeNull();
    expect((await login(ctx.db, { name: "审核员", password: PASSWORD, address: null })).status).toBe("wrong");
    expect((await login(ctx.db, { name: "审核员", password: "another-horse-43", address: null })).status).toBe("ok");
    await expect(changePassword(ctx.db, { name: "审核员", password: "short", actor: "admin" })).rejects.toThrow("密码太短");
  });

  it("the session secret is not in the database", async () => {
    const settings = await ctx.db.selectFrom("settings").selectAll().execute();
    expect(settings.map((s) => s.key)).not.toContain("session_secret");
  });
});
