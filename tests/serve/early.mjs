// early.mjs: `mixdown serve` shows the pages open in browsers first when a save passes the
// quick checks, and those pages are byte for byte what the whole build then publishes and what
// `mixdown build` makes; a save the schema refuses is never shown early; in headless Chromium,
// a save reloads the open pages it changed and leaves the others as they are (the build's last
// status answer lists the pages it changed). Prints one TAP line each.
// Usage: node early.mjs URL BOOK_DIR MIXDOWN WORK_DIR
// (BOOK_DIR holds book.xml, chapter.xml (page c.html) and other.xml (page o.html), which shows
// images/dot.svg.)
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../browser/chromium.mjs";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [url, bookDir, mixdown, workDir] = process.argv.slice(2);
const chapter = `${bookDir}/chapter.xml`;
const original = readFileSync(chapter, "utf8");
const liveTag = '<script src="/_mixdown/live.js"></script>';

function report(name, passed, detail) {
  console.log(`${passed ? "ok" : "not ok"} - serve: ${name}`);
  if (!passed && detail) console.log(`    ${detail}`);
}

async function status(after, page) {
  const query = `after=${after}` + (page === undefined ? "" : `&page=${encodeURIComponent(page)}`);
  return (await fetch(`${url}/_mixdown/status?${query}`, { cache: "no-store" })).json();
}

async function latest() {
  return (await status("")).build;
}

// The status answers for one save of `text`, made while a request from the page at `page`
// waits (and, beside it, requests from the pages in `others`), with the page's bytes as served
// after each answer: [{status, body}, ...] until the build has ended (an answer without "only").
async function saveWatched(text, page, others = []) {
  const known = await latest();
  const answer = status(known, page);
  const beside = others.map((other) => status(known, other).catch(() => null));
  // Let the requests reach the server and wait there; saveWatched is tried again when a slow
  // machine saved before they did (no "only" answer came).
  await new Promise((done) => setTimeout(done, 300));
  writeFileSync(chapter, text);
  const seen = [];
  let s = await answer;
  for (;;) {
    while (s.build === known) s = await status(known, page);
    const body = await (await fetch(url + page, { cache: "no-store" })).text();
    seen.push({ status: s, body });
    if (!s.only) break;
    s = await status(s.build, page);
  }
  await Promise.all(beside);
  return seen;
}

async function restore() {
  const known = await latest();
  writeFileSync(chapter, original);
  let s = await status(known);
  while (s.build === known || s.only) s = await status(s.build);
}

// A save of new words, tried until one is shown early (a few times at most).
async function shownEarly(words, others) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    const seen = await saveWatched(original.replace(/<para>[^<]*/, `<para>${words} ${attempt}`), "/c.html", others);
    if (seen.length === 2) return seen;
    await restore();
  }
  return null;
}

// 1. Shown early, the same bytes as the whole build's page and as `mixdown build`'s.
{
  const name = "a save shows the open page first, byte for byte the page the whole build publishes and `mixdown build` makes";
  const hostile = ["/../../etc/passwd", "/a/../o.html", "/o.html' or '1", `/${"x".repeat(400)}.html`,
                   "/.hidden.html", "/search.html", "/%00.html", "/c.html\u0000"];
  const seen = await shownEarly("Words shown before the whole build", hostile);
  let detail = "";
  if (seen === null) {
    detail = "no save was shown early (no status listed the page in \"only\")";
  } else {
    const [early, whole] = seen;
    execFileSync(mixdown, ["build", `${bookDir}/book.xml`, "-o", `${workDir}/early-build`], { stdio: "ignore" });
    const built = readFileSync(`${workDir}/early-build/html/c.html`, "utf8");
    if (JSON.stringify(early.status.only) !== '["c.html"]')
      detail = `the early answer lists ${JSON.stringify(early.status.only)}, not only c.html`;
    else if (!early.body.includes("Words shown before the whole build"))
      detail = "the page served after the early answer lacks the saved words";
    else if (early.body !== whole.body)
      detail = "the page shown early differs from the page the whole build published";
    else if (early.body.replace(liveTag, "") !== built)
      detail = "the page shown early differs from the one `mixdown build` makes";
    else if (whole.status.error || !whole.status.changed || whole.status.changed.includes("c.html"))
      detail = `the build's last answer does not spare c.html a second reload: ${JSON.stringify(whole.status)}`;
  }
  report(name, detail === "", detail);
  await restore();
}

// 2. A save the schema refuses is reported, and never shown early.
{
  const name = "a save the schema refuses is reported as the banner's error, with no page shown early before it";
  const seen = await saveWatched(original.replace("<para>", "<para><bogus/>"), "/c.html");
  const early = seen.filter((s) => s.status.only);
  const last = seen[seen.length - 1].status;
  let detail = "";
  if (early.length > 0) detail = `the refused save was shown early: ${JSON.stringify(early[0].status)}`;
  else if (!/chapter\.xml:\d+:\d+: .*bogus/.test(last.error ?? "")) detail = `no error names the fault: ${JSON.stringify(last)}`;
  else if (seen[seen.length - 1].body.includes("bogus")) detail = "the refused save's page is served";
  await restore();
  // the same request shows a good save early: the refusal above was the schema's, not a miss
  if (detail === "" && (await shownEarly("Words after the refused save")) === null)
    detail = "a good save after it was not shown early either";
  report(name, detail === "", detail);
  await restore();
}

// 4. With no page open: the build's last answer lists exactly the pages it changed.
{
  const name = "a save's last status answer lists the pages it changed: one for a new paragraph, every page for a new title or picture";
  const settle = async (known) => {
    let s = await status(known);
    while (s.build === known || s.only) s = await status(s.build);
    return s;
  };
  let detail = "";
  let known = await latest();
  writeFileSync(chapter, original.replace(/<para>[^<]*/, "<para>A paragraph of one page"));
  let s = await settle(known);
  if (s.error || JSON.stringify(s.changed) !== '["c.html"]')
    detail = `a new paragraph in chapter.xml listed ${JSON.stringify(s.changed)}, not only c.html`;
  known = s.build;
  writeFileSync(chapter, original.replace("<title>A chapter</title>", "<title>A chapter, renamed</title>"));
  s = await settle(known);
  const all = ["c.html", "index.html", "o.html"];
  if (detail === "" && s.changed && !all.every((p) => s.changed.includes(p)))
    detail = `a new title listed ${JSON.stringify(s.changed)}, not every page`;
  await restore();
  // a picture: the pages showing it are the same bytes, yet they must reload
  const picture = `${bookDir}/images/dot.svg`;
  const drawn = readFileSync(picture, "utf8");
  known = await latest();
  writeFileSync(picture, drawn.replace("#336699", "#993366"));
  s = await settle(known);
  writeFileSync(picture, drawn);
  if (detail === "" && s.changed)
    detail = `a new picture listed ${JSON.stringify(s.changed)}, where every page must reload`;
  await settle(s.build);
  report(name, detail === "", detail);
}

// 3. In a browser: the open pages the save changed reload, the others stay.
{
  const name = "with two pages open, a new paragraph reloads its own page only, and a new title both";
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let detail = "";
  try {
    const pages = {};
    for (const p of ["c", "o"]) {
      pages[p] = await browser.newPage();
      await pages[p].goto(`${url}/${p}.html`);
      await pages[p].waitForFunction(() => document.documentElement.hasAttribute("data-mixdown-build"));
      await pages[p].evaluate(() => { window.untouched = true; });
    }
    // each page has seen the build that ends the save, so it has decided whether to reload
    const settle = async () => {
      let s = await status(await latest());
      while (s.only) s = await status(s.build);
      for (const p of Object.values(pages))
        await p.waitForFunction((b) => document.documentElement.getAttribute("data-mixdown-build") === String(b),
                                s.build, { timeout: 20000 });
    };
    const untouched = async (p) => pages[p].evaluate(() => window.untouched === true);

    writeFileSync(chapter, original.replace(/<para>[^<]*/, "<para>A paragraph only its own page shows"));
    await pages.c.waitForFunction(() => document.body.innerText.includes("A paragraph only its own page shows"),
                                  null, { timeout: 20000 });
    await settle();
    if (!(await untouched("o"))) detail = "o.html reloaded though the save left it as it was";
    else if (await untouched("c")) detail = "c.html shows the new words without having reloaded";

    if (detail === "") {
      for (const p of Object.values(pages)) await p.evaluate(() => { window.untouched = true; });
      writeFileSync(chapter, original.replace("<title>A chapter</title>", "<title>A retitled chapter</title>"));
      await pages.o.waitForFunction(() => document.body.innerText.includes("A retitled chapter"), null, { timeout: 20000 });
      await settle();
      if (await untouched("o")) detail = "o.html did not reload for the new title in its contents";
      else if (!(await pages.c.evaluate(() => document.body.innerText.includes("A retitled chapter"))))
        detail = "c.html does not show its new title";
    }
  } catch (error) {
    detail = String(error).split("\n")[0];
  } finally {
    await browser.close();
  }
  report(name, detail === "", detail);
  await restore();
}
