// How large a request body may be, per route, checked before Remix reads a byte of it
// (docs/decisions/0025). Without it a 300 MB JSON update was accepted and four anonymous 400 MB
// logins took 2.4 GB. Uploads get the decoder's 20 MiB and a little for the form around the file;
// everything else is a form or a JSON object of a few KB.
import type { GuardRequest } from "./guard";

const KiB = 1024;
const MiB = 1024 * KiB;

/** Forms and JSON bodies: the longest field a page has is a 2,000-character note. */
export const DEFAULT_BODY_LIMIT = 256 * KiB;

/** Routes that take a file, with the most bytes their body may have (the file plus 1 MiB of form). */
const FILE_ROUTES: [RegExp, number][] = [
  [/^\/upload\/?$/, 21 * MiB], // a reply, at most 20 MiB (app/decode MAX_FILE_BYTES)
  [/^\/api\/documents\/?$/, 21 * MiB],
  [/^\/import\/?$/, 11 * MiB], // a spreadsheet, at most 10 MiB
  [/^\/commitments\/[^/]+\/?$/, 11 * MiB], // progress with an evidence file, at most 10 MiB
];

export function bodyLimitFor(pathname: string): number {
  return FILE_ROUTES.find(([pattern]) => pattern.test(pathname))?.[1] ?? DEFAULT_BODY_LIMIT;
}

function header(request: GuardRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const size = (bytes: number) => (bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.round(bytes / KiB)} KB`);

export interface BodyRefusal {
  status: 411 | 413;
  message: string;
}

/**
 * A body over its route's limit is refused by its declared length (413), before it is read; Node's
 * parser reads exactly that many bytes, so the length is a bound. A body without a length (chunked)
 * could be of any size and is refused with 411: browsers and ordinary API clients always send one.
 */
export function bodyRefusal(request: GuardRequest): BodyRefusal | null {
  const length = header(request, "content-length");
  const chunked = header(request, "transfer-encoding") !== undefined;
  if (length === undefined) {
    return chunked ? { status: 411, message: "请求须带 Content-Length（不接受分块传输的请求体）。" } : null;
  }
  const bytes = Number(length);
  const limit = bodyLimitFor(new URL(request.url, "http://localhost").pathname);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 413, message: "请求体长度无效。" };
  if (bytes > limit) return { status: 413, message: `提交的内容过大（${size(bytes)}，此处上限 ${size(limit)}）。` };
  return null;
}
