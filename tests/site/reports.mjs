// reports.mjs: reads the JSON reports of the Nu Html Checker and of linkinator and prints one
// TAP-like line for each, with the messages on failure.
//
// usage: node tests/site/reports.mjs vnu REPORT.json LOG PAGES SITE_DIR
//        node tests/site/reports.mjs linkinator REPORT.json LOG BASE_URL
import { readFileSync, existsSync } from 'node:fs';
import { resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ok, notOk, cap } from './lib.mjs';

const [kind, report, log, ...rest] = process.argv.slice(2);

function readJson(file) {
	if (!existsSync(file)) return { error: `no report ${file}` };
	const text = readFileSync(file, 'utf8');
	try {
		return { json: JSON.parse(text) };
	} catch (e) {
		return { error: `${file} is not JSON (${e.message}): ${text.slice(0, 300)}` };
	}
}

function tail(file, n = 15) {
	return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-n) : [];
}

if (kind === 'vnu') {
	const [pages, siteArg] = rest;
	const site = resolve(siteArg);
	const name = `vnu finds no error in ${pages} pages and the CSS`;
	const { json, error } = readJson(report);
	if (error) {
		notOk(name, [error, ...tail(log)]);
	} else {
		// --errors-only leaves errors and fatal "non-document-error"s; anything but info counts.
		const bad = json.messages.filter((m) => m.type !== 'info');
		const where = (m) => {
			let f = m.url || '?';
			try {
				f = relative(site, fileURLToPath(f.replace(/^file:(?!\/\/)/, 'file://'))).split(sep).join('/');
			} catch { /* keep the URL */ }
			return `${f}:${m.lastLine ?? m.firstLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
		};
		// Each message once, with every place it is found and the source around the first.
		const byMessage = new Map();
		for (const m of bad) {
			const key = `${m.type}${m.subType ? ` (${m.subType})` : ''}: ${m.message}`;
			if (!byMessage.has(key)) byMessage.set(key, { at: [], extract: m.extract });
			byMessage.get(key).at.push(where(m));
		}
		const details = [];
		for (const [msg, { at, extract }] of byMessage) {
			details.push(`${at.length}x ${msg}`);
			details.push(`    at ${at.join(', ')}`);
			if (extract) details.push(`    source: ${extract.replace(/\s+/g, ' ').slice(0, 200)}`);
		}
		if (bad.length === 0) ok(name);
		else notOk(`${name} (${bad.length} error${bad.length === 1 ? '' : 's'}, ${byMessage.size} distinct)`, cap(details, 60));
	}
} else if (kind === 'linkinator') {
	const [base] = rest;
	const { json, error } = readJson(report);
	const title = `links over http (linkinator --recurse --check-fragments --check-css from ${base})`;
	if (error) {
		notOk(title, [error, ...tail(log)]);
	} else {
		const links = json.links || [];
		const brokenLinks = links.filter((l) => l.state === 'BROKEN');
		const skipped = links.filter((l) => l.state === 'SKIPPED').length;
		const checked = links.length - skipped;
		const details = brokenLinks.map((l) => `${l.url}: status ${l.status ?? '?'}, found on ${l.parent || '(start)'}` +
			((l.failureDetails || []).length ? `\n    ${JSON.stringify(l.failureDetails).slice(0, 200)}` : ''));
		const name = `${title} (${checked} distinct URLs checked, ${brokenLinks.length} broken, ${skipped} skipped as not on this server)`;
		if (json.passed && brokenLinks.length === 0 && checked > 1) ok(name);
		else notOk(name, checked <= 1 ? ['linkinator checked almost nothing: did the server answer?', ...tail(log)] : cap(details, 40));
	}
} else {
	console.error('usage: node tests/site/reports.mjs vnu|linkinator REPORT.json LOG ...');
	process.exit(2);
}
