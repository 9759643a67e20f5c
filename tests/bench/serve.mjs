// serve.mjs: how fast `mixdown serve` answers a save, for `make bench`. It does what an open
// page's live script does (the long-poll on /_mixdown/status with the page's path, see
// tools/serve.c): it waits on the status, saves the chapter, and times from the save to the
// status answer that signals the new page (shown before the rest of the site is rebuilt, when
// it can be), then to the last byte of the chapter's new page; then it waits for the build to end. Then a save that breaks the book:
// from the save to the status answer that carries the error the page's banner shows. Each round
// saves the good chapter again afterwards and waits for that build, so every round starts alike.
// Prints one line per timing: "reload", "page" or "banner", a tab, the milliseconds.
// Usage: node serve.mjs URL CHAPTER.xml PAGE RUNS
// (PAGE: the chapter's page, e.g. /roles-studio.html; the server must already be serving.)
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [url, chapter, page, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const original = readFileSync(chapter, 'utf8');

// Asks as the chapter's open page does, so that a rebuild shows it first.
async function status(after) {
	const r = await fetch(`${url}/_mixdown/status?after=${after}&page=${encodeURIComponent(page)}`, { cache: 'no-store' });
	return r.json();
}

// Waits for the build after `known` to end: a status that lists the pages shown early
// ("only") is followed by the one that ends that build.
async function settled(s) {
	while (s.only) s = await status(s.build);
	return s;
}

// Starts a long-poll for the build after `known`, saves `text`, and times the answers.
// Returns [status, ms to the status answer, ms to the page's bytes, or null].
async function save(known, text, marker) {
	const answer = status(known);
	// let the request reach the server and wait there before the save
	await new Promise((done) => setTimeout(done, 100));
	const t0 = performance.now();
	writeFileSync(chapter, text);
	let s = await answer;
	while (s.build === known) s = await status(known); // the wait ran out: ask again
	const t1 = performance.now();
	if (marker === null) return [s, t1 - t0, null];
	const body = await (await fetch(url + page, { cache: 'no-store' })).text();
	const t2 = performance.now();
	if (!body.includes(marker)) throw new Error(`${page} does not show the saved text after the rebuild`);
	return [s, t1 - t0, t2 - t0];
}

const result = { reload: [], page: [], banner: [] };
let known = (await status('')).build;
try {
	for (let i = 1; i <= runs; i++) {
		const marker = `benchmark save ${i} ${process.pid}`;
		const edited = original.replace('<para>', `<para>${marker} `);
		if (edited === original) throw new Error(`${chapter} has no <para> to edit`);
		let [s, reload, pageMs] = await save(known, edited, marker);
		if (s.error) throw new Error(`the edited chapter did not build: ${s.error}`);
		result.reload.push(reload);
		result.page.push(pageMs);
		s = await settled(s);
		if (s.error) throw new Error(`the edited chapter did not build: ${s.error}`);
		known = s.build;

		[s, reload] = await save(known, original.replace('<para>', '<para><emphasis>'), null);
		if (!s.error) throw new Error('the broken chapter built without an error');
		result.banner.push(reload);
		known = s.build;

		[s] = await save(known, original, null);
		s = await settled(s);
		if (s.error) throw new Error(`the restored chapter did not build: ${s.error}`);
		known = s.build;
	}
} finally {
	writeFileSync(chapter, original);
}
for (const [kind, times] of Object.entries(result)) for (const ms of times) console.log(`${kind}\t${ms.toFixed(1)}`);
