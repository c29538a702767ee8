// The pure domain rules: status (issue 3 §5) and matching (issue 3 §3). No I/O, no clock.
export * from "./types";
export * from "./status";
export * from "./matching";
export { formatDate, formatDay, formatDue, formatNumber, formatTarget, formatValue } from "./format";
export { compareUnits, isCountUnit, normalizePer, unitDimension } from "./units";
export { relateRegions, provinceOf } from "./regions";
export { INDICATOR_SYNONYMS } from "./indicator-synonyms";
