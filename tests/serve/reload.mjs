// reload.mjs: an open page, served by `mixdown serve`, reloads itself when its chapter is
// saved, in headless Chromium. Prints one TAP line with the time from save to new text.
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../browser/chromium.mjs";
import { readFileSync, writeFileSync } from "node:fs";

const [url, chapter] = process.argv.slice(2);
const name = "serve: an open page reloads itself after a save";
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForTimeout(300); // the page's script starts waiting for the next build
  const text = readFileSync(chapter, "utf8");
  const saved = Date.now();
  writeFileSync(chapter, text.replace(/<para>[^<]*/, "<para>Words written while the page was open"));
  await page.waitForFunction(() => document.body.innerText.includes("Words written while the page was open"),
                             null, { timeout: 10000 });
  console.log(`ok - ${name} (${Date.now() - saved} ms from save to new text)`);
} catch (error) {
  console.log(`not ok - ${name}`);
  console.log(`    ${String(error).split("\n")[0]}`);
} finally {
  await browser.close();
}
