// The API routes' loaders and actions called with real Request objects against a real database.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { loader as listLoader } from "../../app/routes/api.commitments";
import { loader as detailLoader } from "../../app/routes/api.commitments.$id";
import { action as updateAction } from "../../app/routes/api.commitments.$id.updates";
import { action as documentAction } from "../../app/routes/api.documents";
import { action as linkAction } from "../../app/routes/api.links.$id";
import { addUser, issueToken } from "../../app/services/users.server";
import { describeEachDatabase } from "./databases";

const FIXTURES = fileURLToPath(new URL("../fixtures/tracking/", import.meta.url));
const base = "http://localhost";
const ctxArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as never;

async function call(fn: (args: never) => Promise<Response>, request: Request, params: Record<string, string> = {}) {
  let response: Response;
  try {
    response = await fn(ctxArgs(request, params));
  } catch (thrown) {
    if (thrown instanceof Response) response = thrown;
    else throw thrown;
  }
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

function upload(rel: string, token?: string) {
  const form = new FormData();
  form.set("file", new File([fs.readFileSync(path.join(FIXTURES, rel))], path.basename(rel)));
  return new Request(`${base}/api/documents`, { method: "POST", body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

describeEachDatabase("tracking: JSON API", (ctx) => {
  let tokens: Record<string, string>;
  beforeEach(async () => {
    (globalThis as { __trackerDb?: Promise<Kysely<Database>> }).__trackerDb = Promise.resolve(ctx.db);
    tokens = {};
    for (const [name, role, agency] of [["审核员", "reviewer"], ["慈溪填报员", "agency", "慈溪市民政局"], ["宁波填报员", "agency", "宁波市民政局"]] as const) {
      await addUser(ctx.db, { name, role, agency, password: "correct horse battery", actor: "test" });
      tokens[name] = await issueToken(ctx.db, { name, actor: "test" });
    }
  });

  afterEach(() => {
    // The routes' getDb() would otherwise hand the next test a destroyed database.
    delete (globalThis as { __trackerDb?: unknown }).__trackerDb;
  });

  it("uploads documents, lists, confirms a link and reports progress with the right status codes", async () => {
    expect((await call(documentAction, upload("case3/2024-minsheng-shishi.txt"))).status).toBe(401);
    expect((await call(documentAction, upload("case3/2024-minsheng-shishi.txt", tokens["慈溪填报员"]))).status).toBe(403);
    const first = await call(documentAction, upload("case3/2024-minsheng-shishi.txt", tokens["审核员"]));
    expect(first).toMatchObject({ status: 201, body: { commitments: 1, observations: 0, proposedLinks: 0 } });
    const second = await call(documentAction, upload("case3/2024-q1-progress.txt", tokens["审核员"]));
    expect(second.body).toMatchObject({ commitments: 0, observations: 1, proposedLinks: 1 });
    const empty = new FormData();
    empty.set("file", new File([new Uint8Array(0)], "empty.txt"));
    const bad = await call(documentAction, new Request(`${base}/api/documents`, { method: "POST", body: empty, headers: { Authorization: `Bearer ${tokens["审核员"]}` } }));
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.body.error).toMatch(/文件/);

    const list = await call(listLoader, new Request(`${base}/api/commitments?asOf=2024-04-10&agency=${encodeURIComponent("慈溪市民政局")}`));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({ documentId: first.body.documentId, kind: "quantitative", agency: "慈溪市民政局", status: "not_due_no_data" });
    expect(item.explanation).toBeTruthy();
    expect((await call(listLoader, new Request(`${base}/api/commitments?status=nonsense`))).status).toBe(400);

    const detail = await call(detailLoader, new Request(`${base}/api/commitments/${item.id}?asOf=2024-04-10`), { id: item.id });
    const linkId = detail.body.links[0].id;
    expect(detail.body.links[0]).toMatchObject({ state: "proposed", sourceQuote: expect.stringContaining("3家") });
    expect((await call(detailLoader, new Request(`${base}/api/commitments/nope`), { id: "nope" })).status).toBe(404);

    const linkRequest = (token: string, body: unknown) =>
      new Request(`${base}/api/links/${linkId}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` } });
    expect((await call(linkAction, linkRequest(tokens["慈溪填报员"]!, { action: "confirm" }), { id: linkId })).status).toBe(403);
    expect((await call(linkAction, linkRequest(tokens["审核员"]!, { action: "maybe" }), { id: linkId })).status).toBe(400);
    expect((await call(linkAction, linkRequest(tokens["审核员"]!, { action: "confirm" }), { id: "missing" })).status).toBe(404);
    expect(await call(linkAction, linkRequest(tokens["审核员"]!, { action: "confirm", reason: "同一项目" }), { id: linkId })).toMatchObject({ status: 200, body: { state: "confirmed" } });

    const post = (token: string, body: Record<string, string>) =>
      new Request(`${base}/api/commitments/${item.id}/updates`, { method: "POST", body: new URLSearchParams(body), headers: { Authorization: `Bearer ${token}` } });
    expect((await call(updateAction, post(tokens["宁波填报员"]!, { value: "5", asOf: "2024-04-01" }), { id: item.id })).status).toBe(403);
    const invalid = await call(updateAction, post(tokens["慈溪填报员"]!, { value: "x", asOf: "2024-04-01" }), { id: item.id });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fieldErrors.value).toBeDefined();
    expect((await call(updateAction, post(tokens["慈溪填报员"]!, { value: "12", asOf: "2024-04-01", note: "进度加快", evidenceUrl: "https://example.org/a" }), { id: item.id })).status).toBe(201);
    const after = await call(detailLoader, new Request(`${base}/api/commitments/${item.id}?asOf=2024-04-10`), { id: item.id });
    expect(after.body.latest).toEqual({ value: 12, asOf: "2024-04-01" });
    expect(after.body.history.map((e: { action: string }) => e.action)).toEqual(["link_proposed", "link_confirmed", "progress_reported"]);
    expect((await call(updateAction, new Request(`${base}/api/commitments/${item.id}/updates`, { method: "POST", body: new URLSearchParams({ value: "1", asOf: "2024-04-01" }), headers: { Authorization: "Bearer wrong" } }), { id: item.id })).status).toBe(401);
  });
});
