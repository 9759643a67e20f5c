// reports.mjs: reads the checkers' reports for tests/epub/run.sh and prints TAP-like lines,
// "ok - NAME" or "not ok - NAME" followed by indented detail; "# ..." lines are comments.
//
//   node tests/epub/reports.mjs epubcheck REPORT.json LOG   epubcheck-ts's --json report
//   node tests/epub/reports.mjs ace REPORT.json LOG         DAISY Ace's report.json
//   node tests/epub/reports.mjs manifest BOOK.epub          the zip against the package's manifest
import { readFileSync, existsSync } from 'node:fs';
import { posix } from 'node:path';
import JSZip from 'jszip';

const ok = (name) => console.log(`ok - ${name}`);
const notOk = (name, details = []) => {
	console.log(`not ok - ${name}`);
	for (const d of [].concat(details)) for (const line of String(d).split('\n')) console.log(`    ${line}`);
};
const check = (name, pass, details) => (pass ? ok(name) : notOk(name, details));
const tail = (file, n = 15) => (file && existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-n) : []);
const readJson = (file) => {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		return null;
	}
};

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'epubcheck') epubcheck(...args);
else if (cmd === 'ace') ace(...args);
else if (cmd === 'manifest') await manifest(...args);
else {
	console.error('usage: reports.mjs epubcheck|ace|manifest ARGS');
	process.exit(2);
}

// epubcheck-ts: every message of severity fatal, error or warning fails the test. The counts
// are taken from the messages themselves and cross-checked with the report's totals.
function epubcheck(report, log) {
	const name = 'epubcheck-ts: no fatal, no error, no warning';
	const r = readJson(report);
	if (!r || !Array.isArray(r.messages)) {
		notOk(name, ['epubcheck-ts wrote no readable JSON report', ...tail(log)]);
		return;
	}
	const bad = r.messages.filter((m) => ['fatal', 'error', 'warning'].includes(String(m.severity).toLowerCase()));
	const counted = (r.fatals || 0) + (r.errors || 0) + (r.warnings || 0);
	const lines = bad.map((m) => {
		const where = (m.locations || []).map((l) => `${l.path}${l.line > 0 ? `:${l.line}` : ''}${l.column > 0 ? `:${l.column}` : ''}`).join(', ');
		return `${String(m.severity).toUpperCase()} ${m.ID} ${where}: ${m.message}`;
	});
	if (bad.length !== counted) lines.push(`report totals: ${r.fatals} fatals, ${r.errors} errors, ${r.warnings} warnings`);
	check(`${name} (${r.checker?.name} ${r.checker?.version}, EPUB ${r.publication?.version})`, bad.length === 0 && counted === 0, lines);
}

// DAISY Ace: no violation of any impact, and accessibility metadata that claims only what is true.
function ace(report, log) {
	const name = 'Ace: no accessibility violation of any impact';
	const r = readJson(report);
	if (!r || !Array.isArray(r.assertions)) {
		notOk(name, ['Ace wrote no readable report.json', ...tail(log)]);
		notOk('Ace: the package claims no WCAG conformance that nobody evaluated', 'no report');
		notOk('Ace: accessModeSufficient lists textual reading', 'no report');
		return;
	}
	const violations = [];
	for (const doc of r.assertions) {
		const file = doc['earl:testSubject']?.url || '?';
		for (const a of doc.assertions || []) {
			if (a['earl:result']?.['earl:outcome'] !== 'fail') continue;
			const t = a['earl:test'] || {};
			const res = a['earl:result'] || {};
			const css = [].concat(res['earl:pointer']?.css || []).join(' ');
			const html = (res.html || '').replace(/\s+/g, ' ').slice(0, 160);
			const where = [css, html].filter(Boolean).join('  ');
			violations.push({ rule: t['dct:title'], impact: t['earl:impact'], file, where, desc: res['dct:description'] || t['dct:description'] || '' });
		}
	}
	const verdict = r['earl:result']?.['earl:outcome'];
	const byImpact = {};
	for (const v of violations) byImpact[v.impact] = (byImpact[v.impact] || 0) + 1;
	check(`${name} (Ace ${r['earl:assertedBy']?.['doap:release']?.['doap:revision']}, ${r.assertions.length} documents checked)`,
		violations.length === 0 && verdict === 'pass',
		[`verdict (earl:result): ${verdict}; violations by impact: ${JSON.stringify(byImpact)}`,
			...violations.map((v) => `${v.rule} [${v.impact}] ${v.file}: ${v.where}${v.desc ? `\n  ${v.desc.replace(/\s+/g, ' ').slice(0, 240)}` : ''}`)]);

	// Claims: a conformance claim (dcterms:conformsTo) needs an evaluation by someone, named in
	// a11y:certifiedBy; Ace's automated checks are not one. Without it there must be no claim,
	// and the discovery metadata must still say how the book can be read.
	const meta = r['earl:testSubject']?.metadata || {};
	const claims = [].concat(meta['dcterms:conformsTo'] || []);
	const certifiers = [].concat(meta['a11y:certifiedBy'] || []);
	const sufficient = [].concat(meta['schema:accessModeSufficient'] || []).map(String);
	const summary = String(meta['schema:accessibilitySummary'] || '');
	const a11y = r['a11y-metadata'] || {};
	check('Ace: the package claims no WCAG conformance that nobody evaluated (no dcterms:conformsTo without a11y:certifiedBy, no "meets WCAG" in the summary)',
		(claims.length === 0 || certifiers.length > 0) && !/meets WCAG/i.test(summary),
		[`conformsTo: ${claims.join(', ') || '(none)'}`, `certifiedBy: ${certifiers.join(', ') || '(none)'}`, `summary: ${summary}`]);
	check('Ace: accessModeSufficient lists textual reading', sufficient.some((m) => m.split(',').map((x) => x.trim()).join(',') === 'textual'),
		[`accessModeSufficient: ${JSON.stringify(sufficient)}`]);
	console.log(`# Ace's overall verdict: ${verdict}, ${violations.length} violation(s); ` +
		`missing a11y metadata: ${(a11y.missing || []).join(', ') || 'none'}.`);
}

// The zip and the manifest: every manifest item is in the zip, and every file in the zip but
// mimetype and META-INF/container.xml is in the manifest.
async function manifest(epub) {
	const n1 = 'zip: every manifest item is a file in the zip';
	const n2 = 'zip: every file in the zip (but mimetype, META-INF/container.xml and the package document) is in the manifest';
	let zip;
	try {
		zip = await JSZip.loadAsync(readFileSync(epub));
	} catch (e) {
		notOk(n1, `cannot read ${epub}: ${e.message}`);
		notOk(n2, `cannot read ${epub}: ${e.message}`);
		return;
	}
	const files = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
	const container = zip.file('META-INF/container.xml') ? await zip.file('META-INF/container.xml').async('string') : '';
	const opfPath = /<rootfile\b[^>]*\bfull-path="([^"]+)"/.exec(container)?.[1] || 'OEBPS/package.opf';
	const opf = zip.file(opfPath) ? await zip.file(opfPath).async('string') : null;
	if (!opf) {
		notOk(n1, `no package document ${opfPath} in the zip`);
		notOk(n2, `no package document ${opfPath} in the zip`);
		return;
	}
	const dir = posix.dirname(opfPath);
	const attr = (tag, a) => {
		const m = new RegExp(`\\b${a}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
		return m ? (m[1] ?? m[2]) : null;
	};
	const unescape = (s) => s.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
	const items = [...opf.matchAll(/<(?:\w+:)?item\b[^>]*>/g)].map((m) => {
		const href = unescape(attr(m[0], 'href') || '');
		let path;
		if (/^[a-z][a-z0-9+.-]*:/i.test(href)) path = null; // remote
		else path = posix.normalize(posix.join(dir, decodeURIComponent(href.split('#')[0])));
		return { id: attr(m[0], 'id'), href, path };
	});
	const inZip = new Set(files);
	const missing = items.filter((i) => !i.path || !inZip.has(i.path));
	check(`${n1} (${items.length} items)`, items.length > 0 && missing.length === 0,
		missing.map((i) => `${i.id}: ${i.href}${i.path ? ` (${i.path}) is not in the zip` : ' is remote, not in the zip'}`));
	const listed = new Set(items.map((i) => i.path).filter(Boolean));
	const unlisted = files.filter((f) => f !== 'mimetype' && f !== 'META-INF/container.xml' && f !== opfPath && !listed.has(f));
	check(`${n2} (${files.length} files)`, files.length > 2 && unlisted.length === 0, unlisted.map((f) => `not in the manifest: ${f}`));
}
