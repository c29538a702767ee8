// The worker thread behind services/preparation-pool.server.ts: decodes and extracts one file at a
// time (services/document-preparation.ts) and posts the result back. It holds no database handle
// and no state between files; the pool ends it when a file takes too long and Node ends it when it
// outgrows its memory cap (docs/decisions/0025).
import { parentPort } from "node:worker_threads";
import { prepareDocument, type Preparation, type PrepareInput } from "../services/document-preparation";

export interface PrepareRequest {
  id: number;
  input: PrepareInput;
}

export type PrepareReply =
  | { id: number; ok: true; result: Preparation }
  | { id: number; ok: false; error: string }
  /** sent once the code is loaded: the pool starts a file's clock only then */
  | { ready: true };

const port = parentPort;
if (!port) throw new Error("prepare.worker.ts runs only as a worker thread");

port.on("message", async ({ id, input }: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    reply = { id, ok: true, result: await prepareDocument(input) };
  } catch (error) {
    // A library that breaks on a hostile file (a stack overflow deep in a parser) is that file's
    // problem, not the server's: the pool turns it into a refusal with this message.
    reply = { id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies PrepareReply);
