// nearness.mjs: among the results shown, a record holding the query's words together ranks
// above one of equal score holding them apart, a phrase above words merely near each other,
// and the results after the shown ones keep their places.
// Usage: node tests/search/nearness.mjs, from the repository root (run.sh runs it).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const window = {};
const context = vm.createContext({ window, TextEncoder, Set, Map });
for (const file of ['style/stemmer.js', 'style/search.js']) vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
const engine = window.mixdownSearchEngine;

let failed = 0;
function check(name, good, detail) {
	console.log(`${good ? 'ok' : 'not ok'} - search nearness: ${name}`);
	if (!good) { failed++; console.log(`    ${detail}`); }
}

// The groups a search makes: for each query word, the terms it is indexed under.
const groupsOf = (query) => engine.tokens(query).map((t) => new Set(t.terms));
const result = (title, text) => ({ record: { title, text }, score: 1 });
const index = new engine.Index({ records: [], shards: [], files: {} }, () => {});

const apart = result('Gain staging', 'The floor of a room shakes; noise comes later from the desk.');
const near = result('Levels', 'Every desk adds noise to the floor you hear when quiet.');
const phrase = result('Quiet passages', 'Listen for the noise floor of the desk between songs.');
const later = result('Noise floor', 'A noise floor is the hiss under everything.');
const found = { results: [apart, near, phrase, later], groups: groupsOf('noise floor') };
index.preferNear(found, 3);
const order = found.results.map((r) => r.record.title);
check('the phrase comes first, then the words near each other, then the words apart',
	order.slice(0, 3).join() === 'Quiet passages,Levels,Gain staging', JSON.stringify(order));
check('a result after the shown ones keeps its place', order[3] === 'Noise floor', JSON.stringify(order));
check('word forms count: "mixing desks" is near "the desk you mix on"',
	(() => {
		const f = { results: [result('A', 'Desks vary, and the way you mix varies.'), result('B', 'The desk you mix on.')], groups: groupsOf('mixing desks') };
		index.preferNear(f, 2);
		return f.results[0].record.title === 'B';
	})(), 'B did not come first');
const one = { results: [apart, phrase], groups: groupsOf('noise') };
index.preferNear(one, 2);
check('a one-word query is left as ranked', one.results[0] === apart, JSON.stringify(one.results.map((r) => r.record.title)));
process.exitCode = failed ? 1 : 0;
