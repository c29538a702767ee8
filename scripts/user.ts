// npm run user -- add NAME --role ROLE [--agency A] [--person P]   (password from PASSWORD)
// npm run user -- token NAME [--days N]                           (prints a new API token; 90 days)
// npm run user -- revoke NAME [--token TOKEN]                     (revokes all of NAME's tokens, or one)
// npm run user -- disable NAME | enable NAME                      (no login, session or token while disabled)
// npm run user -- passwd NAME                                     (new password from PASSWORD; ends NAME's sessions)
// docs/decisions/0026.
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { addUser, changePassword, disableUser, enableUser, issueApiToken, revokeTokens, TOKEN_DAYS } from "../app/services/users.server";
import { ValidationError } from "../app/services/tracking-types";

const USAGE = [
  "usage: npm run user -- add NAME --role admin|reviewer|agency|deputy|public [--agency A] [--person P]   (PASSWORD=…)",
  `       npm run user -- token NAME [--days N]          (default ${TOKEN_DAYS} days)`,
  "       npm run user -- revoke NAME [--token TOKEN]",
  "       npm run user -- disable NAME",
  "       npm run user -- enable NAME",
  "       npm run user -- passwd NAME                    (PASSWORD=…)",
].join("\n");

const COMMANDS = new Set(["add", "token", "revoke", "disable", "enable", "passwd"]);

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  const [command, name, ...rest] = args;
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (!flag.startsWith("--") || rest[i + 1] === undefined) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    flags[flag.slice(2)] = rest[++i]!;
  }
  if (!name || !command || !COMMANDS.has(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const db = createDb();
  try {
    await migrateToLatest(db);
    switch (command) {
      case "add":
        if (!flags.role) {
          process.stderr.write(`user: --role is required\n${USAGE}\n`);
          return 2;
        }
        await addUser(db, { name, role: flags.role, agency: flags.agency, person: flags.person, password: process.env.PASSWORD, actor: "cli" });
        process.stderr.write(`user ${name} added (${flags.role})\n`);
        break;
      case "token": {
        const days = flags.days === undefined ? TOKEN_DAYS : Number(flags.days);
        const { token, expiresAt } = await issueApiToken(db, { name, actor: "cli", days });
        process.stdout.write(`${token}\n`);
        process.stderr.write(`token for ${name}, valid until ${expiresAt}\n`);
        break;
      }
      case "revoke": {
        const revoked = await revokeTokens(db, { name, actor: "cli", ...(flags.token ? { token: flags.token } : {}) });
        process.stderr.write(`${revoked} token(s) of ${name} revoked\n`);
        break;
      }
      case "disable":
        await disableUser(db, { name, actor: "cli" });
        process.stderr.write(`user ${name} disabled: sessions ended, logins and tokens refused\n`);
        break;
      case "enable":
        await enableUser(db, { name, actor: "cli" });
        process.stderr.write(`user ${name} enabled\n`);
        break;
      case "passwd":
        await changePassword(db, { name, password: process.env.PASSWORD, actor: "cli" });
        process.stderr.write(`password of ${name} changed; their sessions ended\n`);
        break;
    }
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      process.stderr.write(`user: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`user: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
