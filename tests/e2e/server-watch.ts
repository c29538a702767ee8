// What the heavy-input suites measure while a file is being read: the health check's answer times
// (asked again and again, 25 ms apart) and the server process's resident memory (sampled every
// 100 ms, and once at the start and the end, so a file refused within 100 ms is measured too).
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { RunningServer } from "./server";

/** The resident memory of the server process (the one running server/boot.mjs for this test's database), in MB. */
export function serverRssMb(server: RunningServer): number | null {
  const dbUrl = `DATABASE_URL=file:${path.join(server.dir, "tracker.sqlite")}`;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes("server/boot.mjs")) continue;
      if (!fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(dbUrl)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      return rss ? Number(rss[1]) / 1024 : null;
    } catch {
      // a process that ended meanwhile
    }
  }
  return null;
}

export interface Watch {
  stop(): Promise<{ healthMs: number[]; peakRssMb: number }>;
}

/** Asks /healthz again and again (25 ms apart) and samples the server's memory until stopped. */
export function watchServer(server: RunningServer): Watch {
  let running = true;
  const healthMs: number[] = [];
  let peakRssMb = 0;
  const health = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${server.url}/healthz`, { headers: { Connection: "close" }, signal: AbortSignal.timeout(10_000) });
      expect(await response.json()).toEqual({ ok: true });
      healthMs.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const sample = () => (peakRssMb = Math.max(peakRssMb, serverRssMb(server) ?? 0));
  sample();
  const memory = setInterval(sample, 100);
  return {
    async stop() {
      running = false;
      clearInterval(memory);
      sample();
      await health;
      return { healthMs, peakRssMb };
    },
  };
}

/** The median, 95th percentile and slowest of the health checks' times (ms). */
export function healthSummary(healthMs: number[]): { median: number; p95: number; slowest: number } {
  const sorted = [...healthMs].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.POSITIVE_INFINITY,
    slowest: sorted.at(-1) ?? Number.POSITIVE_INFINITY,
  };
}
