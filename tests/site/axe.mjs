// axe.mjs: axe-core (node_modules/axe-core/axe.min.js, injected into each page) on every page
// of the site over http, in headless Chromium (playwright-core), once with the light color
// scheme and once with the dark one (emulated prefers-color-scheme). One TAP-like line per
// scheme; on failure, each violation's rule, impact, page and target.
//
// usage: node tests/site/axe.mjs BASE_URL SITE_DIR
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, notOk, cap, htmlPages, launchBrowser } from './lib.mjs';

const [base, siteArg] = process.argv.slice(2);
if (!base || !siteArg) {
	console.error('usage: node tests/site/axe.mjs BASE_URL SITE_DIR');
	process.exit(2);
}
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
if (!existsSync(axePath)) {
	notOk('axe-core is installed', ['node_modules/axe-core/axe.min.js is missing: npm ci --ignore-scripts']);
	process.exit(0);
}
const pages = htmlPages(resolve(siteArg));
const WORKERS = 2; // pages checked side by side in each scheme

const SCHEMES = ['light', 'dark'];
const found = { light: [], dark: [] }; // violations, each with its page
const checked = { light: 0, dark: 0 };
const errors = [];
const STATE_PAGE = 'roles-studio.html';
const stateFound = [];
const stateErrors = [];
let stateChecked = 0;
let states = [];

async function runAxe(page) {
	return page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
		}));
	});
}

const browser = await launchBrowser();
try {
	const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
	const queue = [...pages];
	// Each page is loaded once, axe-core injected once, then checked in each scheme in turn:
	// emulateMedia switches prefers-color-scheme in place and the page restyles.
	async function worker() {
		const page = await context.newPage();
		for (let p; (p = queue.shift()) !== undefined;) {
			try {
				const response = await page.goto(new URL(p, base).href, { waitUntil: 'load' });
				if (!response || (response.status() !== 200 && !p.endsWith('404.html'))) {
					errors.push(`${p}: HTTP ${response ? response.status() : 'no response'}`);
					continue;
				}
				await page.addScriptTag({ path: axePath });
				for (const scheme of SCHEMES) {
					await page.emulateMedia({ colorScheme: scheme });
					const really = await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme);
					if (!really) {
						errors.push(`${p}: prefers-color-scheme: ${scheme} could not be emulated`);
						continue;
					}
					for (const v of await runAxe(page)) found[scheme].push({ page: p, ...v });
					checked[scheme]++;
				}
			} catch (e) {
				errors.push(`${p}: ${e.message.split('\n')[0]}`);
			}
		}
		await page.close();
	}
	await Promise.all(Array.from({ length: WORKERS }, worker));

	// States a page load does not show: the search results open (an option selected, "Did you
	// mean" offered) at 1280 px,
	// and the contents open at 375 px, each in both schemes.
	const page = await context.newPage();
	page.setDefaultTimeout(60000);
	states = [
		['search results open, 1280 px', { width: 1280, height: 900 }, async () => {
			await page.click('#search-input');
			// A typing error, so that "Did you mean" shows beside the results.
			await page.keyboard.type('mastring engineer');
			await page.waitForSelector('#search-results:not([aria-busy]) [role="option"]', { state: 'visible' });
			await page.waitForSelector('.search .search-suggestion', { state: 'visible' });
			await page.keyboard.press('ArrowDown');
		}],
		['contents open, 375 px', { width: 375, height: 800 }, async () => {
			await page.click('.nav-toggle');
			await page.waitForSelector('#sidebar', { state: 'visible' });
		}],
		// Last: the choice is stored in this context's localStorage.
		['dark chosen with the theme toggle, 1280 px', { width: 1280, height: 900 }, async () => {
			// The switch goes round: following the system, light, dark.
			const theme = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
			for (let presses = 0; presses < 3 && (await theme()) !== 'dark'; presses++) await page.click('.theme-toggle');
			if ((await theme()) !== 'dark') throw new Error('three presses of the theme switch did not set data-theme="dark"');
		}],
	];
	for (const [what, viewport, open] of states) {
		try {
			await page.setViewportSize(viewport);
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(new URL(STATE_PAGE, base).href, { waitUntil: 'load' });
			await open();
			await page.addScriptTag({ path: axePath });
			for (const scheme of SCHEMES) {
				await page.emulateMedia({ colorScheme: scheme });
				for (const v of await runAxe(page)) stateFound.push({ page: `${STATE_PAGE} (${what}, ${scheme})`, ...v });
				stateChecked++;
			}
		} catch (e) {
			stateErrors.push(`${STATE_PAGE} (${what}): ${e.message.split('\n')[0]}`);
		}
	}
	await page.close();
	await context.close();
} finally {
	await browser.close();
}

function describe(violations) {
	const details = [];
	for (const v of violations) {
		details.push(`${v.id} (${v.impact}) on ${v.page}: ${v.help}`);
		for (const n of v.nodes.slice(0, 4)) {
			details.push(`    target: ${n.target}`);
			const why = n.summary.split('\n').filter((l) => l && !/^Fix (any|all)/.test(l)).map((l) => l.trim())[0];
			if (why) details.push(`        ${why.slice(0, 200)}`);
		}
		if (v.nodes.length > 4) details.push(`    ... and ${v.nodes.length - 4} more elements`);
	}
	const nodes = violations.reduce((n, v) => n + v.nodes.length, 0);
	const rules = [...new Set(violations.map((v) => `${v.id} (${v.impact})`))];
	return { details, summary: `${violations.length} violations on ${nodes} elements: ${rules.join(', ') || 'none'}` };
}

for (const scheme of SCHEMES) {
	const violations = found[scheme];
	const { details, summary } = describe(violations);
	const name = `axe-core finds no violation in ${checked[scheme]} of ${pages.length} pages over http, ${scheme} color scheme`;
	check(violations.length || errors.length ? `${name} (${summary})` : name,
		violations.length === 0 && errors.length === 0 && checked[scheme] === pages.length && pages.length > 0,
		[...errors, ...cap(details, 60)]);
}
{
	const { details, summary } = describe(stateFound);
	const name = `axe-core finds no violation on ${STATE_PAGE} with the search results open (1280 px), the contents open (375 px) and dark chosen with the toggle, under both color schemes`;
	check(stateFound.length || stateErrors.length ? `${name} (${summary})` : name,
		stateFound.length === 0 && stateErrors.length === 0 && stateChecked === states.length * SCHEMES.length, [...stateErrors, ...cap(details, 80)]);
}
