// relevance.mjs: the site's search as a reader meets it, in headless Chromium from file://:
//   - each query of queries.tsv, typed into search.html?q=..., has an expected page or section
//     among its first three results (the list of what every query returned is printed);
//   - the tokenizer keeps A&R, R&B, 3:1 and AC/DC whole, matches hyphenated words joined and
//     split, and it's with its;
//   - the box's results are links, its status gives the exact count, an "All N results" link
//     leads to the results page, and the selected result stands out (3:1) in light and dark;
//   - a misspelt query offers "Did you mean";
//   - the results page lists 50 results with their snippets, and "More results" the next 50,
//     the keyboard's focus on the first of them.
// (How fast it answers is measured by `make bench`: tests/bench/search.mjs.)
// Usage: node relevance.mjs SITE QUERIES
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const [siteArg, queriesArg] = process.argv.slice(2);
const site = pathToFileURL(resolve(siteArg)).href;
let failures = 0;

function check(name, pass, details = []) {
	console.log(`${pass ? 'ok' : 'not ok'} - search: ${name}`);
	if (!pass) failures++;
	for (const d of [].concat(details)) console.log(`    ${d}`);
}

function queries() {
	return readFileSync(queriesArg, 'utf8').split('\n')
		.filter((l) => l.trim() && !l.startsWith('#'))
		.map((l) => { const [kind, query, expected] = l.split('\t'); return { kind, query, expected: expected.split(' ') }; });
}

// The results page's answer to a query: its status and every result's address and title.
async function resultsPage(page, query) {
	await page.goto(`${site}/search.html?q=${encodeURIComponent(query)}`);
	await page.waitForFunction(() => document.querySelector('.search-page-status')?.textContent);
	return page.evaluate(() => ({
		status: document.querySelector('.search-page-status').textContent,
		suggestion: document.querySelector('.search-suggestion a')?.textContent || '',
		results: [...document.querySelectorAll('.search-page-results a.result')].map((a) => ({
			href: a.getAttribute('href'), title: a.querySelector('.result-title').textContent,
		})),
	}));
}

function luminance(rgb) {
	const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
		c /= 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
}

async function typeQuery(page, query) {
	await page.fill('#search-input', '');
	await page.type('#search-input', query);
	await page.waitForSelector('#search-results:not([aria-busy]) [role="option"]', { state: 'visible' });
}

const context = await launch({ viewport: { width: 1280, height: 900 } });
try {
	const page = await context.newPage();
	// A loaded machine may take long to answer; no step is timed, each waits for what it needs.
	page.setDefaultTimeout(180000);

	// 1. Reader queries.
	for (const q of queries()) {
		const answer = await resultsPage(page, q.query);
		const top = answer.results.slice(0, 3).map((r) => r.href);
		const hit = q.expected.some((e) => top.includes(e));
		check(`${q.kind}: "${q.query}" has ${q.expected.join(' or ')} in its first 3 results`, hit, [
			`${answer.status}; first 3: ${answer.results.slice(0, 3).map((r) => `${r.href} (${r.title})`).join(', ') || 'none'}`,
		]);
	}

	// 2. The tokenizer, as the page has it.
	await page.goto(`${site}/search.html?q=tokens`);
	await page.waitForFunction(() => window.mixdownSearchEngine);
	const terms = await page.evaluate(() => {
		const t = (s) => window.mixdownSearchEngine.tokens(s).map((x) => x.terms);
		return {
			ar: t('A&R'), rb: t('R&B'), ratio: t('3:1'), acdc: t('AC/DC'),
			hyphen: t('re-recording'), joined: t('rerecording'), its: t("it's"), its2: t('its'),
			accent: t('Rémix'), cjk: t('混音师'),
		};
	});
	const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
	check('tokens: A&R, R&B and 3:1 stay whole words', same(terms.ar, [['a&r']]) && same(terms.rb, [['r&b']]) && same(terms.ratio, [['3:1']]),
		[JSON.stringify([terms.ar, terms.rb, terms.ratio])]);
	check('tokens: AC/DC and re-recording count both joined and split; rerecording matches re-recording',
		terms.acdc[0].includes('acdc') && terms.acdc[0].includes('ac') && terms.hyphen[0].includes(terms.joined[0][0]) && terms.hyphen[0].includes('record'),
		[JSON.stringify([terms.acdc, terms.hyphen, terms.joined])]);
	check("tokens: it's and its are one word; accents folded; CJK by characters and pairs",
		same(terms.its, terms.its2) && same(terms.accent, [['remix']]) && terms.cjk[0].includes('混音'), [JSON.stringify([terms.its, terms.its2, terms.accent, terms.cjk])]);

	// 3. The box on a chapter page: links, count, "All N results", the selected result.
	await page.goto(`${site}/roles-studio.html`);
	await typeQuery(page, 'mastering');
	// Snippet text arrives after the results: wait until five results show theirs.
	await page.waitForFunction(() => [...document.querySelectorAll('#search-results:not([aria-busy]) [role="option"]')]
		.filter((o) => o.querySelector('.result-snippet mark')).length >= 5);
	const box = await page.evaluate(() => {
		const opts = [...document.querySelectorAll('#search-results [role="option"]')];
		return {
			links: opts.every((o) => o.tagName === 'A' && o.getAttribute('href')),
			status: document.querySelector('.search-status').textContent,
			all: opts.find((o) => o.classList.contains('result-all'))?.getAttribute('href') || '',
			snippets: opts.filter((o) => o.querySelector('.result-snippet mark')).length,
		};
	});
	const full = await resultsPage(page, 'mastering');
	const count = Number((full.status.match(/\d+/) || [0])[0]);
	check(`box: every option is a link; the status ("${box.status}") gives the exact count, ${count}; "All ${count} results" leads to search.html?q=mastering`,
		box.links && box.status === `${count} results` && box.all === 'search.html?q=mastering' && count > 12,
		[JSON.stringify(box), `results page: ${full.status}`]);
	check('box: each result has a snippet with the matched words marked', box.snippets >= 5, [JSON.stringify(box)]);

	for (const scheme of ['light', 'dark']) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto(`${site}/roles-studio.html`);
		await typeQuery(page, 'engineer');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		const look = await page.evaluate(() => {
			const sel = document.querySelector('#search-results [aria-selected="true"]');
			const list = document.getElementById('search-results');
			const s = getComputedStyle(sel);
			return { outline: s.outlineStyle !== 'none' ? s.outlineColor : s.backgroundColor, around: getComputedStyle(list).backgroundColor, id: sel.id };
		});
		const ratio = contrast(look.outline, look.around);
		check(`box (${scheme}): the selected result's frame has ${ratio.toFixed(2)}:1 contrast with the results around it (at least 3:1)`, ratio >= 3, [JSON.stringify(look)]);
	}
	await page.emulateMedia({ colorScheme: 'light' });

	// 4. Did you mean.
	const typo = await resultsPage(page, 'mastring');
	check(`"mastring" offers "Did you mean mastering?" (offered: "${typo.suggestion}")`, typo.suggestion === 'mastering', [typo.status]);

	// 5. The results page, a page of results at a time.
	const texts = new Set();
	page.on('request', (r) => { if (/\/search\/x-\d+\.js$/.test(r.url())) texts.add(r.url()); });
	const paged = await resultsPage(page, 'mastering');
	const listing = () => page.evaluate(() => ({
		items: document.querySelectorAll('.search-page-results li').length,
		snippets: document.querySelectorAll('.search-page-results li .result-snippet').length,
		more: (() => { const b = document.querySelector('.search-page-more'); return b && !b.hidden ? b.textContent : ''; })(),
		focused: document.activeElement && document.activeElement.closest('li')
			? [...document.querySelectorAll('.search-page-results li')].indexOf(document.activeElement.closest('li')) : -1,
	}));
	const first = await listing();
	const firstTexts = texts.size;
	check(`results page: "mastering" (${paged.status}) lists its first 50 results, each with a snippet, and "More results"`,
		count > 50 && first.items === 50 && first.snippets === 50 && first.more === 'More results', [JSON.stringify(first)]);
	await page.click('.search-page-more');
	await page.waitForFunction((n) => document.querySelectorAll('.search-page-results li').length > n, 50);
	const second = await listing();
	check(`results page: "More results" lists the other ${count - 50} with their snippets, the focus on the first of them, and goes`,
		second.items === count && second.snippets === count && second.more === '' && second.focused === 50, [JSON.stringify(second)]);
	check(`results page: the first 50 results load the text of their pages only (${firstTexts} files, then ${texts.size} for all ${count})`,
		firstTexts > 0 && firstTexts < texts.size, [`${firstTexts} text files for the first 50, ${texts.size} for all`]);

} finally {
	await context.close();
}
process.exit(failures ? 1 : 0);
