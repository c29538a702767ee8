import {
  json,
  redirect,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { getDb } from "~/lib/db.server";
import { setFlash } from "~/lib/flash.server";
import { InputError, readForm } from "~/lib/request.server";
import { explainRejection } from "~/lib/upload-reasons";
import { uploadSummary } from "~/lib/upload-summary";
import { requireViewer } from "~/lib/user.server";
import { ingestFile } from "~/services/ingest.server";
import { PoolBusyError, prepareInWorker } from "~/services/preparation-pool.server";

export const meta: MetaFunction = () => [{ title: "上传答复 · 承诺跟踪" }];

// The same ceiling as the decoder (app/decode MAX_FILE_BYTES); the part is refused before it is buffered whole.
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ACCEPT = ".txt,.html,.htm,.docx,.pdf";

const UploadSchema = z.object({
  file: z.custom<File>(
    (value) => typeof value === "object" && value !== null && "arrayBuffer" in value && "name" in value,
    { message: "请选择要上传的文件。" },
  ),
});

type ActionData =
  | { error: string; fileName: string | null }
  | { duplicate: true; documentId: string; fileName: string };

// Ingesting replies is the congress / CPPCC office's job, the same roles as POST /api/documents.
const UPLOADERS = ["reviewer", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request, UPLOADERS);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireViewer(request, UPLOADERS);
  let form: FormData;
  try {
    form = await readForm(request, { maxFileBytes: MAX_UPLOAD_BYTES });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return json<ActionData>({ error: `文件过大：上限为 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。`, fileName: null }, { status: 400 });
    }
    if (error instanceof InputError) return json<ActionData>({ error: error.message, fileName: null }, { status: error.status });
    return json<ActionData>({ error: "上传的表单无法解析，请重新选择文件上传。", fileName: null }, { status: 400 });
  }

  const parsed = UploadSchema.safeParse({ file: form.get("file") });
  if (!parsed.success || !parsed.data.file.name) {
    return json<ActionData>({ error: "请选择要上传的文件。", fileName: null }, { status: 400 });
  }
  const file = parsed.data.file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const db = await getDb();
  let result: Awaited<ReturnType<typeof ingestFile>>;
  try {
    // Decoded and extracted in a worker thread: the server keeps answering meanwhile (decision 0025).
    result = await ingestFile(db, { bytes, fileName: file.name, source: "upload", actor: user.name }, { prepare: prepareInWorker });
  } catch (error) {
    if (error instanceof PoolBusyError) return json<ActionData>({ error: error.message, fileName: file.name }, { status: 503, headers: { "Retry-After": "30" } });
    throw error;
  }

  if (result.status === "rejected") {
    return json<ActionData>({ error: explainRejection(result.reason), fileName: file.name }, { status: 400 });
  }
  if (result.status === "duplicate") {
    return json<ActionData>({ duplicate: true, documentId: result.documentId, fileName: file.name });
  }
  const message = uploadSummary(file.name, result);
  return redirect(`/documents/${result.documentId}`, { headers: { "Set-Cookie": await setFlash(message) } });
}

export default function Upload() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <div className="page-head">
        <h1>上传答复</h1>
      </div>
      <section className="card upload-card">
        <p>
          选择一份答复或进展报告。系统会识别文字编码与格式，提取其中的承诺事项和进展数据，并保存原文以便核对。
        </p>
        {data && "error" in data ? (
          <div className="alert alert--error" role="alert" data-testid="upload-error">
            <strong>上传失败{data.fileName ? `：${data.fileName}` : ""}</strong>
            <p>{data.error}</p>
            <p className="sub">未保存任何内容。</p>
          </div>
        ) : null}
        {data && "duplicate" in data ? (
          <div className="alert alert--info" role="status" data-testid="upload-duplicate">
            <strong>“{data.fileName}”已经导入过</strong>
            <p>
              相同内容的文件已存在，未重复保存。<Link to={`/documents/${data.documentId}`}>查看已有文件</Link>
            </p>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="upload-form">
          <label className="file-drop">
            <span className="file-drop__title">选择文件</span>
            <span className="sub">支持 .txt（UTF-8、GBK 等编码）、.html、.docx 和带文字层的 .pdf，不超过 20 MB</span>
            <input type="file" name="file" accept={ACCEPT} required />
          </label>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "正在导入…" : "上传并提取"}
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
