// Where the cookie-signing secret comes from (docs/decisions/0026): never the database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveSessionSecrets, SessionSecretError, sessionSecretFile } from "../../../app/lib/session-secret.server";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-test-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const LONG = "x".repeat(40);

describe("the session secret", () => {
  it("is SESSION_SECRET when set, several comma-separated for rotation", () => {
    expect(resolveSessionSecrets({ SESSION_SECRET: `${LONG}a, ${LONG}b` } as unknown as NodeJS.ProcessEnv)).toEqual([`${LONG}a`, `${LONG}b`]);
  });

  it("refuses a SESSION_SECRET shorter than 32 characters", () => {
    expect(() => resolveSessionSecrets({ SESSION_SECRET: "short" } as unknown as NodeJS.ProcessEnv)).toThrow(SessionSecretError);
  });

  it("is required in production on PostgreSQL: the server refuses to start without it", () => {
    expect(() => resolveSessionSecrets({ NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db/tracker" } as unknown as NodeJS.ProcessEnv)).toThrow(
      /生产环境（PostgreSQL）必须设置 SESSION_SECRET/,
    );
  });

  it("with SQLite and none set, is generated once into a 0600 file beside the database and read back", () => {
    const dir = tempDir();
    const env = { NODE_ENV: "production", DATABASE_URL: `file:${path.join(dir, "tracker.sqlite")}` } as NodeJS.ProcessEnv;
    expect(sessionSecretFile(env)).toBe(path.join(dir, "session-secret"));
    const [first] = resolveSessionSecrets(env);
    expect(first!.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, "session-secret")).mode & 0o777).toBe(0o600);
    expect(resolveSessionSecrets(env)).toEqual([first]);
  });

  it("tightens a generated file that others could read, and honours SESSION_SECRET_FILE", () => {
    const dir = tempDir();
    const file = path.join(dir, "elsewhere", "secret");
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, `${LONG}\n`, { mode: 0o644 });
    expect(resolveSessionSecrets({ SESSION_SECRET_FILE: file } as unknown as NodeJS.ProcessEnv)).toEqual([LONG]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
