// npm run user -- add NAME --role ROLE [--agency A] [--person P]   (password from PASSWORD)
// npm run user -- token NAME                                      (prints a new API token)
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { addUser, issueToken } from "../app/services/users.server";
import { ValidationError } from "../app/services/tracking-types";

const USAGE = "usage: npm run user -- add NAME --role admin|reviewer|agency|deputy|public [--agency A] [--person P]\n       npm run user -- token NAME";

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
  if (!name || (command !== "add" && command !== "token")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const db = createDb();
  try {
    await migrateToLatest(db);
    if (command === "add") {
      if (!flags.role) {
        process.stderr.write(`user: --role is required\n${USAGE}\n`);
        return 2;
      }
      await addUser(db, { name, role: flags.role, agency: flags.agency, person: flags.person, password: process.env.PASSWORD, actor: "cli" });
      process.stderr.write(`user ${name} added (${flags.role})\n`);
    } else {
      process.stdout.write(`${await issueToken(db, { name, actor: "cli" })}\n`);
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
