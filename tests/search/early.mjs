// early.mjs: the search box shows its results as soon as the index has answered, without
// waiting for the text of their snippets, in headless Chromium from file://. The page's
// snippet text files are held back (their <script> elements are kept out of the document
// until the test lets them in), so the test sees what a reader on a slow phone sees first:
//   - while the text is on its way, the results are there as links with the exact count, the
//     list is marked busy, and a result can be selected;
//   - once the text arrives, the snippets appear, the list is no longer busy, and the result
//     the reader had selected is still the selected one.
// Usage: node early.mjs SITE
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const site = pathToFileURL(resolve(process.argv[2])).href;

let failed = 0;
function check(name, pass, detail) {
	if (!pass) failed++;
	console.log(`${pass ? 'ok' : 'not ok'} - search box: ${name}`);
	if (!pass) console.log(`    ${JSON.stringify(detail)}`);
}

// In the page: scripts of the snippet text files (assets/search/x-N.js) wait in window.heldText
// until window.releaseText() appends them.
function holdText() {
	const append = Node.prototype.appendChild;
	let released = false;
	window.heldText = [];
	Node.prototype.appendChild = function (child) {
		if (!released && child instanceof HTMLScriptElement && /\/x-\d+\.js$/.test(child.src)) {
			window.heldText.push(child);
			return child;
		}
		return append.call(this, child);
	};
	window.releaseText = () => {
		released = true;
		window.heldText.forEach((s) => document.head.appendChild(s));
	};
}

const box = () => {
	const list = document.getElementById('search-results');
	const options = [...list.querySelectorAll('[role="option"]')];
	return {
		busy: list.getAttribute('aria-busy') === 'true',
		results: options.filter((o) => o.classList.contains('result')).length,
		links: options.every((o) => o.tagName === 'A' && o.getAttribute('href')),
		snippets: list.querySelectorAll('.result-snippet').length,
		status: document.querySelector('.search-status').textContent,
		selected: list.querySelector('[aria-selected="true"]')?.getAttribute('data-href') || null,
	};
};

const context = await launch({ viewport: { width: 1280, height: 900 } });
try {
	const page = await context.newPage();
	page.setDefaultTimeout(180000); // a loaded machine may be slow; nothing here is timed
	await page.addInitScript(holdText);
	await page.goto(`${site}/roles-studio.html`);
	await page.type('#search-input', 'mastering');
	// The search has run once a text file is asked for; the results must be on screen then.
	await page.waitForFunction(() => window.heldText.length > 0);
	const first = await page.evaluate(box);
	check('the results are shown before their snippet text arrives, as links with the exact count, the list marked busy',
		first.results >= 8 && first.links && first.snippets === 0 && first.busy && /^\d+ results$/.test(first.status), first);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	const chosen = (await page.evaluate(box)).selected;
	await page.evaluate(() => window.releaseText());
	await page.waitForSelector('#search-results:not([aria-busy]) .result-snippet');
	const after = await page.evaluate(box);
	check('the snippets appear when the text arrives, and the result the reader selected stays selected',
		after.snippets >= 5 && !after.busy && chosen !== null && after.selected === chosen && after.status === first.status,
		{ chosen, after });
} finally {
	await context.close();
}
process.exitCode = failed ? 1 : 0;
