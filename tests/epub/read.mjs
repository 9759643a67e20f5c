// read.mjs: opens the EPUB in a reading system, epub.js 0.3.93 under Debian's Chromium, and
// prints one TAP-like line per assertion ("ok - NAME" / "not ok - NAME" + indented detail):
// the TOC from the nav, every spine item rendered without a JavaScript error or a failed
// resource, a footnote link followed (when the book has one), an index link followed to its
// target, and screenshots of a chapter page and of the cover.
//
// usage: node tests/epub/read.mjs BOOK.epub OUTDIR
//   OUTDIR gets chapter.png, cover.png and a scratch folder for the reader page.
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const [epubArg, outArg] = process.argv.slice(2);
if (!epubArg || !outArg) {
	console.error('usage: node tests/epub/read.mjs BOOK.epub OUTDIR');
	process.exit(2);
}
const epubPath = resolve(epubArg);
const outDir = resolve(outArg);
const scratch = join(outDir, 'reader');

// The book's own expectations.
const MIN_TOC_ENTRIES = 16;
const TOC_MUST_HAVE = 'In the studio';
const CHAPTER_FOR_SCREENSHOT = 'roles-studio.xhtml';

let failures = 0;
function ok(name) {
	console.log(`ok - epub.js: ${name}`);
}
function notOk(name, details = []) {
	failures++;
	console.log(`not ok - epub.js: ${name}`);
	for (const d of [].concat(details)) for (const line of String(d).split('\n')) console.log(`    ${line}`);
}
function check(name, pass, details) {
	if (pass) ok(name);
	else notOk(name, details);
}
function skip(name, reason) {
	// Not counted by tests/run.sh as a pass or a failure: nothing was checked.
	console.log(`# SKIP epub.js: ${name}: ${reason}`);
}

// The reader page: epub.js and JSZip straight from node_modules, and an 600x800 viewer.
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const lib = (p) => pathToFileURL(join(root, 'node_modules', p)).href;
const readerHtml = join(scratch, 'reader.html');
writeFileSync(readerHtml, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>reader</title>
<style>html,body{margin:0;background:#fff}#viewer{width:600px;height:800px;overflow:hidden}</style>
<script>
window.__errors = [];
window.addEventListener('error', (e) => {
	const t = e.target;
	if (t && t !== window && (t.src || t.href)) window.__errors.push('failed to load ' + (t.src || t.href));
	else window.__errors.push('error: ' + (e.message || e) + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
}, true);
window.addEventListener('unhandledrejection', (e) => {
	window.__errors.push('unhandled rejection: ' + (e.reason && (e.reason.stack || e.reason.message) || e.reason));
});
</script>
<script src="${lib('jszip/dist/jszip.min.js')}"></script>
<script src="${lib('epubjs/dist/epub.min.js')}"></script>
</head><body><div id="viewer"></div></body></html>
`);

const pageErrors = []; // JavaScript errors, console errors and failed requests, from every frame
let context;
try {
	context = await launch({
		extraArgs: ['--allow-file-access-from-files'],
		viewport: { width: 600, height: 800 },
	});
	const page = context.pages()[0] || (await context.newPage());
	page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') pageErrors.push(`console error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
	});
	page.on('requestfailed', (r) => pageErrors.push(`request failed: ${r.url().slice(0, 200)}: ${r.failure()?.errorText}`));
	page.on('response', (r) => {
		if (r.status() >= 400) pageErrors.push(`HTTP ${r.status()}: ${r.url().slice(0, 200)}`);
	});
	const takeErrors = async () => {
		const inPage = await page.evaluate(() => window.__errors.splice(0));
		return [...pageErrors.splice(0), ...inPage];
	};

	await page.goto(pathToFileURL(readerHtml).href);
	const libs = await page.evaluate(() => ({ ePub: typeof window.ePub, JSZip: typeof window.JSZip }));
	check('loads epub.js and JSZip from node_modules', libs.ePub === 'function' && libs.JSZip === 'function', JSON.stringify(libs));

	// Open the book from its bytes (no fetch over file://), render into the 600x800 viewer.
	const b64 = readFileSync(epubPath).toString('base64');
	const opened = await page.evaluate(async (b64) => {
		const bin = atob(b64);
		const bytes = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
		const book = ePub(bytes.buffer);
		window.book = book;
		await book.ready;
		const nav = await book.loaded.navigation;
		window.rendition = book.renderTo('viewer', { width: 600, height: 800, flow: 'paginated', spread: 'none' });
		const flat = [];
		const walk = (items, depth) => {
			for (const it of items) {
				flat.push({ label: (it.label || '').replace(/\s+/g, ' ').trim(), href: it.href, depth });
				walk(it.subitems || [], depth + 1);
			}
		};
		walk(nav.toc, 0);
		const spine = [];
		book.spine.each((s) => spine.push({ href: s.href, idref: s.idref, linear: s.linear }));
		return {
			title: book.packaging.metadata.title,
			toc: flat,
			landmarks: (nav.landmarks || []).map((l) => ({ type: l.type, href: l.href, label: l.label })),
			spine,
			tocInSpine: flat.map((e) => ({ href: e.href, found: !!book.spine.get(e.href) })),
		};
	}, b64);
	const openErrors = await takeErrors();
	check('opens the EPUB without an error', opened && opened.spine.length > 0 && openErrors.length === 0,
		[`title: ${opened && opened.title}`, `spine items: ${opened && opened.spine.length}`, ...openErrors]);

	// The TOC from the nav document.
	const toc = opened.toc;
	check(`the nav's TOC has more than ${MIN_TOC_ENTRIES - 1} entries (${toc.length})`, toc.length >= MIN_TOC_ENTRIES,
		toc.map((e) => `${'  '.repeat(e.depth)}${e.label} -> ${e.href}`));
	check(`the TOC includes "${TOC_MUST_HAVE}"`, toc.some((e) => e.label.includes(TOC_MUST_HAVE)),
		toc.filter((e) => e.depth <= 1).map((e) => e.label));
	const spineIndex = (href) => opened.spine.findIndex((sp) => sp.href === href.split('#')[0]);
	const outOfOrder = toc.filter((e, i) => i > 0 && spineIndex(e.href) < spineIndex(toc[i - 1].href));
	check('the TOC follows the reading order of the spine', toc.length > 0 && outOfOrder.length === 0,
		outOfOrder.map((e) => `"${e.label}" (${e.href}) comes before the entry above it in the spine`));
	const unresolved = opened.tocInSpine.filter((e) => !e.found);
	check('every TOC entry points into the spine', unresolved.length === 0, unresolved.map((e) => `not in the spine: ${e.href}`));

	// Render every spine item, checking images, stylesheets and errors.
	const renderProblems = [];
	let rendered = 0;
	for (const item of opened.spine) {
		let result;
		try {
			result = await page.evaluate(async (href) => {
				await window.rendition.display(href);
				const contents = window.rendition.getContents();
				const c = contents[0];
				if (!c || !c.document) return { error: 'nothing rendered' };
				const doc = c.document;
				const problems = [];
				for (const img of doc.querySelectorAll('img, image')) {
					const src = img.getAttribute('src') || img.getAttribute('href') || img.getAttribute('xlink:href');
					if (img.tagName.toLowerCase() === 'img') {
						try { await img.decode(); } catch (e) { /* reported below */ }
						if (!img.complete || img.naturalWidth === 0) problems.push(`image did not load: ${img.getAttribute('data-orig-src') || src}`);
					}
				}
				for (const link of doc.querySelectorAll('link[rel~="stylesheet"]')) {
					let rules = -1;
					try { rules = link.sheet ? link.sheet.cssRules.length : -1; } catch (e) { rules = -1; }
					if (rules <= 0) problems.push(`stylesheet did not load or is empty: ${link.getAttribute('href')}`);
				}
				const text = (doc.body && doc.body.textContent || '').trim();
				const media = doc.querySelectorAll('img, svg, image').length;
				if (!text && !media) problems.push('the rendered body is empty');
				return {
					section: window.rendition.currentLocation()?.start?.href,
					title: doc.title,
					problems,
				};
			}, item.href);
		} catch (e) {
			result = { error: e.message.split('\n')[0] };
		}
		const errs = await takeErrors();
		const problems = [...(result.error ? [result.error] : []), ...(result.problems || []), ...errs];
		if (!result.error && result.section !== item.href) problems.push(`displayed ${result.section}, not ${item.href}`);
		if (problems.length) renderProblems.push(`${item.href}:`, ...problems.map((p) => `  ${p}`));
		else rendered++;
	}
	check(`renders all ${opened.spine.length} spine items without a JavaScript error or a failed resource`,
		rendered === opened.spine.length && opened.spine.length > 0, renderProblems);

	// Footnotes: the first noteref link, followed to its note.
	const noteref = await page.evaluate(async (spine) => {
		for (const item of spine) {
			const section = window.book.spine.get(item.href);
			const doc = await section.load(window.book.load.bind(window.book));
			const refs = [...doc.querySelectorAll('a[href]')].filter((el) =>
				/(^|\s)noteref(\s|$)/.test(el.getAttributeNS('http://www.idpf.org/2007/ops', 'type') || '') ||
				/(^|\s)doc-noteref(\s|$)/.test(el.getAttribute('role') || ''));
			section.unload();
			if (refs.length) return { href: item.href, link: refs[0].getAttribute('href'), count: refs.length };
		}
		return null;
	}, opened.spine);
	if (!noteref) {
		skip('follows a footnote link', 'the book has no footnote (no a[epub:type~=noteref] or a[role=doc-noteref] in any spine item)');
	} else {
		const r = await followLink(page, noteref.href, noteref.link);
		const errs = await takeErrors();
		check(`follows a footnote link (${noteref.href} -> ${noteref.link})`,
			r.ok && r.isNote && errs.length === 0, [...r.details, ...(r.isNote ? [] : ['the target is not a footnote (epub:type footnote/endnote/rearnote or role doc-footnote/doc-endnote)']), ...errs]);
	}

	// The index: found from the landmarks, else as the spine item holding role="doc-index" or
	// epub:type="index"; its first entry's link is clicked.
	let indexHref = opened.landmarks.find((l) => l.type === 'index')?.href;
	let indexFrom = 'the landmarks';
	if (!indexHref) {
		indexFrom = 'the spine';
		indexHref = await page.evaluate(async (spine) => {
			for (const item of spine) {
				const section = window.book.spine.get(item.href);
				const doc = await section.load(window.book.load.bind(window.book));
				const found = doc.querySelector('[role="doc-index"]') ||
					[...doc.querySelectorAll('*')].find((el) => /(^|\s)index(\s|$)/.test(el.getAttributeNS('http://www.idpf.org/2007/ops', 'type') || ''));
				section.unload();
				if (found) return item.href;
			}
			return null;
		}, opened.spine);
	}
	if (!indexHref) {
		notOk('follows the first index entry to its target', 'no index: none in the landmarks, and no spine item with role="doc-index" or epub:type="index"');
	} else {
		await page.evaluate((h) => window.rendition.display(h), indexHref.split('#')[0]);
		const first = await page.evaluate(() => {
			const doc = window.rendition.getContents()[0].document;
			const idx = doc.querySelector('[role="doc-index"]') ||
				[...doc.querySelectorAll('*')].find((el) => /(^|\s)index(\s|$)/.test(el.getAttributeNS('http://www.idpf.org/2007/ops', 'type') || '')) || doc.body;
			const a = [...idx.querySelectorAll('a[href]')].find((el) => !el.getAttribute('href').startsWith('#'));
			if (!a) return null;
			const li = a.closest('li');
			return {
				href: a.getAttribute('href'),
				term: (li?.querySelector('.index-term') || li || a).textContent.replace(/\s+/g, ' ').trim().slice(0, 60),
			};
		});
		if (!first) {
			notOk('follows the first index entry to its target', `no link to another document in ${indexHref}`);
		} else {
			const r = await followLink(page, indexHref.split('#')[0], first.href);
			const errs = await takeErrors();
			check(`follows the first index entry of ${indexHref} (from ${indexFrom}: "${first.term}" -> ${first.href}) to its target`,
				r.ok && errs.length === 0, [...r.details, ...errs]);
		}
	}

	// Screenshots: a chapter page, and the cover.
	const viewer = page.locator('#viewer');
	const chapterHref = opened.spine.find((s) => s.href.endsWith(CHAPTER_FOR_SCREENSHOT))?.href ||
		opened.spine.find((s) => toc.some((e) => e.href.split('#')[0] === s.href && /^\d+\.\s/.test(e.label)))?.href;
	await page.evaluate((h) => window.rendition.display(h), chapterHref);
	await settle(page);
	await viewer.screenshot({ path: join(outDir, 'chapter.png') });
	const chapterShot = await page.evaluate(() => {
		const c = window.rendition.getContents()[0];
		return { h1: c.document.querySelector('h1, h2, h3')?.textContent.replace(/\s+/g, ' ').trim() };
	});
	const chapterErrs = await takeErrors();
	check(`screenshot of a chapter page (${chapterHref}: "${chapterShot.h1}") in chapter.png`,
		!!chapterShot.h1 && chapterErrs.length === 0, [JSON.stringify(chapterShot), ...chapterErrs]);

	const coverHref = opened.landmarks.find((l) => l.type === 'cover')?.href || opened.spine[0].href;
	await page.evaluate((h) => window.rendition.display(h), coverHref);
	await settle(page);
	await viewer.screenshot({ path: join(outDir, 'cover.png') });
	const cover = await page.evaluate(() => {
		const doc = window.rendition.getContents()[0].document;
		const img = doc.querySelector('img');
		if (!img) return { img: false };
		const r = img.getBoundingClientRect();
		return { img: true, loaded: img.complete && img.naturalWidth > 0, w: Math.round(r.width), h: Math.round(r.height), alt: img.alt };
	});
	const coverErrs = await takeErrors();
	check(`the cover (${coverHref}) shows its image, in cover.png`,
		cover.img && cover.loaded && cover.w > 100 && cover.h > 100 && coverErrs.length === 0,
		[JSON.stringify(cover), ...coverErrs]);
} catch (e) {
	notOk('the reader ran to the end', e.stack || String(e));
} finally {
	if (context) await context.close().catch(() => {});
}
process.exit(failures ? 1 : 0);

// Waits until the displayed document's images are decoded and its fonts are ready.
async function settle(page) {
	await page.evaluate(async () => {
		const doc = window.rendition.getContents()[0]?.document;
		if (!doc) return;
		await Promise.all([...doc.images].map((img) => img.decode().catch(() => {})));
		await doc.fonts?.ready;
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
	});
}

// Displays FROM (a spine href), clicks the first link whose href attribute is LINK the way a
// reader would, and checks that the reading system moved to the target document and that the
// target element exists there and is on the page displayed.
async function followLink(page, from, link) {
	await page.evaluate((h) => window.rendition.display(h), from);
	const before = await page.evaluate(() => window.rendition.currentLocation()?.start?.href);
	const moved = page.evaluate(() => new Promise((res) => {
		const t = setTimeout(() => res('timeout'), 5000);
		window.rendition.once('relocated', () => { clearTimeout(t); setTimeout(() => res('relocated'), 100); });
	}));
	const clicked = await page.evaluate((link) => {
		const doc = window.rendition.getContents()[0].document;
		const a = [...doc.querySelectorAll('a[href]')].find((el) => el.getAttribute('href') === link);
		if (!a) return false;
		a.click();
		return true;
	}, link);
	const how = await moved;
	const targetFile = link.split('#')[0] || from;
	const id = decodeURIComponent(link.split('#')[1] || '');
	const after = await page.evaluate((id) => {
		const c = window.rendition.getContents()[0];
		const doc = c.document;
		const el = id ? doc.getElementById(id) : doc.body;
		const loc = window.rendition.currentLocation();
		let onPage = null;
		if (el) {
			// In paginated flow the container scrolls sideways, one page of columns at a time.
			const container = document.querySelector('#viewer .epub-container');
			const r = el.getBoundingClientRect();
			const left = r.left - (container ? container.scrollLeft : 0);
			onPage = left >= -1 && left < 600;
		}
		const type = el ? (el.getAttributeNS('http://www.idpf.org/2007/ops', 'type') || '') + ' ' + (el.getAttribute('role') || '') : '';
		return {
			section: loc?.start?.href,
			exists: !!el,
			tag: el ? el.tagName.toLowerCase() : null,
			text: el ? (el.textContent.trim() ? el.textContent : el.closest('section')?.querySelector('h1, h2, h3, h4')?.textContent || '')
				.replace(/\s+/g, ' ').trim().slice(0, 80) : null,
			onPage,
			isNote: /(^|\s)(footnote|endnote|rearnote|doc-footnote|doc-endnote)(\s|$)/.test(type),
		};
	}, id);
	const details = [
		`from ${before}, clicked: ${clicked}, then ${how}; now showing ${after.section}`,
		`target #${id}: ${after.exists ? `<${after.tag}> "${after.text}"` : 'not found in the displayed document'}${after.exists ? `, on the displayed page: ${after.onPage}` : ''}`,
	];
	const ok = clicked && how === 'relocated' && after.section === targetFile && after.exists && after.onPage;
	return { ok, details, isNote: after.isNote };
}
