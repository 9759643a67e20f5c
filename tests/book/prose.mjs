// prose.mjs: reads the text of every built page's <main> as a reader sees it (cross-references
// already replaced by their targets' titles) and reports the slips a generated title can cause:
// a doubled article ("a The mentor-producer"), a doubled word, and a link echoed in parentheses
// beside the same words ("assistant engineer (Assistant engineer)"). Prints one TAP line per check.
//
// usage: node tests/book/prose.mjs SITE_HTML_DIR
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
	console.error('usage: node tests/book/prose.mjs SITE_HTML_DIR');
	process.exit(2);
}

const LINK_START = '\u0001';
const LINK_END = '\u0002';
const INLINE = new Set(['a', 'span', 'em', 'strong', 'code', 'i', 'b', 'abbr', 'sup', 'sub', 'dfn',
	'cite', 'q', 'var', 'kbd', 'small', 'mark', 'time', 'wbr']);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s) {
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
		if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		return ENTITIES[e.toLowerCase()] ?? m;
	});
}

// The page's main text, one block (paragraph, list item, cell...) a line, without the
// numbering labels ("Appendix A"); links between the two marker characters.
function blocks(html) {
	const main = html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/);
	if (!main) return [];
	const text = main[1]
		.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
		.replace(/\s+/g, ' ')
		.replace(/<span class="label">[^<]*<\/span>/g, '\n')
		.replace(/<(\/?)([a-z0-9]+)\b[^>]*>/gi, (m, close, name) => {
			name = name.toLowerCase();
			if (name === 'a') return close ? LINK_END : LINK_START;
			return INLINE.has(name) ? '' : '\n';
		});
	return decode(text).split('\n').map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const plain = (s) => s.replaceAll(LINK_START, '').replaceAll(LINK_END, '');
const words = (s) => s.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
// A word ends at a space or punctuation, not at the "&" of "A&R".
const END = `(?=[\\s,.;:!?)]|$)`;
const ARTICLE = new RegExp(`\\b(a|an|the)\\s+(a|an|the)${END}`, 'giu');
const DOUBLED = new RegExp(`\\b([\\p{L}\\p{N}'’-]+)\\s+\\1${END}`, 'giu');
// Parentheses holding only links ("(A)", "(A, B)", "(A and B)"), with the text before them;
// the last link is the one that would echo the words just before the opening parenthesis.
const LINK = `${LINK_START}[^${LINK_END}]*${LINK_END}`;
const PARENTHESISED_LINKS = new RegExp(`([^()]*?)\\s*\\(\\s*((?:${LINK}\\s*(?:,|;|and)?\\s*)+)\\)`, 'gu');
const lastLink = (links) => links.slice(links.lastIndexOf(LINK_START) + 1, links.lastIndexOf(LINK_END));
// A link followed by its own words in parentheses.
const LINK_THEN_PARENTHESES = new RegExp(`${LINK_START}([^${LINK_END}]*)${LINK_END}\\s*\\(([^()]*)\\)`, 'gu');

// True when the last words of BEFORE repeat the last words of LINK (two, or one for a
// one-word title): the reader sees the same name twice.
function echoes(before, link) {
	const b = words(plain(before));
	const l = words(link);
	const n = Math.min(2, l.length);
	return n > 0 && b.length >= n && b.slice(-n).join(' ') === l.slice(-n).join(' ');
}

const found = { article: [], doubled: [], echo: [] };
for (const page of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
	for (const block of blocks(readFileSync(join(dir, page), 'utf8'))) {
		const text = plain(block);
		for (const m of text.matchAll(ARTICLE)) found.article.push(`${page}: ${context(text, m.index)}`);
		for (const m of text.matchAll(DOUBLED)) {
			// A doubled article is already reported above.
			if (!/^(a|an|the)$/i.test(m[1])) found.doubled.push(`${page}: ${context(text, m.index)}`);
		}
		for (const m of block.matchAll(PARENTHESISED_LINKS)) {
			if (echoes(m[1], lastLink(m[2]))) found.echo.push(`${page}: ${plain(m[0]).trim().slice(-80)}`);
		}
		for (const m of block.matchAll(LINK_THEN_PARENTHESES)) {
			if (echoes(m[1], m[2])) found.echo.push(`${page}: ${plain(m[0]).trim().slice(0, 80)}`);
		}
	}
}

function context(text, at) {
	return text.slice(Math.max(0, at - 30), at + 40);
}

let failed = false;
function report(name, list) {
	if (list.length === 0) {
		console.log(`ok - ${name}`);
		return;
	}
	failed = true;
	console.log(`not ok - ${name}`);
	for (const line of list.slice(0, 20)) console.log(`    ${line}`);
	if (list.length > 20) console.log(`    ... and ${list.length - 20} more`);
}
report('handbook text: no doubled article ("a The", "the the")', found.article);
report('handbook text: no doubled word', found.doubled);
report('handbook text: no link echoed in parentheses beside the same words', found.echo);
process.exit(failed ? 1 : 0);
