// stems.mjs: prints every word the site's search indexes for a built site, one a line, as the
// engine's tokenizer sees them (folded, English words only: those it stems), then, given a
// file of reference stems for them, compares: one line per difference, and exit status 1.
// Usage: node stems.mjs SITE              (the words)
//        node stems.mjs SITE REFERENCE    (the comparison)
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [site, reference] = process.argv.slice(2);
const context = { };
context.window = context;
vm.createContext(context);
for (const f of ['stemmer.js', 'search.js', 'search-index.js']) vm.runInContext(readFileSync(join(site, 'assets', f), 'utf8'), context);
const words = new Set();
for (const record of context.mixdownSearch) {
	for (const field of ['title', 'trail', 'terms', 'text']) {
		for (const token of context.mixdownSearchEngine.tokens(record[field])) {
			if (/^[a-z']+$/.test(token.word) && token.word.length > 2) words.add(token.word);
		}
	}
}
const list = [...words].sort();
if (!reference) {
	console.log(list.join('\n'));
} else {
	const expected = readFileSync(reference, 'utf8').split('\n');
	let differences = 0;
	list.forEach((w, i) => {
		const ours = context.mixdownStemmer.stem(w);
		if (ours !== expected[i]) {
			differences++;
			console.log(`${w}: site ${ours}, Snowball ${expected[i]}`);
		}
	});
	console.log(`# ${list.length} words, ${differences} different`);
	process.exit(differences ? 1 : 0);
}
