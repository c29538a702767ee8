// What an upload found, in one sentence (issue 9 §7): the pledges, the figures and the links it
// proposed, each counted — "新增 0 项承诺" no longer hides two figures and two proposed links — and
// that they wait for a reviewer. The document page links each to its place in the review queue.

export function uploadSummary(fileName: string, found: { commitments: number; observations: number; links: number }): string {
  const parts = [`新增 ${found.commitments} 项承诺`, `${found.observations} 条进展数据`];
  const links = found.links > 0 ? `，提出 ${found.links} 条待确认的关联` : "";
  const nothing = found.commitments === 0 && found.observations === 0 && found.links === 0;
  return nothing
    ? `已导入“${fileName}”：新增 0 项承诺，未识别出承诺或进展数据；如有遗漏，可在原文中选中文字补充承诺。`
    : `已导入“${fileName}”：${parts.join("、")}${links}，均待审核人员核对。`;
}
