// Browser-only (the .client suffix makes Remix leave it out of the server bundle); rendered inside
// <ClientOnly>. Receives plain series from app/lib/chart-series.ts.
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ProgressChartData } from "~/lib/chart-series";

const fmtDay = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
};
const fmtNum = (v: number) => v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

export default function ProgressChart({ data }: { data: ProgressChartData }) {
  const unit = data.unit ?? "";
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e3e6ec" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={data.domain}
          tickFormatter={fmtDay}
          tick={{ fontSize: 12, fill: "#566074" }}
          allowDuplicatedCategory={false}
        />
        <YAxis
          tickFormatter={fmtNum}
          tick={{ fontSize: 12, fill: "#566074" }}
          width={64}
          domain={[(min: number) => Math.min(0, min), "auto"]}
        />
        <Tooltip
          labelFormatter={(t) => fmtDay(Number(t))}
          formatter={(value) => `${fmtNum(Number(value))}${unit}`}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {data.target !== null ? (
          <ReferenceLine
            y={data.target}
            stroke="#b3261e"
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{ value: `目标 ${fmtNum(data.target)}${unit}`, position: "insideTopRight", fill: "#b3261e", fontSize: 12 }}
          />
        ) : null}
        {data.due !== null ? (
          <ReferenceLine x={data.due} stroke="#8a93a5" strokeDasharray="2 3" label={{ value: "期限", position: "top", fill: "#566074", fontSize: 12 }} />
        ) : null}
        {data.path.length ? (
          <Line
            data={data.path}
            dataKey="value"
            name="应达进度（线性）"
            stroke="#8a93a5"
            strokeDasharray="5 5"
            dot={false}
            isAnimationActive={false}
          />
        ) : null}
        <Line
          data={data.reported}
          dataKey="value"
          name="报告值"
          stroke="#1f3a5f"
          strokeWidth={2.5}
          dot={{ r: 4, fill: "#1f3a5f" }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
