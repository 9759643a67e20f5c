// brief.mjs: the brief of a split shard, which a one-letter query in a big book is looked up
// in alone. On a built site whose "m" shard is split (the handbook five times over): the brief
// holds the terms below "m" with the strongest postings, each with its postings in its strongest
// records, as the shards below have them; the box's first query "m" loads one term file, and
// fills the box with records that every shard of "m" would find too; and over every split key,
// the box shows mostly what it would show with every shard loaded. Then, on an index made here whose split
// key is no term itself, a word being typed that is the key is ranked from the brief: by the
// records each term is in, not by the few postings the brief keeps.
// Usage: node tests/search/brief.mjs SITE, from the repository root (run.sh runs it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const site = process.argv[2];
const BRIEF_TERMS = 32, BRIEF_RECORDS = 40; // as in tools/search.c

let failed = 0;
function check(name, good, detail) {
	console.log(`${good ? 'ok' : 'not ok'} - search brief: ${name}`);
	if (!good) { failed++; console.log(`    ${detail}`); }
}

// A fresh engine; load(path, then) runs the site's script at path, or runs then() only.
function engine(files) {
	const context = { TextEncoder, Set, Map };
	context.window = context;
	vm.createContext(context);
	for (const f of ['assets/stemmer.js', 'assets/search.js', ...files]) vm.runInContext(readFileSync(join(site, f), 'utf8'), context);
	return context;
}

function loader(context, loaded) {
	return (path, then) => {
		loaded.push(path);
		vm.runInContext(readFileSync(join(site, path), 'utf8'), context);
		then();
	};
}

const hex = (k) => Buffer.from(k).toString('hex');

// ---- the site's brief of "m" ----
const all = engine(['assets/search-index.js']);
const keys = all.mixdownSearch.shards;
for (const k of keys.filter((k) => k.startsWith('m'))) vm.runInContext(readFileSync(join(site, `assets/search/t-${hex(k)}.js`), 'utf8'), all);
const shards = all.mixdownSearchShards;
const brief = shards.m && shards.m.p;
check('the "m" shard is split and has a brief', keys.includes('ma') && brief !== undefined, `keys: ${keys.filter((k) => k.startsWith('m'))}`);
if (brief) {
	const below = new Map(); // term below "m" -> its full postings
	for (const k of keys.filter((k) => k.startsWith('m') && k !== 'm')) for (const [t, list] of Object.entries(shards[k].t)) below.set(t, list);
	const pairs = (list, from) => { const out = []; for (let i = from, n = 0; i < list.length; i += 2) out.push([n += list[i], list[i + 1]]); return out; };
	const strength = (list) => Math.max(...pairs(list, 0).map((p) => p[1]));
	const strongest = [...below.entries()]
		.sort((a, b) => strength(b[1]) - strength(a[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
		.slice(0, BRIEF_TERMS).map((e) => e[0]);
	check(`the brief holds the ${BRIEF_TERMS} terms below "m" with the strongest postings`, JSON.stringify(Object.keys(brief)) === JSON.stringify(strongest),
		`brief: ${Object.keys(brief)}; expected ${strongest}`);
	const wrong = Object.entries(brief).filter(([t, list]) => {
		const full = pairs(below.get(t) || [], 0), kept = pairs(list, 1);
		const weakest = Math.min(...kept.map((p) => p[1]));
		const left = full.filter((p) => !kept.some((q) => q[0] === p[0]));
		return list[0] !== full.length || kept.length !== Math.min(full.length, BRIEF_RECORDS) ||
			!kept.every((p) => full.some((q) => q[0] === p[0] && q[1] === p[1])) || left.some((p) => p[1] > weakest);
	}).map((e) => e[0]);
	check(`each brief term has its record count and its postings in its ${BRIEF_RECORDS} strongest records`, wrong.length === 0, `wrong: ${wrong}`);

	// The box's first query: one term file, and the same results as with every shard loaded.
	const box = engine(['assets/search-index.js']), loaded = [];
	const index = new box.mixdownSearchEngine.Index(box.mixdownSearch, loader(box, loaded));
	let found = null;
	index.prepare('m', true, () => { found = index.search('m', true); });
	const terms = loaded.filter((p) => p.includes('/t-'));
	check('typing "m" loads one term file, the shard of "m"', terms.length === 1 && terms[0].endsWith(`t-${hex('m')}.js`), `loaded: ${terms}`);
	// The same engine with every shard of "m" loaded and no brief: all the words "m" begins.
	const every = new all.mixdownSearchEngine.Index(all.mixdownSearch, loader(all, []));
	every.isBrief = () => false;
	const whole = new Set(every.search('m', true).results.map((r) => r.record.href));
	const stray = found ? found.results.filter((r) => !whole.has(r.record.href)) : [];
	check('typing "m" shows a full box of results, each one of those every shard of "m" finds',
		found && found.results.length >= 8 && stray.length === 0 && whole.size > 0,
		`${found ? found.results.length : 'no'} results, ${whole.size} with every shard; not among them: ${stray.slice(0, 5).map((r) => r.record.href)}`);

	// Every split key typed whose own term is not in the book: the box's 8 results from the
	// brief, against those with every shard loaded.
	const top = (ix, k) => { let r; ix.prepare(k, true, () => { r = ix.search(k, true); }); return r.results.slice(0, 8).map((x) => x.record.href); };
	const alike = [];
	for (const k of index.below.keys()) {
		if (index.postings(k) !== undefined) continue;
		const full = new Set(top(every, k));
		alike.push([k, top(index, k).filter((h) => full.has(h)).length]);
	}
	const mean = alike.reduce((a, b) => a + b[1], 0) / Math.max(alike.length, 1);
	check(`typing a split key shows mostly the results every shard would show: ${mean.toFixed(2)} of 8 alike on average, at least 6`,
		alike.length > 0 && mean >= 6, JSON.stringify(alike));
}

// ---- a word ranked from a brief: "q", split, no term itself ----
const made = engine([]);
made.mixdownSearchShards = {
	q: { t: {}, w: [], p: { quiet: [400, 0, 60], quirk: [2, 1, 40] } }, // record 0: quiet, strong; record 1: quirk
	qu: { t: { quiet: [0, 60, 1, 60], quirk: [1, 40] }, w: ['quiet', 'quirk'] },
};
const records = Array.from({ length: 400 }, (_, n) => [`r${n}.html`, 'page', `Record ${n}`, '', 0]);
const asked = [];
const made_index = new made.mixdownSearchEngine.Index({ records, shards: ['q', 'qu'], files: { terms: 'search/t-', text: 'search/x-' } },
	(path, then) => { asked.push(path); then(); });
let typed = null;
made_index.prepare('q', true, () => { typed = made_index.search('q', true); });
check('typing a split key loads its shard and not those below', JSON.stringify(asked) === JSON.stringify([`search/t-${hex('q')}.js`]), `asked: ${asked}`);
check('a word being typed that is a brief\'s key is ranked from the brief, rarer terms first',
	typed && typed.results.map((r) => r.record.href).join() === 'r1.html,r0.html',
	typed ? typed.results.map((r) => `${r.record.href} ${r.score.toFixed(3)}`).join('; ') : 'no search');
made_index.prepare('qu', true, () => { typed = made_index.search('qu', true); });
check('a longer word is looked up in the shards below, not the brief', typed && typed.results.length === 2 && asked.includes(`search/t-${hex('qu')}.js`),
	typed ? `${typed.results.length} results; asked ${asked}` : 'no search');
process.exitCode = failed ? 1 : 0;
