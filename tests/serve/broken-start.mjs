// broken-start.mjs: a page served while the book has been broken since `mixdown serve`
// started shows the error in its banner, and loads the chapter once a save removes the fault,
// in headless Chromium. Prints one TAP line.
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../browser/chromium.mjs";
import { readFileSync, writeFileSync } from "node:fs";

const [url, chapter, fault, words] = process.argv.slice(2);
const name = "serve: a book broken at start shows its error in the page's banner, and a fix brings the page";
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction((f) => document.getElementById("mixdown-error")?.textContent.includes(f),
                             fault.replace(/[<\/>]/g, ""), { timeout: 10000 });
  writeFileSync(chapter, readFileSync(chapter, "utf8").replace(fault, ""));
  await page.waitForFunction((w) => document.body.innerText.includes(w) && !document.getElementById("mixdown-error"),
                             words, { timeout: 10000 });
  console.log(`ok - ${name}`);
} catch (error) {
  console.log(`not ok - ${name}`);
  console.log(`    ${String(error).split("\n")[0]}`);
} finally {
  await browser.close();
}
