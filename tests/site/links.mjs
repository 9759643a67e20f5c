// links.mjs: the site's internal links as a browser sees them from file://, with no server:
// every href, src and srcset of every page (and every url() of the CSS, and every entry of the
// search index) is resolved against its own file; the target file must exist inside the site,
// be a file (file:// shows no index.html for a folder), and hold the #fragment as an id (or an
// <a name>). Root-absolute ("/x") and protocol-relative ("//x") links are broken on file://.
// Links to other schemes (http:, https:, mailto:...) are counted as external and not followed.
// Also: every folder holding pages has a 404.html, and every page can be reached from
// index.html by following links.
//
// usage: node tests/site/links.mjs SITE_DIR
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve, dirname, relative, sep, extname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { check, cap, htmlPages } from './lib.mjs';

const siteArg = process.argv[2];
if (!siteArg || !existsSync(siteArg)) {
	console.error('usage: node tests/site/links.mjs SITE_DIR');
	process.exit(2);
}
const site = resolve(siteArg);
const rel = (p) => relative(site, p).split(sep).join('/');

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decode(s) {
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
		if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		return ENTITIES[e.toLowerCase()] ?? m;
	});
}

// Start tags with their attributes, in order; comments and the text of script and style left out.
function tags(html) {
	html = html.replace(/<!--[\s\S]*?-->/g, '');
	html = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
	const out = [];
	const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
	const attrRe = /([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
	let m;
	while ((m = tagRe.exec(html))) {
		const attrs = {};
		let a;
		while ((a = attrRe.exec(m[2]))) {
			let v = a[2] ?? '';
			if (v[0] === '"' || v[0] === "'") v = v.slice(1, -1);
			attrs[a[1].toLowerCase()] = decode(v);
		}
		out.push({ name: m[1].toLowerCase(), attrs });
	}
	return out;
}

const LINK_ATTRS = {
	a: ['href'], area: ['href'], link: ['href'], img: ['src', 'srcset'], script: ['src'],
	source: ['src', 'srcset'], iframe: ['src'], video: ['src', 'poster'], audio: ['src'],
	track: ['src'], object: ['data'], embed: ['src'], input: ['src'], use: ['href', 'xlink:href'],
	image: ['href', 'xlink:href'], form: ['action'],
};

const idCache = new Map();
function idsOf(file) {
	if (!idCache.has(file)) {
		const ids = new Set();
		for (const t of tags(readFileSync(file, 'utf8'))) {
			if (t.attrs.id !== undefined) ids.add(t.attrs.id);
			if (t.name === 'a' && t.attrs.name !== undefined) ids.add(t.attrs.name);
		}
		idCache.set(file, ids);
	}
	return idCache.get(file);
}

let checked = 0;
let external = 0;
const broken = [];
const linksFrom = new Map(); // page -> set of pages it links to

// Checks VALUE found in FROM (a file); WHERE describes it for the report.
function checkLink(from, value, where) {
	value = value.trim();
	checked++;
	if (/^\/\//.test(value)) {
		broken.push(`${where}: "${value}" is protocol-relative: it breaks on file://`);
		return;
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
		if (!/^file:/i.test(value)) {
			external++;
			checked--;
			return;
		}
		broken.push(`${where}: "${value}" is an absolute file: URL`);
		return;
	}
	if (value.startsWith('/')) {
		broken.push(`${where}: "${value}" is root-absolute: it breaks on file:// and below a host's root`);
		return;
	}
	const url = new URL(value, pathToFileURL(from));
	let target;
	try {
		target = fileURLToPath(url);
	} catch (e) {
		broken.push(`${where}: "${value}": ${e.message}`);
		return;
	}
	if (target !== site && !target.startsWith(site + sep)) {
		broken.push(`${where}: "${value}" leads outside the site (${target})`);
		return;
	}
	if (!existsSync(target)) {
		broken.push(`${where}: "${value}": no file ${rel(target)}`);
		return;
	}
	if (statSync(target).isDirectory()) {
		broken.push(`${where}: "${value}" is a folder: file:// shows a listing, not its index.html`);
		return;
	}
	if (extname(target) === '.html' && from.endsWith('.html')) {
		if (!linksFrom.has(from)) linksFrom.set(from, new Set());
		linksFrom.get(from).add(target);
	}
	const hash = url.hash.slice(1);
	if (hash) {
		let id;
		try {
			id = decodeURIComponent(hash);
		} catch {
			id = hash;
		}
		if (extname(target) !== '.html') {
			broken.push(`${where}: "${value}": a #fragment on a file that is not a page`);
		} else if (!idsOf(target).has(id)) {
			broken.push(`${where}: "${value}": ${rel(target)} has no id="${id}"`);
		}
	}
}

const pages = htmlPages(site);
for (const page of pages) {
	const file = join(site, page);
	for (const t of tags(readFileSync(file, 'utf8'))) {
		for (const attr of LINK_ATTRS[t.name] || []) {
			const v = t.attrs[attr];
			if (v === undefined) continue;
			if (attr === 'srcset') {
				for (const part of v.split(',')) {
					const u = part.trim().split(/\s+/)[0];
					if (u) checkLink(file, u, `${page}: <${t.name} ${attr}>`);
				}
			} else if (!(t.name === 'a' && v === '')) {
				checkLink(file, v, `${page}: <${t.name} ${attr}>`);
			}
		}
	}
}

// The stylesheets' url()s.
let cssFiles = 0;
(function walk(d) {
	for (const name of readdirSync(d)) {
		const p = join(d, name);
		if (statSync(p).isDirectory()) {
			walk(p);
			continue;
		}
		if (!name.endsWith('.css')) continue;
		cssFiles++;
		const css = readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
		for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
			const u = m[1] ?? m[2] ?? m[3];
			if (u && !u.startsWith('data:') && !u.startsWith('#')) checkLink(p, u, `${rel(p)}: url()`);
		}
		for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) checkLink(p, m[1] ?? m[2], `${rel(p)}: @import`);
	}
})(site);

// The search index: each record's href is a link from a page at the site's root (site.js makes
// it the href of a result; every page sits at the root).
let searchEntries = 0;
const indexJs = join(site, 'assets', 'search-index.js');
if (existsSync(indexJs)) {
	const text = readFileSync(indexJs, 'utf8');
	let docs = null;
	try {
		docs = JSON.parse(text.replace(/^\s*window\.mixdownSearch\s*=\s*/, '').replace(/;\s*$/, ''));
	} catch (e) {
		broken.push(`assets/search-index.js: not "window.mixdownSearch = {JSON};": ${e.message}`);
	}
	for (const [i, [href, , title]] of (docs?.records || []).entries()) {
		searchEntries++;
		const where = `assets/search-index.js: record ${i} ("${title}")`;
		if (typeof href !== 'string' || !href) broken.push(`${where}: no href`);
		else checkLink(join(site, 'index.html'), href, where);
	}
} else {
	broken.push('assets/search-index.js: missing');
}

const name = `links over file://: every relative href, src and srcset of ${pages.length} pages, the url()s of ${cssFiles} stylesheet(s) and ${searchEntries} search-index entries resolve to a file of the site and to the #fragment's id`;
check(`${name} (${checked} links checked, ${broken.length} broken, ${external} external not followed)`, broken.length === 0 && checked > 0, cap(broken, 40));

// A 404.html next to the pages of every folder.
const folders = [...new Set(pages.map((p) => dirname(p)))];
const without = folders.filter((f) => !existsSync(join(site, f, '404.html')));
check(`every folder holding pages has a 404.html (${folders.length} folder${folders.length === 1 ? '' : 's'})`,
	folders.length > 0 && without.length === 0, without.map((f) => `no 404.html in ${f}/`));

// Every page (but 404.html, and search.html, which the search box leads to) reachable from
// index.html.
const start = join(site, 'index.html');
const seen = new Set([start]);
const queue = [start];
while (queue.length) for (const t of linksFrom.get(queue.shift()) || []) if (!seen.has(t)) { seen.add(t); queue.push(t); }
const orphans = pages.filter((p) => !p.endsWith('404.html') && p !== 'search.html' && !seen.has(join(site, p)));
check(`every page can be reached from index.html by following links (${seen.size} of ${pages.length} pages reached)`,
	existsSync(start) && orphans.length === 0, existsSync(start) ? orphans.map((p) => `not reachable: ${p}`) : ['no index.html']);
