import {
  json,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { todayInChina } from "~/lib/dates";
import { getDb } from "~/lib/db.server";
import { serviceCall } from "~/lib/http.server";
import { InputError, readForm } from "~/lib/request.server";
import { requireViewer } from "~/lib/user.server";
import { importProgressSpreadsheet, type SpreadsheetImportResult } from "~/services/tracking.server";
import { PoolBusyError, readSpreadsheetInWorker } from "~/services/preparation-pool.server";

export const meta: MetaFunction = () => [{ title: "导入进展表格 · 承诺跟踪" }];

const ALLOWED = ["agency", "reviewer", "admin"] as const;
// The service names columns by its field names; the person who filled in the sheet reads Chinese.
const COLUMN_LABELS: Record<string, string> = { commitmentId: "承诺编号", value: "数值", asOf: "截至日期", note: "说明" };
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = ".xlsx,.csv";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireViewer(request, ALLOWED);
  return json({ agency: user.role === "agency" ? (user.agency ?? null) : null });
}

type ActionData =
  | { error: string; fileName: string | null }
  | ({ fileName: string; importGoodRows: boolean } & SpreadsheetImportResult);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireViewer(request, ALLOWED);
  let form: FormData;
  try {
    form = await readForm(request, { maxFileBytes: MAX_BYTES });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return json<ActionData>({ error: "文件过大：上限为 10 MB。", fileName: null }, { status: 400 });
    }
    if (error instanceof InputError) return json<ActionData>({ error: error.message, fileName: null }, { status: error.status });
    return json<ActionData>({ error: "上传的表单无法解析，请重新选择文件。", fileName: null }, { status: 400 });
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || !file.name || file.size === 0) {
    return json<ActionData>({ error: "请选择要导入的 .xlsx 或 .csv 文件。", fileName: null }, { status: 400 });
  }
  if (!/\.(xlsx|csv)$/i.test(file.name)) {
    return json<ActionData>({ error: "只支持 .xlsx 和 .csv 文件（旧版 .xls 请另存为 .xlsx）。", fileName: file.name }, { status: 400 });
  }
  // The button "仅导入无误的行" and the checkbox send the same field.
  const importGoodRows = form.getAll("importGoodRows").some((v) => v === "1" || v === "on");
  const db = await getDb();
  let result: SpreadsheetImportResult | Response;
  try {
    result = await serviceCall("import", async () =>
      importProgressSpreadsheet(
        db,
        { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, actor: user, importGoodRows, today: todayInChina() },
        // read in a worker thread with the uploads' time limit and memory cap (decision 0037)
        { parse: readSpreadsheetInWorker },
      ),
    );
  } catch (error) {
    if (!(error instanceof PoolBusyError)) throw error;
    return json<ActionData>({ error: error.message, fileName: file.name }, { status: 503, headers: { "Retry-After": "30" } });
  }
  if (result instanceof Response) {
    const body = (await result.json()) as { formError?: string };
    return json<ActionData>({ error: body.formError ?? "文件无法读取。", fileName: file.name }, { status: 400 });
  }
  // The file itself was refused (too large, too many rows, not a spreadsheet): said with its name.
  if (result.fileError) {
    const reason = result.fileError.replace(/，未(保存任何内容|读取)$/, "");
    return json<ActionData>({ error: `无法读取“${file.name}”：${reason}。未导入任何数据。`, fileName: file.name }, { status: 422 });
  }
  const data: ActionData = { ...result, fileName: file.name, importGoodRows };
  // Rows with errors and nothing stored is a rejected request; a partial import the user asked for is not.
  return json<ActionData>(data, { status: result.errors.length && !result.stored ? 400 : 200 });
}

export default function ImportPage() {
  const { agency } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const result = data && !("error" in data) ? data : null;
  const hasErrors = Boolean(result?.errors.length);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">{agency ?? "进展报告"}</p>
          <h1>导入进展表格</h1>
        </div>
      </div>
      <div className="layout-2">
        <section className="card">
          {data && "error" in data ? (
            <div className="alert alert--error" role="alert" data-testid="import-error">
              <strong>导入失败{data.fileName ? `：${data.fileName}` : ""}</strong>
              <p>{data.error}</p>
            </div>
          ) : null}
          {result && result.stored ? (
            <div className="alert alert--info" role="status" data-testid="import-done">
              <strong>已导入 {result.imported} 行进展</strong>
              <p>
                来自“{result.fileName}”。
                {hasErrors ? `另有 ${result.errors.length} 行有误，未导入（见下表）。` : "所有行均已导入。"}
              </p>
            </div>
          ) : null}
          {result && !result.stored ? (
            <div className="alert alert--error alert--first" role="alert" data-testid="import-rejected">
              <strong>{hasErrors ? `“${result.fileName}”中有 ${result.errors.length} 处错误，未导入任何数据` : "文件中没有可导入的行"}</strong>
              {hasErrors ? <p>请修改后重新导入，或点击“仅导入无误的行”先导入其余的行。</p> : null}
            </div>
          ) : null}
          {hasErrors ? (
            <div className="table-scroll row-errors-box">
              <table className="table table--compact" data-testid="row-errors">
                <thead>
                  <tr>
                    <th className="num">行号</th>
                    <th>列</th>
                    <th>问题</th>
                  </tr>
                </thead>
                <tbody>
                  {result!.errors.map((e, i) => (
                    <tr key={`${e.row}-${e.field ?? ""}-${i}`}>
                      <td className="num">第 {e.row} 行</td>
                      <td>{e.field ? (COLUMN_LABELS[e.field] ?? e.field) : "—"}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}

          <Form method="post" encType="multipart/form-data" className="upload-form" data-testid="import-form">
            <label className="file-drop">
              <span className="file-drop__title">选择进展表格</span>
              <span className="sub">.xlsx 或 .csv，不超过 10 MB</span>
              <input type="file" name="file" accept={ACCEPT} required />
            </label>
            <label className="checkbox">
              <input type="checkbox" name="importGoodRows" value="1" defaultChecked={false} />
              有错误时，仅导入无误的行
            </label>
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? "正在导入…" : "导入"}
              </button>
              {result && !result.stored && hasErrors ? (
                // The file input keeps its file after a client-side submission, so this resubmits it.
                <button type="submit" name="importGoodRows" value="1" className="button button--navy" disabled={busy} data-testid="import-good-rows">
                  仅导入无误的行
                </button>
              ) : null}
            </div>
          </Form>
        </section>
        <aside className="card">
          <h2>表格格式</h2>
          <p className="sub">第一行为表头，从第二行起每行一条进展。列名可用中文或英文：</p>
          <table className="table table--compact">
            <tbody>
              <tr>
                <td>承诺编号 / commitment_id</td>
                <td className="sub">承诺页面地址中的编号</td>
              </tr>
              <tr>
                <td>数值 / value</td>
                <td className="sub">数字；节点任务填 1（完成）或 0</td>
              </tr>
              <tr>
                <td>截至日期 / as_of</td>
                <td className="sub">如 2025-06-30 或 2025年6月30日，不晚于今天</td>
              </tr>
              <tr>
                <td>说明 / note</td>
                <td className="sub">可选</td>
              </tr>
            </tbody>
          </table>
          <p className="sub">
            有任何一行出错时，默认不导入整个文件，并逐行列出问题。承办单位只能报告本单位的承诺。
            {agency ? (
              <>
                {" "}
                <Link to={`/agencies/${encodeURIComponent(agency)}`}>查看本单位承诺</Link>
              </>
            ) : null}
          </p>
        </aside>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
