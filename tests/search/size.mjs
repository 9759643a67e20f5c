// size.mjs: what the site's search loads for a first query on a built site, gzipped: the
// engine and stemmer (beyond site.js), the records, the shards the query needs and the text of
// the results the box shows as it is typed, found by running the engine itself (search.js) in node.
// Usage: node size.mjs SITE LIMIT QUERY...   the largest, and exit status 1 above LIMIT bytes
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const SHOWN = 8; // results in the box, as in site.js

// {files, bytes (gzipped), raw}: what a first query for `query` loads.
export function firstQuery(site, query) {
	const context = {};
	context.window = context;
	context.TextEncoder = TextEncoder;
	vm.createContext(context);
	const files = [];
	const load = (path, then) => {
		files.push(path);
		try {
			vm.runInContext(readFileSync(join(site, path), 'utf8'), context);
		} catch (e) {
			if (e.code !== 'ENOENT') throw e;
		}
		then();
	};
	['assets/stemmer.js', 'assets/search.js', 'assets/search-index.js'].forEach((f) => load(f, () => {}));
	const index = new context.mixdownSearchEngine.Index(context.mixdownSearch, load);
	index.prepare(query, true, () => {
		const found = index.search(query, true, SHOWN);
		index.prepareText(found.results.slice(0, SHOWN), () => {});
	});
	let bytes = 0, raw = 0;
	for (const f of files) {
		const data = readFileSync(join(site, f));
		raw += data.length;
		bytes += gzipSync(data, { level: 9 }).length;
	}
	return { files, bytes, raw };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [site, limit, ...queries] = process.argv.slice(2);
	const all = queries.map((query) => ({ query, ...firstQuery(site, query) }));
	const most = all.reduce((a, b) => (b.bytes > a.bytes ? b : a));
	const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
	console.log(`the largest first query of ${all.length} ("${most.query}") loads ${most.files.length} files, ${kb(most.bytes)} gzipped (${kb(most.raw)} raw), at most ${kb(Number(limit))}`);
	process.exit(most.bytes <= Number(limit) ? 0 : 1);
}
