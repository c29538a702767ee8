import {
  json,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
} from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { InputError, readForm } from "~/lib/request.server";
import { withApiErrors } from "~/services/api.server";
import { requireUser } from "~/services/auth.server";
import { explainRejection } from "~/lib/upload-reasons";
import { ingestFile } from "~/services/ingest.server";
import { PoolBusyError, prepareInWorker } from "~/services/preparation-pool.server";

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export async function loader() {
  return json({ error: "请用POST上传文件（multipart，字段名file）。" }, { status: 405 });
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    const db = await getDb();
    const actor = await requireUser(request, db, ["admin", "reviewer"]);
    let form: FormData;
    try {
      form = await readForm(request, { maxFileBytes: MAX_UPLOAD_BYTES });
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return json({ error: "文件过大：上限为20 MB。" }, { status: 413 });
      if (error instanceof InputError) return json({ error: error.message }, { status: error.status });
      return json({ error: "请求不是有效的multipart表单，请用字段file上传文件。" }, { status: 400 });
    }
    const file = form.get("file");
    if (!file || typeof file === "string" || !file.name) return json({ error: "缺少文件：请用字段file上传。" }, { status: 400 });
    let result: Awaited<ReturnType<typeof ingestFile>>;
    try {
      // In a worker thread, as for the upload page (decision 0025).
      result = await ingestFile(
        db,
        { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, source: "api", actor: actor.name },
        { prepare: prepareInWorker },
      );
    } catch (error) {
      if (error instanceof PoolBusyError) return json({ error: error.message }, { status: 503, headers: { "Retry-After": "30" } });
      throw error;
    }
    if (result.status === "rejected") return json({ error: `文件无法读取：${explainRejection(result.reason)}`, reason: result.reason }, { status: 422 });
    if (result.status === "duplicate") return json({ documentId: result.documentId, duplicate: true, commitments: 0, observations: 0, proposedLinks: 0 });
    return json(
      { documentId: result.documentId, duplicate: false, commitments: result.commitments, observations: result.observations, proposedLinks: result.links },
      { status: 201 },
    );
  });
}
