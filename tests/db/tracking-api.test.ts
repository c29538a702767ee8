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
import { action as disagreeAction } from "../../app/routes/api.commitments.$id.disagreements";
import { loader as disagreementsLoader } from "../../app/routes/api.disagreements";
import { action as resolveAction } from "../../app/routes/api.disagreements.$id";
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
    for (const [name, role, agency, person] of [
      ["审核员", "reviewer"],
      ["慈溪填报员", "agency", "慈溪市民政局"],
      ["宁波填报员", "agency", "宁波市民政局"],
      ["林华", "deputy", undefined, "林华"],
      ["张明", "deputy", undefined, "张明"],
    ] as const) {
      await addUser(ctx.db, { name, role, agency, person, password: "correct horse battery", actor: "test" });
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

    // Signed out, nothing unchecked is published (issue 9, decision 0031); the office sees it with its mark.
    const listUrl = `${base}/api/commitments?asOf=2024-04-10&agency=${encodeURIComponent("慈溪市民政局")}`;
    expect((await call(listLoader, new Request(listUrl))).body).toMatchObject({ total: 0, items: [] });
    const staff = { headers: { Authorization: `Bearer ${tokens["审核员"]}` } };
    const list = await call(listLoader, new Request(listUrl, staff));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({ documentId: first.body.documentId, kind: "quantitative", agency: "慈溪市民政局", status: "not_due_no_data", reviewState: "unchecked" });
    expect(item.explanation).toBeTruthy();
    expect((await call(listLoader, new Request(`${base}/api/commitments?status=nonsense`))).status).toBe(400);

    expect((await call(detailLoader, new Request(`${base}/api/commitments/${item.id}?asOf=2024-04-10`), { id: item.id })).status).toBe(404);
    const detail = await call(detailLoader, new Request(`${base}/api/commitments/${item.id}?asOf=2024-04-10`, staff), { id: item.id });
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
    const after = await call(detailLoader, new Request(`${base}/api/commitments/${item.id}?asOf=2024-04-10`, staff), { id: item.id });
    // the agency's own report shows at once, pending, and counts once a reviewer verifies it (issue 9 §6)
    expect(after.body.latest).toEqual({ value: 3, asOf: "2024-03-31" });
    expect(after.body.updates.find((u: { value: number }) => u.value === 12)).toMatchObject({ reviewState: "pending", source: "agency" });
    expect(after.body.history.map((e: { action: string }) => e.action)).toEqual(["link_proposed", "link_confirmed", "progress_reported"]);
    expect((await call(updateAction, new Request(`${base}/api/commitments/${item.id}/updates`, { method: "POST", body: new URLSearchParams({ value: "1", asOf: "2024-04-01" }), headers: { Authorization: "Bearer wrong" } }), { id: item.id })).status).toBe(401);
  });

  it("takes a deputy's disagreement, lists it for reviewers and takes the answer, with the right status codes", async () => {
    const reply = await call(documentAction, upload("dropped/2023-reply-lucheng.txt", tokens["审核员"]));
    expect(reply.status).toBe(201);
    const staff = { headers: { Authorization: `Bearer ${tokens["审核员"]}` } };
    const list = await call(listLoader, new Request(`${base}/api/commitments?person=${encodeURIComponent("林华")}&asOf=2024-03-01`, staff));
    const id: string = list.body.items[0].id;
    const json = (url: string, token: string | undefined, body: unknown) =>
      new Request(`${base}${url}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
    const url = `/api/commitments/${id}/disagreements`;
    expect((await call(disagreeAction, json(url, undefined, { note: "不对" }), { id })).status).toBe(401);
    expect((await call(disagreeAction, json(url, tokens["慈溪填报员"], { note: "不对" }), { id })).status).toBe(403);
    expect((await call(disagreeAction, json(url, tokens["张明"], { note: "不对" }), { id })).status).toBe(403);
    const empty = await call(disagreeAction, json(url, tokens["林华"], { note: " " }), { id });
    expect(empty.status).toBe(400);
    expect(empty.body.fieldErrors.note).toBeDefined();
    const created = await call(disagreeAction, json(url, tokens["林华"], { note: "实际只建成了2家" }), { id });
    expect(created.status).toBe(201);

    const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
    expect((await call(disagreementsLoader, new Request(`${base}/api/disagreements`, auth(tokens["林华"]!)))).status).toBe(403);
    expect((await call(disagreementsLoader, new Request(`${base}/api/disagreements?state=maybe`, auth(tokens["审核员"]!)))).status).toBe(400);
    const open = await call(disagreementsLoader, new Request(`${base}/api/disagreements`, auth(tokens["审核员"]!)));
    expect(open).toMatchObject({ status: 200, body: { total: 1, items: [{ id: created.body.disagreementId, note: "实际只建成了2家", state: "open", person: "林华" }] } });

    const answer = `/api/disagreements/${created.body.disagreementId}`;
    const did = created.body.disagreementId as string;
    expect((await call(resolveAction, json(answer, tokens["林华"], { resolution: "upheld", response: "好" }), { id: did })).status).toBe(403);
    expect((await call(resolveAction, json(answer, tokens["审核员"], { resolution: "maybe", response: "好" }), { id: did })).status).toBe(400);
    expect((await call(resolveAction, json(answer, tokens["审核员"], { resolution: "overridden", response: "好" }), { id: did })).status).toBe(400);
    expect((await call(resolveAction, json("/api/disagreements/nope", tokens["审核员"], { resolution: "upheld", response: "好" }), { id: "nope" })).status).toBe(404);
    expect(await call(resolveAction, json(answer, tokens["审核员"], { resolution: "overridden", status: "missed", response: "核实属实" }), { id: did })).toMatchObject({
      status: 200,
      body: { state: "overridden" },
    });
    const detail = await call(detailLoader, new Request(`${base}/api/commitments/${id}`, staff), { id });
    expect(detail.body.disagreements[0]).toMatchObject({ state: "overridden", overrideStatus: "missed", response: "核实属实" });
    expect(detail.body.status).toBe("missed");
  });
});
