// The worker thread behind services/preparation-pool.server.ts: decodes and extracts one uploaded
// document at a time (services/document-preparation.ts), or reads one progress spreadsheet into
// rows (services/spreadsheet.server.ts), and posts the result back. It holds no database handle
// and no state between files; the pool ends it when a file takes too long and Node ends it when it
// outgrows its memory cap (docs/decisions/0025, 0037).
import { parentPort } from "node:worker_threads";
import { prepareDocument, type Preparation, type PrepareInput } from "../services/document-preparation";
import { parseProgressSpreadsheet, type SpreadsheetParse } from "../services/spreadsheet.server";

export type WorkerTask = { kind: "document"; input: PrepareInput } | { kind: "spreadsheet"; input: { bytes: Uint8Array; fileName: string } };

export interface PrepareRequest {
  id: number;
  task: WorkerTask;
}

export type PrepareReply =
  | { id: number; ok: true; result: Preparation | SpreadsheetParse }
  | { id: number; ok: false; error: string }
  /** sent once the code is loaded: the pool starts a file's clock only then */
  | { ready: true };

const port = parentPort;
if (!port) throw new Error("prepare.worker.ts runs only as a worker thread");

port.on("message", async ({ id, task }: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    const result = task.kind === "document" ? await prepareDocument(task.input) : await parseProgressSpreadsheet(task.input.bytes, task.input.fileName);
    reply = { id, ok: true, result };
  } catch (error) {
    // A library that breaks on a hostile file (a stack overflow deep in a parser) is that file's
    // problem, not the server's: the pool turns it into a refusal with this message.
    reply = { id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies PrepareReply);
