// Downloads the evidence file attached to a progress report.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEvidenceFile } from "~/services/tracking.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const db = await getDb();
  const file = await getEvidenceFile(db, params.updateId ?? "");
  if (!file) throw new Response("没有这个证据文件", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Content-Length": String(file.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
