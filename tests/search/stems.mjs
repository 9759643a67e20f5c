// stems.mjs: the words of a built site's search index (the shards mixdown wrote), checked
// against the site's own engine: each word, tokenized by search.js, must be one word whose
// first term is the one tools/tokens.c indexed it under (the two tokenizers agree); then prints
// the English words (those stemmed) one a line or, given a file of reference stems for them,
// compares the site's stemmer with it: one line per difference, and exit status 1.
// Usage: node stems.mjs SITE              (the words)
//        node stems.mjs SITE REFERENCE    (the comparison)
import vm from 'node:vm';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [site, reference] = process.argv.slice(2);
const context = { };
context.window = context;
vm.createContext(context);
const assets = join(site, 'assets');
const shards = readdirSync(join(assets, 'search')).filter((f) => f.startsWith('t-')).map((f) => join('search', f));
for (const f of ['stemmer.js', 'search.js', 'search-index.js', ...shards]) vm.runInContext(readFileSync(join(assets, f), 'utf8'), context);
const words = new Set();
let disagreements = 0;
for (const shard of Object.values(context.mixdownSearchShards)) {
	for (const entry of shard.w) {
		const [word, term = word] = entry.split(' ');
		const tokens = context.mixdownSearchEngine.tokens(word);
		if (tokens.length !== 1 || tokens[0].word !== word || tokens[0].terms[0] !== term) {
			disagreements++;
			console.error(`${word}: indexed as ${term}, search.js reads ${JSON.stringify(tokens)}`);
		}
		if (/^[a-z']+$/.test(word) && word.length > 2) words.add(word);
	}
}
if (disagreements) {
	console.log(`# ${disagreements} words the two tokenizers read differently`);
	process.exit(1);
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
