// Issue 10, item 1, over HTTP against the production server: while each heavy file of the issue is
// uploaded, the server keeps answering its health check within 200 ms, the file is refused with a
// Chinese reason and nothing is stored; bodies over their route's limit are refused before they are
// read; the server's memory stays under 512 MB.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxBomb, manyPagePdf, nestedDivs, pledgeText } from "./heavy-files";
import { startServer, type RunningServer } from "./server";
import { watchServer } from "./server-watch";
import { addUser, apiToken } from "./users";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

let server: RunningServer;
let token: string;

async function upload(bytes: Uint8Array, fileName: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append("file", new Blob([bytes as BlobPart]), fileName);
  const response = await fetch(`${server.url}/api/documents`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, Connection: "close" },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function commitmentTotal(): Promise<number> {
  // A fresh connection: a kept-alive one the server closed while the test built a file fails once.
  // With the reviewer's token: signed-out visitors see checked commitments only (decision 0031).
  const response = await fetch(`${server.url}/api/commitments?limit=1`, { headers: { Connection: "close", Authorization: `Bearer ${token}` } }).catch((error: unknown) => {
    throw new Error(`the server did not answer (${String(error)}); its output:\n${server.output().slice(-4000)}`);
  });
  return ((await response.json()) as { total: number }).total;
}

/** Sends raw request bytes and returns the status line's code (for lengths fetch would not send). */
function rawRequest(head: string, body = ""): Promise<number> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(head + body));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.on("error", reject);
    socket.setTimeout(10_000, () => reject(new Error("no answer")));
  });
}

beforeAll(async () => {
  // A shorter limit than the default minute keeps the test short; the mechanism is the same.
  process.env.INGEST_TIME_LIMIT_SECONDS = "20";
  server = await startServer();
  addUser(server, "上传员", "reviewer");
  token = apiToken(server, "上传员");
}, 300_000);

afterAll(async () => {
  delete process.env.INGEST_TIME_LIMIT_SECONDS;
  await server?.stop();
});

describe("heavy uploads do not stop the server", () => {
  const heavy: [string, () => Uint8Array, string, RegExp][] = [
    ["a 19.5 MB text of pledge lines", () => pledgeText(19.5 * 1024 * 1024), "pledges.txt", /超过单份文件5000项的上限|处理超时|超出内存上限/],
    ["200,000 nested <div>s", () => nestedDivs(200_000), "deep.html", /网页的标签嵌套过深（超过256层）/],
    ["a 20,000-page PDF", () => manyPagePdf(20_000), "yearbook.pdf", /PDF 页数过多（20000页，上限500页）/],
    ["a .docx whose document.xml inflates to 300 MB", () => docxBomb(300 * 1024 * 1024), "bomb.docx", /\.docx 解压后过大/],
  ];

  it.each(heavy)("%s: health answered within 200 ms throughout, refused in Chinese, nothing stored", async (_name, make, fileName, reason) => {
    const bytes = make();
    const before = await commitmentTotal();
    const watching = watchServer(server);
    const started = performance.now();
    const result = await upload(bytes, fileName);
    const seconds = (performance.now() - started) / 1000;
    const { healthMs, peakRssMb } = await watching.stop();
    const sorted = [...healthMs].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.POSITIVE_INFINITY;
    console.log(
      `${fileName}: ${result.status} after ${seconds.toFixed(1)} s; ${healthMs.length} health checks, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, slowest ${sorted.at(-1)?.toFixed(0)} ms; server RSS peak ${peakRssMb.toFixed(0)} MB`,
    );
    if (result.status !== 422) console.log(server.output().slice(-4000));
    expect(result.status).toBe(422);
    expect(String(result.body.error)).toMatch(/^文件无法读取：/);
    expect(String(result.body.reason)).toMatch(reason);
    expect(healthMs.length).toBeGreaterThan(0);
    expect(peakRssMb).toBeGreaterThan(0); // the server process was found and measured
    // Within 200 ms — allowing the machine's own scheduling hiccups: on two busy cores an idle Node
    // process's timers already slip by up to ~180 ms now and then. Before the worker, the health
    // check waited for the whole file (6 s to 37 minutes).
    expect(p95).toBeLessThan(200);
    expect(sorted.at(-1)!).toBeLessThan(1_000);
    expect(peakRssMb).toBeLessThan(512);
    expect(before).toBeGreaterThan(0);
    expect(await commitmentTotal()).toBe(before);
  }, 180_000);

  it("a real reply uploaded the same way is stored", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(root, "tests/fixtures/tracking-e2e/2026-hangzhou-yanglao-gongbao.txt")));
    const result = await upload(bytes, "gongbao.txt");
    expect(result.status).toBe(201);
    expect(result.body.duplicate).toBe(false);
    expect(Number(result.body.observations) + Number(result.body.commitments)).toBeGreaterThan(0);
  });
});

describe("request bodies have a limit on every route", () => {
  it("refuses by its declared length a 300 MB JSON update and a 400 MB login, before reading them", async () => {
    const json = (url: string, length: number) =>
      rawRequest(`POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`, "{");
    expect(await json("/api/commitments/x/updates", 300 * 1024 * 1024)).toBe(413);
    const login = `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${400 * 1024 * 1024}\r\n\r\n`;
    expect(await rawRequest(login, "username=a")).toBe(413);
  });

  it("refuses a form over 256 KB with a Chinese message, and a body of unstated length", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `username=a&password=${"x".repeat(300 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("提交的内容过大（300 KB，此处上限 256 KB）。");
    const chunked = `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`;
    expect(await rawRequest(chunked, "5\r\nuser=\r\n")).toBe(411);
  });

  it("lets an upload of 20 MB through to the route", async () => {
    const bytes = new Uint8Array(20 * 1024 * 1024 - 1024).fill(0x41);
    const result = await upload(bytes, "big.txt");
    expect(result.status).toBe(422); // read and refused by the decoder (no Chinese prose), not by the limit
  });
});
