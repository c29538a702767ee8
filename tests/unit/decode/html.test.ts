import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeDocument } from "../../../app/decode/index";
import { pageText } from "../../../app/decode/html";
import { cixiText, furnitureText, gbk, replyPage, utf8, visibleLines, withBom } from "./build-fixtures";

const headline = visibleLines(cixiText)[0]!; // 对市十八届人大一次会议第157号建议的答复
const body = cixiText.slice(cixiText.indexOf(headline) + headline.length);

describe("HTML: the article without the page around it", () => {
  const cases = [
    { name: "a UTF-8 page", fileName: "reply.html", bytes: utf8(replyPage(cixiText, { charset: "utf-8" })), encoding: "utf-8" },
    { name: "a GBK page declaring charset=gbk in a meta tag", fileName: "reply.htm", bytes: gbk(replyPage(cixiText, { charset: "gbk" })), encoding: "gbk" },
    { name: "a GB2312-labelled page (read as GB18030)", fileName: "reply.html", bytes: gbk(replyPage(cixiText, { charset: "gb2312" })), encoding: "gbk" },
    { name: "a UTF-8 page with a BOM", fileName: "reply.html", bytes: withBom("utf-8", replyPage(cixiText, { charset: "utf-8" })), encoding: "utf-8" },
    { name: "a GBK page that declares no charset", fileName: "reply.html", bytes: gbk(replyPage(cixiText, { charset: "" }).replace(/<meta http-equiv[^>]*>/, "")), encoding: "gbk" },
    { name: "a GBK page mislabelled as UTF-8", fileName: "reply.html", bytes: gbk(replyPage(cixiText, { charset: "utf-8" })), encoding: "gbk" },
  ];

  it.each(cases)("$name: every line of the reply, in order, and none of the furniture", async ({ fileName, bytes, encoding }) => {
    const decoded = await decodeDocument(bytes, fileName);
    expect(decoded.format).toBe("html");
    expect(decoded.encoding).toBe(encoding);
    expect(visibleLines(decoded.text)).toEqual(visibleLines(cixiText));
    for (const junk of furnitureText) expect(decoded.text).not.toContain(junk);
    expect(decoded.text).not.toContain("打印本页");
  });

  it("puts back the <h1> that repeats the page title, which Readability removes", async () => {
    const page = replyPage(body, { charset: "utf-8", headline });
    const decoded = await decodeDocument(utf8(page), "reply.html");
    expect(decoded.title).toBe(headline);
    expect(visibleLines(decoded.text)).toEqual(visibleLines(cixiText));
  });

  it("decodes entities and turns <br>, list items and block elements into line breaks", async () => {
    const page = `<html><head><meta charset="utf-8"><title>t</title></head><body><div id="content">
      <p>一、养老服务&nbsp;设施&amp;床位：到2027年&#65292;培育80家企业&lt;领军&gt;。</p>
      <div>慈溪市民政局<br>2022年6月29日</div>
      <ul><li>新建家庭养老床位50张</li><li>培训护理员300人次</li></ul>
      <p>第一段</p><p></p><p></p><p>第二段</p></div></body></html>`;
    const decoded = await decodeDocument(utf8(page), "reply.html");
    expect(decoded.text.split("\n")).toEqual([
      "一、养老服务 设施&床位：到2027年，培育80家企业<领军>。",
      "慈溪市民政局",
      "2022年6月29日",
      "新建家庭养老床位50张",
      "培训护理员300人次",
      "第一段",
      "第二段",
    ]);
  });

  it("puts each table cell on its own line, row by row (序号 / 具体诉求 / 答复内容)", async () => {
    const page = `<html><head><meta charset="utf-8"><title>答复</title></head><body><div class="article">
      <p>现将有关意见答复如下：</p>
      <table><tr><th>序号</th><th>具体诉求</th><th>答复内容</th></tr>
      <tr><td>1</td><td>增加家庭养老床位</td><td>今年计划新建家庭养老床位50张。</td></tr>
      <tr><td>2</td><td>加强护理员培训</td><td>到2025年，持证护理员比例不低于70%。</td></tr></table>
      <p>感谢您的建议。</p></div></body></html>`;
    const decoded = await decodeDocument(utf8(page), "reply.html");
    expect(decoded.text.split("\n")).toEqual([
      "现将有关意见答复如下：",
      "序号", "具体诉求", "答复内容",
      "1", "增加家庭养老床位", "今年计划新建家庭养老床位50张。",
      "2", "加强护理员培训", "到2025年，持证护理员比例不低于70%。",
      "感谢您的建议。",
    ]);
  });

  it("drops a site header with a menu, the nav, a share bar and the footer even when Readability keeps the whole body", async () => {
    const page = `<html><head><meta charset="utf-8"><script>var x = "脚本里的文字"</script></head><body>
      <nav>首页导航菜单</nav><header><ul><li><a href="/">机构概况栏目</a></li></ul></header>
      <span>短答复：已办理。</span>
      <div class="share">分享到微信</div><footer>版权所有 慈溪市人民政府</footer></body></html>`;
    const decoded = await decodeDocument(utf8(page), "short.html");
    expect(decoded.text).toBe("短答复：已办理。");
  });

  it("whole-page fallback: the body minus nav, header, footer, sidebar and layout-named blocks", () => {
    const page = `<html><body><form id="form1">
      <div class="top">慈溪市人民政府门户网站</div><header><h1>站点名称</h1></header>
      <div id="nav"><a>首页导航菜单</a></div><div class="left-menu">机构概况栏目</div>
      <div class="con"><p>第一段答复。</p><p>第二段答复。</p></div>
      <aside>相关链接栏目</aside><div class="copyright">版权所有 慈溪市人民政府</div><div class="bottom">浙ICP备05012345号</div>
      </form></body></html>`;
    expect(pageText(page)).toBe("第一段答复。\n第二段答复。");
  });

  it("uses a non-Chinese charset the page declares", async () => {
    const page = `<html><head><meta charset="windows-1252"><title>r</title></head><body><p>Caf\u00e9 r\u00e9sum\u00e9 na\u00efve</p></body></html>`;
    const decoded = await decodeDocument(new Uint8Array(iconv.encode(page, "windows-1252")), "r.html");
    expect(decoded.text).toBe("Café résumé naïve");
    expect(decoded.encoding).toBe("windows-1252");
  });

  it("recognises an HTML page by its content when the name has no known extension", async () => {
    const decoded = await decodeDocument(utf8(replyPage(cixiText, { charset: "utf-8" })), "download.aspx");
    expect(decoded.format).toBe("html");
    expect(decoded.text).not.toContain("首页导航菜单");
  });

  it("refuses a page with no text", async () => {
    await expect(decodeDocument(utf8("<html><body><script>x()</script></body></html>"), "e.html")).rejects.toThrow("e.html: no text in the HTML page");
  });
});
