// loading.mjs: the search engine's script loading, in Node with a loader whose scripts arrive
// only when the test says so. A second query that needs a term file still on its way must wait
// for it (not search without it), and each file is requested once.
// Usage: node tests/search/loading.mjs, from the repository root (run.sh runs it).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const window = {};
const context = vm.createContext({ window, TextEncoder, Set, Map });
for (const file of ['style/stemmer.js', 'style/search.js']) vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });

let failed = 0;
function check(name, good, detail) {
	console.log(`${good ? 'ok' : 'not ok'} - search loading: ${name}`);
	if (!good) { failed++; console.log(`    ${detail}`); }
}

const requests = []; // [path, arrive]
const index = new window.mixdownSearchEngine.Index({ records: [], shards: ['m', 'ma'], files: { terms: 'search/t-', text: 'search/x-' } },
	(path, arrive) => requests.push([path, arrive]));
const calls = [];
index.prepare('mastering', false, () => calls.push('first'));
const asked = requests.map((r) => r[0]);
index.prepare('master', false, () => calls.push('second'));
check('a second query waits for the term files the first one asked for', calls.length === 0,
	`called before any file arrived: ${JSON.stringify(calls)}`);
check('each term file is requested once', requests.length === asked.length && asked.length === 2,
	`requests: ${JSON.stringify(requests.map((r) => r[0]))}`);
requests[0][1]();
check('no query runs while one of its files is still on its way', calls.length === 0, JSON.stringify(calls));
requests[1][1]();
check('both queries run once their files have arrived', calls.join() === 'first,second', JSON.stringify(calls));
index.prepare('map', false, () => calls.push('third'));
check('a query whose files have all arrived runs at once', calls.at(-1) === 'third' && requests.length === 2,
	JSON.stringify([calls, requests.length]));
process.exitCode = failed ? 1 : 0;
