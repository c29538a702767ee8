// What every browser test shares: Debian's Chromium with the flags this machine needs (no network
// of its own), and a watch on the page's console so that an error in it fails the test.
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Console errors and uncaught exceptions of a page, except those a test says it expects. */
export function watchConsole(page: Page): { errors: string[]; expected: RegExp[] } {
  const watch = { errors: [] as string[], expected: [] as RegExp[] };
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (watch.expected.some((pattern) => pattern.test(text))) return;
    watch.errors.push(text);
  });
  page.on("pageerror", (error) => watch.errors.push(`uncaught: ${error.message}`));
  return watch;
}
