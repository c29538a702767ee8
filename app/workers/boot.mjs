// Entry of the preparation worker thread (services/preparation-pool.server.ts). The server runs
// Remix's bundle, but the worker's code is the TypeScript in app/; tsx (a runtime dependency, as
// for scripts/ and server/) compiles it on load, once per worker.
import os from "node:os";
import { register } from "tsx/esm/api";

// Nice 10 for this thread (on Linux setpriority(0) changes the calling thread only, and threads it
// starts inherit it): on a busy machine the thread answering requests gets the CPU first.
try {
  os.setPriority(10);
} catch {
  // not permitted here: the worker runs at normal priority
}
register();
await import("./prepare.worker.ts");
