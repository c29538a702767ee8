// Plain series for the charts, computed on the server so the client chart only draws. Dates are ISO
// days turned into UTC midnights (a number axis keeps uneven report dates at their true spacing).

export interface ProgressChartInput {
  reports: { asOf: string; value: number | null }[];
  baseline: { value: number; asOf: string } | null;
  target: number | null;
  due: string | null;
  unit: string | null;
}

export interface ProgressChartData {
  reported: { t: number; value: number }[];
  /** the straight line from the baseline to the target at the due date */
  path: { t: number; value: number }[];
  target: number | null;
  due: number | null;
  domain: [number, number];
  unit: string | null;
}

export function dayToTime(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function timeToDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** null when there is nothing a line could show (no numbers at all). */
export function buildProgressChart(input: ProgressChartInput): ProgressChartData | null {
  const reported = input.reports
    .flatMap((r) => {
      const t = dayToTime(r.asOf);
      return t !== null && r.value !== null && Number.isFinite(r.value) ? [{ t, value: r.value }] : [];
    })
    .sort((a, b) => a.t - b.t);
  const due = input.due ? dayToTime(input.due) : null;
  const start = input.baseline ? dayToTime(input.baseline.asOf) : null;
  const path =
    input.baseline && start !== null && due !== null && input.target !== null && due > start
      ? [
          { t: start, value: input.baseline.value },
          { t: due, value: input.target },
        ]
      : [];
  if (reported.length === 0 && path.length === 0) return null;
  const times = [...reported.map((p) => p.t), ...path.map((p) => p.t), ...(due !== null ? [due] : [])];
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  // A single date still needs a visible span: a month either side.
  if (hi - lo < 86_400_000 * 30) {
    lo -= 86_400_000 * 30;
    hi += 86_400_000 * 30;
  }
  return { reported, path, target: input.target, due, domain: [lo, hi], unit: input.unit };
}

