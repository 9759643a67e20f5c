// paginate.mjs: reads the EPUB as a reader on a phone and on a tablet would, in epub.js 0.3.93
// under Debian's Chromium, paginated, at 390x844 and 768x1024. For every spine item, after
// epub.js has laid it out in pages:
//   - no text is clipped by an overflow container (a box that scrolls cannot be split across
//     pages, so whatever it hides is lost to the reader);
//   - no table row, row block or figure is wider than the page (it would be cut at the edge);
//   - every table row can be reached by turning pages: it lies within the laid-out pages;
//   - the smallest text of each SVG figure, at the width it is shown, is at least 10 CSS px.
// One TAP-like line per assertion ("ok - NAME" / "not ok - NAME" + indented detail).
//
// usage: node tests/epub/paginate.mjs BOOK.epub SCRATCH
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [epubArg, scratchArg] = process.argv.slice(2);
if (!epubArg || !scratchArg) {
	console.error('usage: node tests/epub/paginate.mjs BOOK.epub SCRATCH');
	process.exit(2);
}
const SCREENS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'tablet', width: 768, height: 1024 },
];
const MIN_FIGURE_PX = 10;

let failures = 0;
function check(name, pass, details = []) {
	console.log(`${pass ? 'ok' : 'not ok'} - epub.js paginated: ${name}`);
	if (!pass) {
		failures++;
		for (const d of details.slice(0, 12)) console.log(`    ${d}`);
		if (details.length > 12) console.log(`    ... and ${details.length - 12} more`);
	}
}

const scratch = resolve(scratchArg);
mkdirSync(scratch, { recursive: true });
const lib = (p) => pathToFileURL(join(root, 'node_modules', p)).href;
const readerHtml = join(scratch, 'paginate.html');
writeFileSync(readerHtml, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>reader</title>
<style>html,body{margin:0;background:#fff}#viewer{overflow:hidden}</style>
<script src="${lib('jszip/dist/jszip.min.js')}"></script>
<script src="${lib('epubjs/dist/epub.min.js')}"></script>
</head><body><div id="viewer"></div></body></html>
`);

// Runs in the reader page: lays out one spine item and measures what a reader would lose.
async function inspectItem(href) {
	await window.rendition.display(href);
	const c = window.rendition.getContents()[0];
	const doc = c.document;
	const win = doc.defaultView;
	const pageWidth = window.rendition.manager.layout.columnWidth;
	const docWidth = doc.documentElement.scrollWidth;
	const where = (el) => {
		const t = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50);
		return `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> "${t}"`;
	};
	const clipped = [];
	for (const el of doc.body.querySelectorAll('*')) {
		const st = win.getComputedStyle(el);
		const hidesX = st.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1;
		const hidesY = st.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1;
		if ((hidesX || hidesY) && (el.textContent || '').trim()) {
			clipped.push(`${where(el)}: shows ${el.clientWidth}x${el.clientHeight} of ${el.scrollWidth}x${el.scrollHeight}`);
		}
	}
	const wide = [];
	const unreachable = [];
	let rows = 0;
	for (const el of doc.body.querySelectorAll('tr, .table-row, figure, table')) {
		// An element split across pages has one box per page: each must fit its page.
		const boxes = [...el.getClientRects()];
		const widest = Math.max(0, ...boxes.map((b) => b.width));
		if (widest > pageWidth + 1) wide.push(`${where(el)}: ${Math.round(widest)} px wide on a ${Math.round(pageWidth)} px page`);
		if (el.matches('tr, .table-row')) {
			rows++;
			const outside = boxes.length === 0 || boxes.some((b) => b.height <= 0 || b.left < -1 || b.right > docWidth + 1);
			if (outside) unreachable.push(`${where(el)}: not laid out within the ${docWidth} px of pages`);
		}
	}
	const figures = [];
	for (const img of doc.querySelectorAll('img')) {
		// epub.js serves resources as blob: URLs; an SVG is known by its content.
		const svgText = await (await fetch(img.src)).text();
		if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(svgText)) continue;
		const orig = (img.getAttribute('alt') || '').slice(0, 40);
		const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
		const box = (svg.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
		const viewWidth = box.length === 4 ? box[2] : parseFloat(svg.getAttribute('width'));
		let smallest = Infinity;
		let text = '';
		for (const t of svg.getElementsByTagName('text')) {
			let size = NaN;
			for (let e = t; e && e.getAttribute && Number.isNaN(size); e = e.parentNode) {
				const attr = e.getAttribute('font-size') || ((e.getAttribute('style') || '').match(/font-size:\s*([\d.]+)/) || [])[1];
				if (attr) size = parseFloat(attr);
			}
			if (Number.isNaN(size)) size = 16;
			if (t.textContent.trim() && size < smallest) { smallest = size; text = t.textContent.trim(); }
		}
		const shown = img.getBoundingClientRect().width;
		figures.push({ src: svg.querySelector('title')?.textContent.trim() || orig, px: smallest * shown / viewWidth, text });
	}
	return { clipped, wide, unreachable, rows, figures };
}

let context;
try {
	context = await launch({ extraArgs: ['--allow-file-access-from-files'] });
	const page = context.pages()[0] || (await context.newPage());
	page.setDefaultTimeout(120000);
	const b64 = readFileSync(resolve(epubArg)).toString('base64');
	for (const screen of SCREENS) {
		await page.setViewportSize({ width: screen.width, height: screen.height });
		await page.goto(pathToFileURL(readerHtml).href);
		const spine = await page.evaluate(async ({ b64, w, h }) => {
			const bin = atob(b64);
			const bytes = new Uint8Array(bin.length);
			for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
			window.book = ePub(bytes.buffer);
			await window.book.ready;
			window.rendition = window.book.renderTo('viewer', { width: w, height: h, flow: 'paginated', spread: 'none' });
			const items = [];
			window.book.spine.each((s) => items.push(s.href));
			return items;
		}, { b64, w: screen.width, h: screen.height });
		const clipped = [];
		const wide = [];
		const unreachable = [];
		const small = [];
		const sizes = [];
		let rows = 0;
		for (const href of spine) {
			const r = await page.evaluate(inspectItem, href);
			clipped.push(...r.clipped.map((d) => `${href}: ${d}`));
			wide.push(...r.wide.map((d) => `${href}: ${d}`));
			unreachable.push(...r.unreachable.map((d) => `${href}: ${d}`));
			rows += r.rows;
			for (const f of r.figures) {
				sizes.push(`"${f.src}" ${f.px.toFixed(1)} px`);
				if (f.px < MIN_FIGURE_PX) small.push(`${href}: ${f.src}: "${f.text}" at ${f.px.toFixed(1)} CSS px`);
			}
		}
		const at = `${screen.name} ${screen.width}x${screen.height}`;
		check(`${at}: no text in ${spine.length} spine items is clipped by an overflow container`, clipped.length === 0, clipped);
		check(`${at}: no table row, row block or figure is wider than the page`, wide.length === 0, wide);
		check(`${at}: all ${rows} table rows and row blocks lie within the pages`, rows > 0 && unreachable.length === 0,
			rows > 0 ? unreachable : ['no table row found in the book']);
		check(`${at}: the smallest text of every SVG figure is at least ${MIN_FIGURE_PX} CSS px`, sizes.length > 0 && small.length === 0,
			sizes.length > 0 ? small : ['no SVG figure found in the book']);
		console.log(`# ${at}: smallest figure text: ${sizes.join(', ')}`);
	}
} catch (e) {
	check('the reading system ran to the end', false, [String(e.stack || e)]);
} finally {
	if (context) await context.close();
}
process.exit(failures ? 1 : 0);
