// Starts the app the way a user does — `npm start`, i.e. `node scripts/run.mjs scripts/start.ts`
// (migrate, seed, build if needed, serve the production build) — on a free port with its own SQLite
// file.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface RunningServer {
  url: string;
  dir: string;
  /** everything the server wrote, for failure messages */
  output(): string;
  /** stderr lines that look like errors */
  errors(): string[];
  /** set once the process has exited */
  exitCode(): number | null | "running";
  stop(): Promise<void>;
}

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startServer({ timeoutMs = 240_000 } = {}): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  let stderr = "";
  let exit: number | null | "running" = "running";

  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "scripts", "run.mjs"), path.join(root, "scripts", "start.ts")],
    {
      cwd: root,
      // Its own process group, so stop() reaches tsx, the start script and remix-serve together.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dir, "tracker.sqlite")}`,
        NODE_ENV: "production",
      },
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  child.on("exit", (code) => (exit = code));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exit !== "running") throw new Error(`the server exited (${exit}) before answering:\n${output}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`the server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    dir,
    output: () => output,
    errors: () =>
      stderr
        .split("\n")
        .filter((line) => /error|exception|unhandled/i.test(line))
        // Node's notice about the fetch/stream polyfills is not an error of ours.
        .filter((line) => !/ExperimentalWarning/.test(line)),
    exitCode: () => exit,
    async stop() {
      if (exit === "running" && child.pid) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // already gone
          }
        }, 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
