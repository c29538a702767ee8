// Reading a request's body and query at the edge, once, the same way for every page action and API
// route (docs/decisions/0024-input-at-the-edge.md): a form (urlencoded or multipart) or a JSON object,
// every name, value and file name checked as well-formed text (input-rules.ts), every JSON number as
// a sensible figure. A body that cannot be read is an InputError (400/413/415) with a Chinese
// message, never an exception that becomes a 500.
import { once } from "node:events";
import { MaxPartSizeExceededError } from "@remix-run/node";
import busboy from "busboy";
import { numberProblem, textProblem } from "./input-rules";

export class InputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface FormLimits {
  /** the largest file part; a larger one throws Remix's MaxPartSizeExceededError (the routes catch it) */
  maxFileBytes?: number;
  /** the largest non-file field */
  maxFieldBytes?: number;
  maxFields?: number;
  maxFiles?: number;
  /** the largest urlencoded body */
  maxUrlEncodedBytes?: number;
}

const DEFAULTS: Required<FormLimits> = {
  maxFileBytes: 20 * 1024 * 1024,
  maxFieldBytes: 1024 * 1024,
  maxFields: 200,
  maxFiles: 5,
  maxUrlEncodedBytes: 2 * 1024 * 1024,
};

const UNREADABLE = "表单内容不完整或格式有误，无法解析，请重新提交。";

function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Past this much, a refused body is cut off instead of read to its end. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads and drops the rest of a refused body, so the answer reaches the client: cancelling the
 * stream destroys the socket before the response is written (the client sees a dropped connection
 * instead of the 400 / 413). A body larger still is cut off.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
      if (dropped > MAX_DRAIN_BYTES) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
}

/** The body's bytes, refusing more than `max` (the whole body is never held beyond that). */
async function readCapped(request: Request, max: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await drain(reader);
        throw new InputError(`提交的内容过大（上限 ${Math.round(max / 1024)} KB）。`, 413);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(UNREADABLE);
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("提交的内容不是有效的 UTF-8 文字。");
  }
}

async function readMultipart(request: Request, limits: Required<FormLimits>): Promise<FormData> {
  const form = new FormData();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("Content-Type") ?? "" },
      // File names are sent as raw UTF-8 by browsers (答复;第12号.txt); filename*= is decoded too.
      defParamCharset: "utf8",
      limits: {
        fileSize: limits.maxFileBytes,
        fieldSize: limits.maxFieldBytes,
        fields: limits.maxFields,
        files: limits.maxFiles,
        parts: limits.maxFields + limits.maxFiles,
      },
    });
  } catch {
    throw new InputError("multipart 表单的 Content-Type 有误（缺少 boundary）。");
  }
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };
  const files: Promise<void>[] = [];
  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) fail(new InputError(`字段「${name.slice(0, 40)}」过长（上限 ${Math.round(limits.maxFieldBytes / 1024)} KB）。`, 413, name));
    else form.append(name, value);
  });
  parser.on("file", (name, stream, info) => {
    const chunks: Buffer[] = [];
    files.push(
      new Promise<void>((resolve) => {
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("limit", () => fail(new MaxPartSizeExceededError(name, limits.maxFileBytes)));
        stream.on("error", () => fail(new InputError(UNREADABLE)));
        stream.on("close", () => {
          form.append(name, new File([new Uint8Array(Buffer.concat(chunks))], info.filename ?? "", { type: info.mimeType || "application/octet-stream" }));
          resolve();
        });
      }),
    );
  });
  const tooMany = () => fail(new InputError(`表单的字段或文件过多（字段不超过 ${limits.maxFields} 个，文件不超过 ${limits.maxFiles} 个）。`, 413));
  parser.on("fieldsLimit", tooMany);
  parser.on("filesLimit", tooMany);
  parser.on("partsLimit", tooMany);
  const finished = new Promise<void>((resolve) => {
    parser.on("error", () => {
      fail(new InputError(UNREADABLE));
      resolve();
    });
    parser.on("close", () => resolve());
  });

  const reader = request.body?.getReader();
  try {
    while (reader && !failure) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!parser.write(value)) await Promise.race([once(parser, "drain"), finished]);
    }
  } catch {
    fail(new InputError(UNREADABLE));
  }
  if (failure) {
    if (reader) await drain(reader);
    parser.destroy();
  } else {
    parser.end();
  }
  await finished;
  if (!failure) await Promise.all(files);
  if (failure) throw failure;
  return form;
}

/** The first problem among a form's names, values and file names, or null. */
export function formProblem(form: FormData): InputError | null {
  for (const [name, value] of form) {
    const nameProblem = textProblem(name);
    if (nameProblem) return new InputError(`字段名${nameProblem}`, 400, name);
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return new InputError(`「${name.slice(0, 40)}」${problem}`, 400, name);
    } else {
      const problem = textProblem(value.name);
      if (problem) return new InputError(`文件名${problem}`, 400, name);
      if (value.name.length > 255) return new InputError("文件名过长（不超过 255 个字符）。", 400, name);
    }
  }
  return null;
}

/**
 * A urlencoded or multipart body as FormData, every text checked. Throws InputError (400, 413, 415)
 * or, for a file over maxFileBytes, Remix's MaxPartSizeExceededError.
 */
export async function readForm(request: Request, limits: FormLimits = {}): Promise<FormData> {
  const all = { ...DEFAULTS, ...limits };
  const type = mediaType(request);
  let form: FormData;
  if (type === "multipart/form-data") {
    form = await readMultipart(request, all);
  } else if (type === "application/x-www-form-urlencoded") {
    const text = decodeUtf8(await readCapped(request, all.maxUrlEncodedBytes));
    form = new FormData();
    for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
  } else {
    throw new InputError("请以表单（application/x-www-form-urlencoded 或 multipart/form-data）提交。", 415);
  }
  const problem = formProblem(form);
  if (problem) throw problem;
  return form;
}

/** The first problem in a parsed JSON value: a string that is not well-formed text, an absurd number. */
export function jsonProblem(value: unknown, path = ""): InputError | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? new InputError(`${path ? `「${path}」` : ""}${problem}`, 400, path || undefined) : null;
  }
  if (typeof value === "number") {
    const problem = numberProblem(value);
    return problem ? new InputError(`${path ? `「${path}」` : ""}${problem}`, 400, path || undefined) : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = jsonProblem(item, `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return new InputError(`字段名${keyProblem}`);
      const problem = jsonProblem(item, path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
  }
  return null;
}

/** A JSON object body (at most `maxBytes`), every string and number checked. */
export async function readJsonObject(request: Request, maxBytes = 1024 * 1024): Promise<Record<string, unknown>> {
  const text = decodeUtf8(await readCapped(request, maxBytes));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError("请求体不是有效的 JSON。");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new InputError("请求体应为 JSON 对象，例如 {\"value\": 52}。");
  const problem = jsonProblem(parsed);
  if (problem) throw problem;
  return parsed as Record<string, unknown>;
}

/** A page's answer to an InputError: the message as a plain-text response with its status. */
export function inputErrorResponse(error: InputError): Response {
  return new Response(error.message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** For page actions: readForm, with an InputError thrown as the Response the ErrorBoundary shows. */
export async function readPageForm(request: Request, limits: FormLimits = {}): Promise<FormData> {
  try {
    return await readForm(request, limits);
  } catch (error) {
    if (error instanceof InputError) throw inputErrorResponse(error);
    throw error;
  }
}
