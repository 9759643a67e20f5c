// search.mjs: the site's search on a built book, for `make bench`: the size of what a query
// loads (the records, the engine, the stemmer; raw and gzipped) and, in headless Chromium from
// file:// with the CPU slowed four times through CDP (a phone), the time from the first
// keystroke to its results (the scripts loaded and the index built) and from each later
// keystroke to its results. Prints one Markdown table row.
// Usage: node search.mjs LABEL SITE SCRATCH
import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const [label, siteArg, scratch] = process.argv.slice(2);
const QUERIES = ['mastering', 'A&R', 'mastring', 'how do I become a mixing engineer', 'live sound engineer', 'Rick Rubin'];

function size(files) {
	const bytes = files.map((f) => readFileSync(join(siteArg, 'assets', f)));
	const raw = bytes.reduce((s, b) => s + b.length, 0);
	const gz = bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
	return `${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gzipped)`;
}

const context = await launch(scratch, { viewport: { width: 1280, height: 900 } });
try {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await page.goto(pathToFileURL(resolve(siteArg, 'roles-studio.html')).href);
	const start = Date.now();
	await page.type('#search-input', 'm');
	await page.waitForSelector('#search-results [role="option"]', { state: 'visible', timeout: 600000 });
	const first = Date.now() - start;
	const times = [];
	for (const q of QUERIES) {
		times.push(await page.evaluate((query) => {
			const input = document.getElementById('search-input');
			input.value = query;
			const t = performance.now();
			input.dispatchEvent(new Event('input'));
			return performance.now() - t;
		}, q));
	}
	const sorted = [...times].sort((a, b) => a - b);
	console.log(`| ${label} | ${size(['search-index.js'])} | ${size(['search-index.js', 'search.js', 'stemmer.js'])} | ${first} ms | ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms | ${sorted[sorted.length - 1].toFixed(1)} ms |`);
} finally {
	await context.close();
}
