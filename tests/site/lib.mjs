// lib.mjs: helpers shared by the site suite's Node scripts: TAP-like output ("ok - NAME" or
// "not ok - NAME" followed by indented detail, as tests/run.sh counts them), the list of the
// site's pages, and Debian's Chromium launched through playwright-core, offline, with HOME and
// its temporary profile in a short scratch folder (never the real home, never a downloaded browser).
import { chromium } from 'playwright-core';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export let failures = 0;

export function ok(name) {
	console.log(`ok - site: ${name}`);
}

export function notOk(name, details = []) {
	failures++;
	console.log(`not ok - site: ${name}`);
	for (const d of [].concat(details)) for (const line of String(d).split('\n')) console.log(`    ${line}`);
}

export function check(name, pass, details) {
	if (pass) ok(name);
	else notOk(name, details);
	return pass;
}

// At most MAX detail lines, then a count of the rest.
export function cap(lines, max = 25) {
	return lines.length <= max ? lines : [...lines.slice(0, max), `... and ${lines.length - max} more`];
}

// Every .html file under DIR, relative, with "/" separators, sorted.
export function htmlPages(dir) {
	const out = [];
	(function walk(d) {
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (name.endsWith('.html')) out.push(relative(dir, p).split(sep).join('/'));
		}
	})(dir);
	return out.sort();
}

export { CHROMIUM, CHROMIUM_ARGS } from '../browser/chromium.mjs';
import { CHROMIUM, CHROMIUM_ARGS, browserScratch } from '../browser/chromium.mjs';

// Launches Chromium with its files in a short scratch folder of its own (see chromium.mjs).
// Each newContext() of the browser is a fresh profile: its own localStorage.
export async function launchBrowser(extraArgs = []) {
	const scratch = browserScratch();
	process.env.TMPDIR = scratch.tmp; // os.tmpdir(), where playwright-core puts the profile
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], env: scratch.env });
}

// Seconds since START, for the timing comments.
export function since(start) {
	return ((Date.now() - start) / 1000).toFixed(1);
}
