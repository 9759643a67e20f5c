// browser.mjs: the site in a real browser, Debian's Chromium driven by playwright-core, from
// file:// (no server: the site must work as plain files) and over http (tests/site/serve.mjs).
// One TAP-like line per assertion, per way of opening the site:
//   - every page: header with the book title and a search box, the sidebar marking the page
//     itself with aria-current="page" (exactly one link), breadcrumbs, "On this page" on wide
//     screens, and previous/next links (rel="prev"/"next") chaining the pages in contents order;
//   - the next link and the left/right arrow keys move between pages, but not while typing;
//   - "/" focuses the search box; "mastering engineer" lists the Mastering engineer section first
//     (listbox, options with section and page titles, the words found marked); ArrowDown + Enter
//     and a click each land on the section (its id as the URL's fragment, the element in view);
//   - the theme switch goes round following the system, light and dark (data-theme, its label),
//     is remembered on the next page
//     (set before the body is parsed: no flash), and changes the background; the system's dark
//     preference (prefers-color-scheme) is followed when the reader has not chosen;
//   - at 375x800: the contents are hidden until the Contents button opens them (aria-expanded),
//     and no page scrolls sideways (nor with the contents or search results open);
//   - at 375x800 every SVG figure fits the column and its smallest text is at least 10 CSS px;
//   - at 375 and 1280 px every page settles with a layout shift below 0.1, no table cell clips
//     its text and wide tables scroll in a focusable frame whose arrow keys scroll it; printed
//     under a dark theme, text keeps a 4.5:1 contrast;
//   - no JavaScript error, console error or failed request on any page;
// and screenshots at 375 and 1280 px, light and dark, of the title page and a chapter.
//
// usage: node tests/site/browser.mjs HTTP_BASE_URL SITE_DIR SHOTS_DIR
import { mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ok, notOk, check, cap, htmlPages, launchBrowser, since } from './lib.mjs';

const [httpBase, siteArg, shotsArg] = process.argv.slice(2);
if (!httpBase || !siteArg || !shotsArg) {
	console.error('usage: node tests/site/browser.mjs HTTP_BASE_URL SITE_DIR SHOTS_DIR');
	process.exit(2);
}
const site = resolve(siteArg);
const shots = resolve(shotsArg);
mkdirSync(shots, { recursive: true });
const pages = htmlPages(site);
const contentPages = pages.filter((p) => p !== '404.html' && p !== 'search.html');

// The book's own expectations.
const CHAPTER = 'roles-studio.html';
const QUERY = 'mastering engineer';
const EXPECT_TITLE = /^mastering engineer$/i;
const EXPECT_FRAGMENT = 'mastering-engineer';

const BASES = [
	{ label: 'file://', url: pathToFileURL(site).href + '/' },
	{ label: 'http', url: new URL('./', httpBase).href },
];
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 375, height: 800 };
// Generous: these bound a hang, not a speed; a busy machine must still pass.
const TIMEOUT = 60000;
// The smallest text a reader should have to read in a figure on a phone.
const MIN_FIGURE_PX = 10;
// A page may not jump about while it loads (Core Web Vitals' "good" threshold).
const MAX_LAYOUT_SHIFT = 0.1;
// Printed text against its background (WCAG AA for body text).
const MIN_PRINT_CONTRAST = 4.5;
// The page whose table is wider than a phone.
const WIDE_TABLE_PAGE = 'role-comparison.html';

// Waits until the page has handled what was just done and painted twice: keyboard handlers
// have run (a navigation they start has begun) and scrolling has been laid out. No fixed sleep.
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// The smallest text in an SVG, opened as a document of its own: its font size in the drawing's
// units and the drawing's viewBox width, so the caller can scale it to the width it is shown at.
async function smallestSvgText(ctx, src) {
	const page = await ctx.newPage();
	try {
		await page.goto(src);
		return await page.evaluate(() => {
			const svg = document.documentElement;
			const viewWidth = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal.width : svg.getBBox().width;
			let best = { size: Infinity, text: '', viewWidth };
			for (const t of svg.querySelectorAll('text')) {
				const size = parseFloat(getComputedStyle(t).fontSize);
				if (t.textContent.trim() && size < best.size) best = { size, text: t.textContent.trim(), viewWidth };
			}
			return best;
		});
	} finally {
		await page.close();
	}
}

const noHash = (u) => u.replace(/#.*$/, '');
const short = (u, base) => (u.startsWith(base.url) ? u.slice(base.url.length) : u);

// Every page opened, with any JavaScript error, console error or failed request on it.
const problems = [];
let loads = 0;
function watch(page, label) {
	page.setDefaultTimeout(TIMEOUT);
	page.setDefaultNavigationTimeout(TIMEOUT * 2);
	page.on('pageerror', (e) => problems.push(`${label}: ${page.url()}: JavaScript error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() !== 'error') return;
		const at = m.location()?.url || '';
		// Chromium asks every host for /favicon.ico on its own; the site does not link one.
		if (/\/favicon\.ico$/.test(at)) return;
		problems.push(`${label}: ${page.url()}: console error: ${m.text()}${at ? ` (${at})` : ''}`);
	});
	// A request the browser itself cancelled (it navigated away first) is not the site's fault.
	page.on('requestfailed', (r) => {
		if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
		problems.push(`${label}: ${page.url()}: request failed: ${r.url()} (${r.failure()?.errorText})`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400 && !r.url().endsWith('/404.html')) problems.push(`${label}: ${page.url()}: HTTP ${r.status()} for ${r.url()}`);
	});
	page.on('load', () => loads++);
	return page;
}

async function newPage(context, label) {
	return watch(await context.newPage(), label);
}

// Runs one test; an exception (a timeout, a missing element) is its failure.
async function test(name, fn) {
	try {
		await fn();
	} catch (e) {
		notOk(name, [`${e.message.split('\n').slice(0, 4).join('\n')}`]);
	}
}

const browser = await launchBrowser();
let order = null; // the pages in contents order, from the sidebar

try {
	for (const base of BASES) {
		const L = base.label;

		// ---- every page, wide: structure, current page, prev/next ----
		let t = Date.now();
		const wide = await browser.newContext({ viewport: WIDE, colorScheme: 'light' });
		const page = await newPage(wide, L);
		const facts = {};
		for (const p of pages) {
			await page.goto(base.url + p, { waitUntil: 'load' });
			facts[p] = await page.evaluate(`(${function () {
				const here = location.href.replace(/#.*$/, '');
				const vis = (sel) => {
					const el = document.querySelector(sel);
					if (!el) return false;
					const s = getComputedStyle(el);
					const r = el.getBoundingClientRect();
					return s.display !== 'none' && s.visibility !== 'hidden' && !el.hidden && r.width > 0 && r.height > 0;
				};
				const sidebar = document.querySelector('#sidebar');
				const sideLinks = sidebar ? [...sidebar.querySelectorAll('a[href]')] : [];
				const crumbs = document.querySelector('nav.breadcrumbs');
				const main = document.querySelector('main');
				const sections = main ? main.querySelectorAll(':scope > section[id] > h2, :scope section[id] > h2').length : 0;
				const rel = (r) => {
					const a = document.querySelector(`a[rel~="${r}"]`);
					const l = document.querySelector(`link[rel~="${r}"]`);
					return { a: a ? a.href : null, link: l ? l.href : null };
				};
				return {
					here,
					title: document.title,
					bookTitle: (document.querySelector('header .book-title') || {}).textContent || null,
					bookTitleHref: (document.querySelector('header .book-title') || {}).href || null,
					search: vis('header #search-input'),
					searchLabel: !!document.querySelector('label[for="search-input"]'),
					sidebar: vis('#sidebar'),
					sideLinks: sideLinks.map((a) => a.href.replace(/#.*$/, '')),
					current: sideLinks.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.href),
					listed: sideLinks.some((a) => a.href.replace(/#.*$/, '') === here),
					crumbs: crumbs ? [...crumbs.querySelectorAll('li')].map((li) => li.textContent.trim()) : null,
					crumbCurrent: crumbs ? (crumbs.querySelector('[aria-current="page"]') || {}).href || null : null,
					onThisPage: !!document.querySelector('.on-this-page'),
					onThisPageVisible: vis('.on-this-page'),
					sections,
					prev: rel('prev'),
					next: rel('next'),
					toggle: vis('.theme-toggle'),
				};
			}})()`);
		}
		await page.close();

		if (!order) {
			const fromSidebar = facts['index.html'] ? facts['index.html'].sideLinks : facts[contentPages[0]].sideLinks;
			order = ['index.html'];
			for (const u of fromSidebar) {
				const r = short(u, base);
				if (!order.includes(r)) order.push(r);
			}
		}

		// Header, search box, sidebar, breadcrumbs, "On this page".
		{
			const bad = [];
			const bookTitle = facts['index.html']?.bookTitle?.trim();
			for (const p of pages) {
				const f = facts[p];
				if (!f.bookTitle || f.bookTitle.trim() !== bookTitle) bad.push(`${p}: header book title is "${f.bookTitle}", not "${bookTitle}"`);
				if (!f.bookTitleHref || short(f.bookTitleHref, base) !== 'index.html') bad.push(`${p}: the book title links to ${f.bookTitleHref}, not index.html`);
				if (!f.search) bad.push(`${p}: no visible search box in the header`);
				if (!f.searchLabel) bad.push(`${p}: the search box has no <label>`);
				if (!f.toggle) bad.push(`${p}: no visible theme toggle`);
				if (!f.sidebar) bad.push(`${p}: the sidebar is not visible at 1280 px`);
				if (p !== 'index.html' && p !== '404.html' && p !== 'search.html') {
					if (!f.crumbs || f.crumbs.length < 2) bad.push(`${p}: no breadcrumbs (${JSON.stringify(f.crumbs)})`);
					else if (!f.crumbCurrent || noHash(f.crumbCurrent) !== f.here) bad.push(`${p}: the last breadcrumb is not this page with aria-current="page" (${f.crumbCurrent})`);
				}
				if (f.sections >= 2 && !f.onThisPage) bad.push(`${p}: ${f.sections} sections but no "On this page"`);
				if (f.onThisPage && !f.onThisPageVisible) bad.push(`${p}: "On this page" is not visible at 1280 px`);
			}
			const otp = pages.filter((p) => facts[p].onThisPageVisible).length;
			check(`${L}: every page (${pages.length}) has the book title, a search box, a theme toggle, the sidebar, breadcrumbs (${pages.length - 3} pages, not the title page, 404 or the search results) and, at 1280 px, "On this page" where it has sections (${otp} pages)`,
				bad.length === 0, cap(bad));
		}

		// The sidebar marks the page itself, and only it.
		{
			const bad = [];
			const unlisted = [];
			for (const p of pages) {
				const f = facts[p];
				if (f.listed) {
					if (f.current.length !== 1) bad.push(`${p}: ${f.current.length} sidebar links with aria-current="page": ${f.current.map((u) => short(u, base)).join(', ')}`);
					else if (noHash(f.current[0]) !== f.here) bad.push(`${p}: aria-current="page" is on the link to ${short(f.current[0], base)}`);
				} else {
					unlisted.push(p);
					if (f.current.length) bad.push(`${p}: not in the sidebar, yet ${f.current.map((u) => short(u, base)).join(', ')} is marked aria-current="page"`);
				}
			}
			const marked = pages.length - unlisted.length;
			check(`${L}: the sidebar marks the current page with aria-current="page" on exactly one link to the page itself (${marked} pages; not in the sidebar, so nothing marked: ${unlisted.join(', ') || 'none'})`,
				bad.length === 0 && marked > 0, cap(bad));
		}

		// Previous and next: a chain through every page in contents order, rel="prev" back.
		{
			const bad = [];
			const seen = [];
			let p = 'index.html';
			while (p && !seen.includes(p) && facts[p]) {
				seen.push(p);
				const f = facts[p];
				if (f.next.a !== f.next.link) bad.push(`${p}: <a rel="next"> ${f.next.a} and <link rel="next"> ${f.next.link} differ`);
				if (f.prev.a !== f.prev.link) bad.push(`${p}: <a rel="prev"> ${f.prev.a} and <link rel="prev"> ${f.prev.link} differ`);
				const n = f.next.a ? short(noHash(f.next.a), base) : null;
				if (n && facts[n] && (!facts[n].prev.a || short(noHash(facts[n].prev.a), base) !== p)) bad.push(`${n}: rel="prev" is ${facts[n].prev.a}, not ${p}`);
				p = n;
			}
			if (facts['index.html']?.prev.a) bad.push(`index.html has a rel="prev": ${facts['index.html'].prev.a}`);
			if (seen.join(' ') !== order.join(' ')) bad.push(`following rel="next" from index.html: ${seen.join(' ')}`, `contents order (sidebar):  ${order.join(' ')}`);
			const missing = contentPages.filter((q) => !seen.includes(q));
			if (missing.length) bad.push(`never reached by rel="next": ${missing.join(', ')}`);
			check(`${L}: rel="next" links chain all ${contentPages.length} pages in contents order from index.html, and rel="prev" leads back`, bad.length === 0, cap(bad));
		}
		await wide.close();
		console.log(`# ${L}: every page, wide: ${since(t)} s`);

		// ---- next link and arrow keys ----
		t = Date.now();
		const nav = await browser.newContext({ viewport: WIDE });
		const np = await newPage(nav, L);
		const i = order.indexOf(CHAPTER);
		const before = order[i - 1];
		const after = order[i + 1];
		await test(`${L}: the next link on ${CHAPTER} goes to ${after}`, async () => {
			await np.goto(base.url + CHAPTER);
			await Promise.all([np.waitForURL(base.url + after), np.click('.pager a[rel="next"]')]);
			ok(`${L}: the next link on ${CHAPTER} goes to ${after}`);
		});
		await test(`${L}: ArrowLeft goes to the previous page, ArrowRight to the next (${after} → ${CHAPTER} → ${after}, ${CHAPTER} → ${before})`, async () => {
			const name = `${L}: ArrowLeft goes to the previous page, ArrowRight to the next (${after} → ${CHAPTER} → ${after}, ${CHAPTER} → ${before})`;
			await np.goto(base.url + after);
			await Promise.all([np.waitForURL(base.url + CHAPTER), np.keyboard.press('ArrowLeft')]);
			await Promise.all([np.waitForURL(base.url + after), np.keyboard.press('ArrowRight')]);
			await np.goto(base.url + CHAPTER);
			await Promise.all([np.waitForURL(base.url + before), np.keyboard.press('ArrowLeft')]);
			ok(name);
		});
		await test(`${L}: ArrowRight and ArrowLeft while typing in the search box do not leave the page`, async () => {
			const name = `${L}: ArrowRight and ArrowLeft while typing in the search box do not leave the page`;
			await np.goto(base.url + CHAPTER);
			await np.click('#search-input');
			await np.keyboard.type('studio');
			let navigated = null;
			np.once('framenavigated', (f) => { if (f === np.mainFrame()) navigated = f.url(); });
			for (const k of ['ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowRight']) await np.keyboard.press(k);
			await settled(np);
			const state = await np.evaluate(() => ({ url: location.href, active: document.activeElement && document.activeElement.id, value: document.getElementById('search-input').value }));
			check(name, !navigated && noHash(state.url) === base.url + CHAPTER && state.active === 'search-input' && state.value === 'studio',
				[`navigated to: ${navigated}`, `now at ${state.url}, focus on #${state.active}, box holds "${state.value}"`]);
		});
		await nav.close();

		// ---- search ----
		for (const how of ['ArrowDown + Enter', 'click']) {
			const name = `${L}: "/" focuses the search box; "${QUERY}" lists the Mastering engineer section first (listbox, section and page titles, the words found marked); ${how} lands on #${EXPECT_FRAGMENT}, in view below the header`;
			await test(name, async () => {
				const ctx = await browser.newContext({ viewport: WIDE });
				const sp = await newPage(ctx, L);
				try {
					await sp.goto(base.url + CHAPTER);
					const bad = [];
					await sp.keyboard.press('/');
					const focus = await sp.evaluate(() => ({ id: document.activeElement && document.activeElement.id, value: document.getElementById('search-input')?.value }));
					if (focus.id !== 'search-input') bad.push(`"/" left the focus on ${focus.id ? '#' + focus.id : 'the page'}`);
					if (focus.value) bad.push(`"/" was typed into the box: "${focus.value}"`);
					if (focus.id !== 'search-input') await sp.focus('#search-input');
					await sp.keyboard.type(QUERY, { delay: 15 });
					await sp.waitForSelector('#search-results [role="option"][data-href]', { state: 'visible' });
					const res = await sp.evaluate(() => {
						const list = document.getElementById('search-results');
						const input = document.getElementById('search-input');
						const opts = [...list.querySelectorAll('[role="option"]')];
						return {
							role: list.getAttribute('role'),
							expanded: input.getAttribute('aria-expanded'),
							count: opts.length,
							first: opts[0] && {
								id: opts[0].id,
								title: (opts[0].querySelector('.result-title') || {}).textContent || '',
								page: (opts[0].querySelector('.result-page') || {}).textContent || '',
								marks: [...opts[0].querySelectorAll('mark')].map((m) => m.textContent),
								titleMarks: [...opts[0].querySelectorAll('.result-title mark')].map((m) => m.textContent),
								href: opts[0].dataset.href ? new URL(opts[0].dataset.href, location.href).href : '',
							},
							titles: opts.slice(0, 5).map((o) => (o.querySelector('.result-title') || o).textContent.trim()),
						};
					});
					if (res.role !== 'listbox') bad.push(`#search-results has role="${res.role}", not listbox`);
					if (res.expanded !== 'true') bad.push(`the box has aria-expanded="${res.expanded}" with results shown`);
					if (!res.first) throw new Error('no result');
					if (!EXPECT_TITLE.test(res.first.title.trim())) bad.push(`first result is "${res.first.title}" (results: ${res.titles.join(' | ')})`);
					if (!res.first.page.trim()) bad.push('the first result names no page');
					if (!res.first.marks.length) bad.push('the first result marks none of the words found');
					if (!res.first.titleMarks.length) bad.push('the first result\'s title has no <mark>');
					const expected = res.first.href;
					if (new URL(expected).hash !== '#' + EXPECT_FRAGMENT) bad.push(`the first result links to ${expected}`);
					if (how === 'click') {
						await Promise.all([sp.waitForURL((u) => u.href === expected), sp.click('#search-results [role="option"][data-href] >> nth=0')]);
					} else {
						await sp.keyboard.press('ArrowDown');
						const sel = await sp.evaluate(() => {
							const input = document.getElementById('search-input');
							const id = input.getAttribute('aria-activedescendant');
							const el = id && document.getElementById(id);
							return { id, selected: el && el.getAttribute('aria-selected') };
						});
						if (sel.id !== res.first.id || sel.selected !== 'true') bad.push(`after ArrowDown: aria-activedescendant="${sel.id}" (aria-selected=${sel.selected}), not the first option #${res.first.id}`);
						await Promise.all([sp.waitForURL((u) => u.href === expected), sp.keyboard.press('Enter')]);
					}
					await settled(sp);
					const land = await sp.evaluate(() => {
						const id = decodeURIComponent(location.hash.slice(1));
						const el = document.getElementById(id);
						const header = document.querySelector('.site-header');
						const r = el && (el.querySelector('h1,h2,h3,h4,h5,h6') || el).getBoundingClientRect();
						return {
							url: location.href, id, exists: !!el,
							top: r ? Math.round(r.top) : null, bottom: r ? Math.round(r.bottom) : null,
							headerBottom: header ? Math.round(header.getBoundingClientRect().bottom) : 0,
							height: innerHeight,
							heading: el ? (el.querySelector('h1,h2,h3,h4,h5,h6') || {}).textContent : null,
						};
					});
					if (land.id !== EXPECT_FRAGMENT) bad.push(`landed on ${land.url}: fragment "${land.id}", not "${EXPECT_FRAGMENT}"`);
					if (!land.exists) bad.push(`landed on ${land.url}: no element with id="${land.id}"`);
					else if (land.top < land.headerBottom - 1 || land.top > land.height - 20) bad.push(`the section's heading is at y=${land.top}, not in view below the header (bottom at y=${land.headerBottom}, window ${land.height} px high)`);
					check(name, bad.length === 0, bad);
				} finally {
					await ctx.close();
				}
			});
		}
		console.log(`# ${L}: navigation and search: ${since(t)} s`);

		// ---- theme ----
		t = Date.now();
		await test(`${L}: the theme toggle`, async () => {
			const ctx = await browser.newContext({ viewport: WIDE, colorScheme: 'light' });
			// Records data-theme when <body> first exists: set by then, the first paint is in the theme.
			await ctx.addInitScript(() => {
				new MutationObserver((_, obs) => {
					if (document.body && !('__themeAtBody' in window)) {
						window.__themeAtBody = document.documentElement.getAttribute('data-theme');
						obs.disconnect();
					}
				}).observe(document, { childList: true, subtree: true });
			});
			const tp = await newPage(ctx, L);
			const state = () => tp.evaluate(() => {
				const b = document.querySelector('.theme-toggle');
				let stored = null;
				try { stored = localStorage.getItem('mixdown-theme'); } catch (e) { stored = 'error: ' + e.message; }
				return {
					url: location.href.split('/').pop(),
					theme: document.documentElement.getAttribute('data-theme'),
					atBody: window.__themeAtBody,
					label: b && b.getAttribute('aria-label'),
					bg: getComputedStyle(document.body).backgroundColor,
					text: getComputedStyle(document.body).color,
					stored,
				};
			});
			const lum = (c) => {
				const [r, g, b] = (c.match(/[\d.]+/g) || [0, 0, 0]).map(Number);
				return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
			};
			try {
				// Light system: as the system (light) -> light -> dark -> as the system again.
				await tp.goto(base.url + CHAPTER);
				const system = await state();
				await tp.click('.theme-toggle');
				const light = await state();
				await tp.click('.theme-toggle');
				const dark = await state();
				let name = `${L}: the theme switch goes from following the system to light, then dark: data-theme, its label and localStorage follow, the background turns dark`;
				check(name, system.theme === null && system.stored === null && /system/i.test(system.label) &&
					light.theme === 'light' && light.stored === 'light' && /light/i.test(light.label) &&
					dark.theme === 'dark' && dark.stored === 'dark' && /dark/i.test(dark.label) &&
					lum(dark.bg) < 0.3 && lum(light.bg) > 0.7 && lum(dark.text) > 0.6,
				[`system: ${JSON.stringify(system)}`, `light:  ${JSON.stringify(light)}`, `dark:   ${JSON.stringify(dark)}`]);

				await Promise.all([tp.waitForURL(base.url + after), tp.click('.pager a[rel="next"]')]);
				const next = await state();
				name = `${L}: the dark theme is remembered on the next page (${after}): data-theme set before <body> is parsed (no flash), the same dark background and label`;
				check(name, next.theme === 'dark' && next.atBody === 'dark' && next.bg === dark.bg && next.label === dark.label,
					[`on ${CHAPTER}: ${JSON.stringify(dark)}`, `on ${after}: ${JSON.stringify(next)}`]);

				await tp.click('.theme-toggle');
				const back = await state();
				await tp.goto(base.url + 'index.html');
				const home = await state();
				name = `${L}: the switch goes back to following the system, which is remembered too (no data-theme and nothing stored on index.html, the light background)`;
				check(name, back.theme === null && back.stored === null && home.theme === null && home.atBody === null && home.bg === system.bg && /system/i.test(home.label),
					[`after the switch on ${after}: ${JSON.stringify(back)}`, `on index.html: ${JSON.stringify(home)}`]);
			} finally {
				await ctx.close();
			}
			// The system's preference, when the reader has not chosen.
			const sys = await browser.newContext({ viewport: WIDE, colorScheme: 'dark' });
			try {
				const sp = await newPage(sys, L);
				await sp.goto(base.url + CHAPTER);
				const s = await sp.evaluate(() => ({
					theme: document.documentElement.getAttribute('data-theme'),
					bg: getComputedStyle(document.body).backgroundColor,
					scheme: getComputedStyle(document.documentElement).colorScheme,
				}));
				await sp.click('.theme-toggle');
				const chosen = await sp.evaluate(() => ({
					theme: document.documentElement.getAttribute('data-theme'),
					bg: getComputedStyle(document.body).backgroundColor,
				}));
				const name = `${L}: with prefers-color-scheme: dark and no choice made, pages are dark; the switch then chooses light`;
				check(name, s.theme === null && lum(s.bg) < 0.3 && chosen.theme === 'light' && lum(chosen.bg) > 0.7,
					[`system dark: ${JSON.stringify(s)}`, `after the switch: ${JSON.stringify(chosen)}`]);
			} finally {
				await sys.close();
			}
		});
		console.log(`# ${L}: theme: ${since(t)} s`);

		// ---- narrow: 375 px ----
		t = Date.now();
		{
			const ctx = await browser.newContext({ viewport: NARROW, colorScheme: 'light' });
			const mp = await newPage(ctx, L);
			const overflow = [];
			const shown = [];
			for (const p of pages) {
				await mp.goto(base.url + p, { waitUntil: 'load' });
				const s = await mp.evaluate(`(${function () {
					const vis = (sel) => {
						const el = document.querySelector(sel);
						if (!el) return false;
						const st = getComputedStyle(el);
						const r = el.getBoundingClientRect();
						return st.display !== 'none' && st.visibility !== 'hidden' && !el.hidden && r.width > 0 && r.height > 0;
					};
					// The widest elements sticking out on the right, to say what overflows.
					const wide = [...document.body.querySelectorAll('*')]
						.filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && getComputedStyle(e).position !== 'fixed')
						.filter((e) => !e.closest('.visually-hidden, [hidden]'))
						.slice(0, 4)
						.map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)})`);
					return {
						sw: document.documentElement.scrollWidth, iw: innerWidth, wide,
						sidebar: vis('#sidebar'), toggle: vis('.nav-toggle'),
						otp: vis('.on-this-page'),
						expanded: document.querySelector('.nav-toggle')?.getAttribute('aria-expanded'),
					};
				}})()`);
				if (s.sw > s.iw) overflow.push(`${p}: scrollWidth ${s.sw} > innerWidth ${s.iw}; sticking out: ${s.wide.join(', ') || '?'}`);
				if (s.sidebar) shown.push(`${p}: the sidebar is visible before the Contents button is pressed`);
				if (!s.toggle) shown.push(`${p}: no visible Contents button`);
				if (s.expanded !== 'false') shown.push(`${p}: the Contents button has aria-expanded="${s.expanded}"`);
				if (s.otp) shown.push(`${p}: "On this page" is shown at 375 px`);
			}
			check(`${L}: at 375x800 no page (${pages.length}) scrolls sideways (document scrollWidth <= innerWidth)`, overflow.length === 0, cap(overflow));
			check(`${L}: at 375x800 every page (${pages.length}) hides the sidebar and "On this page" and shows a Contents button (aria-expanded="false")`, shown.length === 0, cap(shown));

			await test(`${L}: at 375x800 figure text is at least ${MIN_FIGURE_PX} CSS px`, async () => {
				const name = `${L}: at 375x800 every SVG figure fits the column and its smallest text is at least ${MIN_FIGURE_PX} CSS px`;
				const bad = [];
				const sizes = [];
				for (const p of pages) {
					await mp.goto(base.url + p, { waitUntil: 'load' });
					const figs = await mp.evaluate(() => [...document.querySelectorAll('figure img[src$=".svg"]')]
						.map((img) => ({ src: img.src, width: img.getBoundingClientRect().width, fits: img.getBoundingClientRect().right <= innerWidth })));
					for (const f of figs) {
						if (!f.fits) bad.push(`${p}: ${f.src} sticks out of the window`);
						const smallest = await smallestSvgText(ctx, f.src);
						const px = smallest.size * (f.width / smallest.viewWidth);
						sizes.push(`${f.src.replace(/.*\//, '')} ${px.toFixed(1)} px`);
						if (px < MIN_FIGURE_PX) bad.push(`${p}: ${f.src}: "${smallest.text}" renders at ${px.toFixed(1)} CSS px`);
					}
				}
				if (sizes.length === 0) bad.push('no SVG figure found');
				check(name, bad.length === 0, bad);
				console.log(`# ${L}: smallest figure text at 375 px: ${sizes.join(', ')}`);
			});

			for (const p of ['index.html', CHAPTER]) {
				const name = `${L}: at 375x800 on ${p} the Contents button opens the sidebar (visible, aria-expanded="true", the current page's link in it, no sideways scroll) and closes it again`;
				await test(name, async () => {
					await mp.goto(base.url + p);
					const bad = [];
					await mp.click('.nav-toggle');
					const open = await mp.evaluate(`(${function () {
						const sb = document.getElementById('sidebar');
						const st = getComputedStyle(sb);
						const r = sb.getBoundingClientRect();
						return {
							visible: st.display !== 'none' && st.visibility !== 'hidden' && r.width > 0 && r.height > 0,
							expanded: document.querySelector('.nav-toggle').getAttribute('aria-expanded'),
							links: sb.querySelectorAll('a').length,
							right: Math.round(r.right),
							sw: document.documentElement.scrollWidth, iw: innerWidth,
						};
					}})()`);
					if (!open.visible) bad.push('the sidebar is not visible after pressing Contents');
					if (open.expanded !== 'true') bad.push(`aria-expanded="${open.expanded}" after pressing Contents`);
					if (open.sw > open.iw || open.right > open.iw) bad.push(`with the sidebar open: scrollWidth ${open.sw}, sidebar right edge ${open.right}, innerWidth ${open.iw}`);
					await mp.click('.nav-toggle');
					const closed = await mp.evaluate(() => ({
						visible: getComputedStyle(document.getElementById('sidebar')).display !== 'none',
						expanded: document.querySelector('.nav-toggle').getAttribute('aria-expanded'),
					}));
					if (closed.visible || closed.expanded !== 'false') bad.push(`pressed again: sidebar visible=${closed.visible}, aria-expanded="${closed.expanded}"`);
					check(name, bad.length === 0, bad);
				});
			}
			await test(`${L}: at 375x800 the search results fit the screen`, async () => {
				const name = `${L}: at 375x800 the search results fit the screen (no sideways scroll, the listbox within the window)`;
				await mp.goto(base.url + CHAPTER);
				await mp.click('#search-input');
				await mp.keyboard.type('engineer');
				await mp.waitForSelector('#search-results [role="option"]', { state: 'visible' });
				const s = await mp.evaluate(() => {
					const r = document.getElementById('search-results').getBoundingClientRect();
					return { left: Math.round(r.left), right: Math.round(r.right), sw: document.documentElement.scrollWidth, iw: innerWidth };
				});
				check(name, s.sw <= s.iw && s.left >= 0 && s.right <= s.iw, [JSON.stringify(s)]);
			});
			await ctx.close();
		}
		console.log(`# ${L}: 375 px: ${since(t)} s`);
	}

	// ---- what a reader sees settle, print and scroll (from file://) ----
	{
		const L = BASES[0].label;
		const base = BASES[0];
		let t = Date.now();
		// Layout shift: the sum of unexpected shifts while each page loads and settles.
		for (const viewport of [NARROW, WIDE]) {
			await test(`${L}: layout shift at ${viewport.width} px`, async () => {
				const ctx = await browser.newContext({ viewport, colorScheme: 'light' });
				await ctx.addInitScript(() => {
					window.__cls = 0;
					new PerformanceObserver((list) => {
						for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
					}).observe({ type: 'layout-shift', buffered: true });
				});
				const cp = await newPage(ctx, L);
				const bad = [];
				let worst = 0;
				for (const p of pages) {
					await cp.goto(base.url + p, { waitUntil: 'load' });
					await settled(cp);
					const cls = await cp.evaluate(() => window.__cls);
					worst = Math.max(worst, cls);
					if (cls >= MAX_LAYOUT_SHIFT) bad.push(`${p}: cumulative layout shift ${cls.toFixed(3)}`);
				}
				await ctx.close();
				check(`${L}: at ${viewport.width} px every page (${pages.length}) settles with a cumulative layout shift below ${MAX_LAYOUT_SHIFT} (worst ${worst.toFixed(3)})`, bad.length === 0, bad);
			});
		}
		// Table cells: none clips its own text; a table wider than the column scrolls in a frame
		// the keyboard can reach, and the arrow keys scroll it instead of turning the page.
		for (const viewport of [NARROW, WIDE]) {
			await test(`${L}: tables at ${viewport.width} px`, async () => {
				const ctx = await browser.newContext({ viewport, colorScheme: 'light' });
				const tp = await newPage(ctx, L);
				const bad = [];
				let tables = 0;
				for (const p of pages) {
					await tp.goto(base.url + p, { waitUntil: 'load' });
					const r = await tp.evaluate(() => [...document.querySelectorAll('main table')].map((t) => {
						const wrap = t.closest('.table-wrap');
						const cells = [...t.querySelectorAll('th, td')].filter((c) => c.scrollWidth > c.clientWidth + 1)
							.map((c) => `"${c.textContent.trim().slice(0, 30)}" needs ${c.scrollWidth} px, has ${c.clientWidth}`);
						const overflows = wrap && wrap.scrollWidth > wrap.clientWidth + 1;
						return { cells, overflows, reachable: !overflows || (wrap.tabIndex === 0 && getComputedStyle(wrap).overflowX === 'auto') };
					}));
					tables += r.length;
					r.forEach((x, i) => {
						x.cells.forEach((c) => bad.push(`${p}: table ${i + 1}: cell ${c}`));
						if (!x.reachable) bad.push(`${p}: table ${i + 1} is wider than its frame and the frame cannot be scrolled from the keyboard`);
					});
				}
				await ctx.close();
				check(`${L}: at ${viewport.width} px no table cell clips its text and every wide table scrolls in a focusable frame (${tables} tables)`, tables > 0 && bad.length === 0, bad);
			});
		}
		await test(`${L}: arrow keys in a scrolling table`, async () => {
			const name = `${L}: at 375 px, ArrowRight in the focused comparison table scrolls it and does not turn the page`;
			const ctx = await browser.newContext({ viewport: NARROW, colorScheme: 'light' });
			const ap = await newPage(ctx, L);
			await ap.goto(base.url + WIDE_TABLE_PAGE);
			await ap.focus('main .table-wrap');
			let navigated = null;
			ap.once('framenavigated', (f) => { if (f === ap.mainFrame()) navigated = f.url(); });
			await ap.keyboard.press('ArrowRight');
			await settled(ap);
			const after = await ap.evaluate(() => ({ url: location.href, left: document.querySelector('main .table-wrap').scrollLeft }));
			await ctx.close();
			check(name, !navigated && noHash(after.url) === base.url + WIDE_TABLE_PAGE && after.left > 0,
				[`navigated to: ${navigated}`, `scrollLeft after the key: ${after.left}`]);
		});
		// Print: paper is light even for a reader whose screen is dark.
		await test(`${L}: print under a dark preference`, async () => {
			const ctx = await browser.newContext({ viewport: WIDE, colorScheme: 'dark' });
			await ctx.addInitScript(() => { try { localStorage.setItem('mixdown-theme', 'dark'); } catch (e) { /* file:// */ } });
			const pp = await newPage(ctx, L);
			const bad = [];
			for (const p of [WIDE_TABLE_PAGE, CHAPTER, 'index.html']) {
				await pp.goto(base.url + p, { waitUntil: 'load' });
				await pp.emulateMedia({ media: 'print', colorScheme: 'dark' });
				const low = await pp.evaluate((min) => {
					const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
					const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
					const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
					const background = (el) => {
						for (let e = el; e; e = e.parentElement) {
							const c = rgb(getComputedStyle(e).backgroundColor);
							if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
						}
						return [255, 255, 255];
					};
					const out = [];
					for (const el of document.querySelectorAll('main h1, main h2, main h3, main p, main th, main td, main li, main dt, main dd')) {
						if (!el.textContent.trim() || getComputedStyle(el).display === 'none') continue;
						const fg = lum(rgb(getComputedStyle(el).color));
						const bg = lum(background(el));
						const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
						if (ratio < min) out.push(`<${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 30)}": contrast ${ratio.toFixed(2)}:1`);
					}
					return out;
				}, MIN_PRINT_CONTRAST);
				bad.push(...low.map((l) => `${p}: ${l}`));
			}
			await ctx.close();
			check(`${L}: printed with a dark theme chosen, the text keeps a contrast of at least ${MIN_PRINT_CONTRAST}:1 on its background`, bad.length === 0, bad);
		});
		console.log(`# ${L}: layout shift, tables, print: ${since(t)} s`);
	}

	// ---- a missing page over http: the host's 404.html, styled, its links working ----
	{
		const http = BASES[1];
		const name = 'http: a missing URL (/no-such-page.html) gets 404.html with status 404, its stylesheet applied and its links leading to pages';
		await test(name, async () => {
			const ctx = await browser.newContext({ viewport: WIDE });
			const np = await ctx.newPage(); // not watched: the 404 status is expected here
			np.setDefaultTimeout(TIMEOUT);
			try {
				const response = await np.goto(http.url + 'no-such-page.html', { waitUntil: 'load' });
				const s = await np.evaluate(() => ({
					title: document.title,
					h1: (document.querySelector('h1') || {}).textContent || '',
					styled: getComputedStyle(document.querySelector('.site-header') || document.body).position === 'sticky',
					home: (document.querySelector('.book-title') || {}).href || null,
				}));
				const home = s.home ? await ctx.request.get(s.home) : null;
				check(name, response && response.status() === 404 && s.styled && home && home.status() === 200 && s.home === http.url + 'index.html',
					[`status ${response && response.status()}, title "${s.title}", h1 "${s.h1.trim()}", stylesheet applied: ${s.styled}, book title links to ${s.home} (HTTP ${home && home.status()})`]);
			} finally {
				await ctx.close();
			}
		});
	}

	// ---- screenshots (over http) ----
	const t = Date.now();
	const saved = [];
	const base = BASES[1];
	for (const scheme of ['light', 'dark']) {
		for (const vp of [NARROW, WIDE]) {
			const ctx = await browser.newContext({ viewport: vp, colorScheme: scheme });
			const sp = await newPage(ctx, 'screenshots');
			for (const p of ['index.html', CHAPTER]) {
				await sp.goto(base.url + p, { waitUntil: 'load' });
				const file = join(shots, `${p.replace(/\.html$/, '')}-${vp.width}-${scheme}.png`);
				await sp.screenshot({ path: file });
				saved.push(file);
			}
			// The chapter's figure, scrolled into view.
			await sp.goto(base.url + CHAPTER, { waitUntil: 'load' });
			if (await sp.$('main figure')) {
				await sp.evaluate(() => document.querySelector('main figure').scrollIntoView({ block: 'center' }));
				await settled(sp);
				const file = join(shots, `${CHAPTER.replace(/\.html$/, '')}-figure-${vp.width}-${scheme}.png`);
				await sp.screenshot({ path: file });
				saved.push(file);
			}
			// Search results open.
			await sp.evaluate(() => window.scrollTo(0, 0));
			await sp.click('#search-input');
			await sp.keyboard.type(QUERY);
			await sp.waitForSelector('#search-results [role="option"]', { state: 'visible' });
			await sp.keyboard.press('ArrowDown');
			let file = join(shots, `search-${vp.width}-${scheme}.png`);
			await sp.screenshot({ path: file });
			saved.push(file);
			// The contents open on a narrow screen.
			if (vp === NARROW) {
				await sp.goto(base.url + CHAPTER, { waitUntil: 'load' });
				await sp.click('.nav-toggle');
				file = join(shots, `${CHAPTER.replace(/\.html$/, '')}-contents-${vp.width}-${scheme}.png`);
				await sp.screenshot({ path: file });
				saved.push(file);
			}
			await ctx.close();
		}
	}
	const missing = saved.filter((f) => !existsSync(f));
	check(`screenshots: ${saved.length} saved in ${shotsArg} (title page, ${CHAPTER}, its figure, search results, contents; 375 and 1280 px; light and dark)`,
		saved.length > 0 && missing.length === 0, missing.map((f) => `not written: ${f}`));
	console.log(`# screenshots: ${since(t)} s`);

	check(`no JavaScript error, console error or failed request in ${loads} page loads`, problems.length === 0 && loads > 0, cap([...new Set(problems)], 30));
} catch (e) {
	notOk('browser tests ran to the end', [e.stack || String(e)]);
} finally {
	await browser.close();
}
