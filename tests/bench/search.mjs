// search.mjs: the site's search on a built book, for `make bench`: the gzipped bytes a first
// query loads (the engine and stemmer beyond site.js, the records, the shards the query needs,
// the text of the results shown: tests/search/size.mjs), the largest over the queries below,
// against its target (64 KB for the handbook, 500 KB for a bigger book); and, in headless
// Chromium from file:// with the CPU slowed four times through CDP (a phone), the time from the
// first keystroke to its first results shown, against 100 ms (and to their snippets), and the
// median and slowest time from a later keystroke to its results shown. Prints one Markdown table row.
// Usage: node search.mjs LABEL SITE
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';
import { firstQuery } from '../search/size.mjs';

const [label, siteArg] = process.argv.slice(2);
const QUERIES = ['mastering', 'A&R', 'mastring', 'how do I become a mixing engineer', 'live sound engineer', 'Rick Rubin'];
const BYTES_TARGET = label === '1x' ? 64 * 1024 : 500 * 1024;
const TIME_TARGET = 100;
const met = (ok) => (ok ? 'met' : 'not met');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const sizes = ['m', ...QUERIES].map((query) => ({ query, ...firstQuery(siteArg, query) }));
const most = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));

// Times from an input event to its first results shown (titles, before their snippets' text
// arrives) and to the list complete (snippets too, no longer busy): {shown, complete}.
function timed(page, query) {
	return page.evaluate((q) => new Promise((done) => {
		const input = document.getElementById('search-input');
		const list = document.getElementById('search-results');
		const t = performance.now();
		let shown = null;
		list.textContent = ''; // the previous query's results do not count as this one's
		const seen = new MutationObserver(() => {
			if (!list.querySelector('[role="option"]')) return;
			if (shown === null) shown = performance.now() - t;
			if (!list.hasAttribute('aria-busy')) {
				seen.disconnect();
				done({ shown, complete: performance.now() - t });
			}
		});
		seen.observe(list, { attributes: true, childList: true, subtree: true });
		input.value = q;
		input.dispatchEvent(new Event('input'));
	}), query);
}

const context = await launch({ viewport: { width: 1280, height: 900 } });
try {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.goto(pathToFileURL(resolve(siteArg, 'roles-studio.html')).href);
	const cold = await timed(page, 'mastering');
	// As a reader does: the box focused first (which loads the engine and the records), then a
	// first query, which loads its shards and snippets' text.
	await page.reload();
	await page.focus('#search-input');
	await page.waitForFunction(() => window.mixdownSearch && window.mixdownSearchEngine);
	const first = await timed(page, 'mastering');
	const times = [];
	for (const q of QUERIES) times.push((await timed(page, q)).shown);
	const sorted = [...times].sort((a, b) => a - b);
	console.log(`| ${label} | ${kb(most.bytes)} ("${most.query}", ${most.files.length} files; target ${kb(BYTES_TARGET)}: ${met(most.bytes <= BYTES_TARGET)}) | ${first.shown.toFixed(0)} ms after focus to the first results (target ${TIME_TARGET} ms: ${met(first.shown < TIME_TARGET)}), ${first.complete.toFixed(0)} ms to their snippets; ${cold.shown.toFixed(0)} ms with nothing loaded | ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms | ${sorted[sorted.length - 1].toFixed(1)} ms |`);
} finally {
	await context.close();
}
