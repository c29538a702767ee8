// Browser-only stacked bars for the annual review (回头看); rendered inside <ClientOnly>.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { GROUP_COLORS } from "~/lib/status-style";

export interface AnnualChartRow {
  name: string;
  kept: number;
  missed: number;
  overdue: number;
  open: number;
  vague: number;
}

const SERIES: { key: keyof Omit<AnnualChartRow, "name">; label: string; color: string }[] = [
  { key: "kept", label: "已兑现", color: GROUP_COLORS.kept },
  { key: "missed", label: "未兑现", color: GROUP_COLORS.missed },
  { key: "overdue", label: "逾期无证据", color: GROUP_COLORS.overdue },
  { key: "open", label: "未到期 / 暂无数据", color: GROUP_COLORS.pending },
  { key: "vague", label: "笼统表述", color: GROUP_COLORS.unrateable },
];

export default function AnnualChart({ rows }: { rows: AnnualChartRow[] }) {
  const height = Math.max(220, rows.length * 34 + 80);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e3e6ec" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#566074" }} />
        <YAxis
          type="category"
          dataKey="name"
          width={150}
          tick={{ fontSize: 12, fill: "#1d2433" }}
          tickFormatter={(name: string) => (name.length > 11 ? `${name.slice(0, 10)}…` : name)}
        />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {SERIES.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
