// The secret that signs the session cookie (docs/decisions/0026). It used to be generated into the
// database's settings table, so anyone with a copy of the database could sign an admin's cookie.
//   SESSION_SECRET set       → it (several, comma-separated: the first signs, all verify — rotation)
//   production on PostgreSQL → refuse to start without SESSION_SECRET (a real deployment)
//   otherwise                → a random secret kept in a file beside the SQLite database
//                              (SESSION_SECRET_FILE, default <database folder>/session-secret,
//                              mode 0600), made on first start: `npm start` works with no setup
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_SQLITE_PATH, parseDatabaseUrl } from "../../db/connection";

export class SessionSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SessionSecretError";
  }
}

/** Shorter secrets are refused: 32 random bytes written out are 43 characters. */
const MIN_LENGTH = 32;

/** Where the embedded default keeps its generated secret. */
export function sessionSecretFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SESSION_SECRET_FILE) return path.resolve(env.SESSION_SECRET_FILE);
  const target = parseDatabaseUrl(env.DATABASE_URL);
  const dbFile = target.dialect === "sqlite" ? target.path : path.resolve(DEFAULT_SQLITE_PATH);
  return path.join(path.dirname(dbFile), "session-secret");
}

function readOrCreate(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": exactly one of several starting processes writes it; the others read what it wrote.
    fs.writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const stat = fs.statSync(file);
  // Readable by others: tighten it, as ssh does for its keys (we own the file we made).
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < MIN_LENGTH) throw new SessionSecretError(`会话密钥文件 ${file} 的内容太短（至少 ${MIN_LENGTH} 个字符）`);
  return secret;
}

/** The signing secrets, first one signing; throws SessionSecretError when there is none to use. */
export function resolveSessionSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.SESSION_SECRET !== undefined && env.SESSION_SECRET.trim() !== "") {
    const secrets = env.SESSION_SECRET.split(",").map((s) => s.trim()).filter(Boolean);
    if (secrets.some((s) => s.length < MIN_LENGTH)) {
      throw new SessionSecretError(`SESSION_SECRET 太短：每个密钥至少 ${MIN_LENGTH} 个字符（例如 openssl rand -base64 32 的输出）`);
    }
    return secrets;
  }
  if (env.NODE_ENV === "production" && parseDatabaseUrl(env.DATABASE_URL).dialect === "postgres") {
    throw new SessionSecretError(
      "生产环境（PostgreSQL）必须设置 SESSION_SECRET：用 openssl rand -base64 32 生成，多台服务器使用同一个值；未设置时拒绝启动",
    );
  }
  return [readOrCreate(sessionSecretFile(env))];
}

let cached: { key: string; secrets: string[] } | undefined;

/** resolveSessionSecrets for this process's environment, read once. */
export function sessionSecrets(): string[] {
  const key = `${process.env.SESSION_SECRET ?? ""}\0${process.env.SESSION_SECRET_FILE ?? ""}\0${process.env.DATABASE_URL ?? ""}`;
  if (cached?.key !== key) cached = { key, secrets: resolveSessionSecrets() };
  return cached.secrets;
}
