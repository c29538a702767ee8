// Downloads the evidence file attached to a progress report: staff and the agency concerned, or
// anyone once a reviewer published it (docs/decisions/0031); a 404 otherwise, as for no file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { viewerScope } from "~/lib/scope.server";
import { getEvidenceFileFor } from "~/services/evidence.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const db = await getDb();
  const { scope } = await viewerScope(request);
  const file = await getEvidenceFileFor(db, params.updateId ?? "", scope);
  if (!file) throw new Response("没有这个证据文件，或它不公开", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Content-Length": String(file.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
