// lib.mjs: helpers shared by the site suite's Node scripts: TAP-like output ("ok - NAME" or
// "not ok - NAME" followed by indented detail, as tests/run.sh counts them), the list of the
// site's pages, and Debian's Chromium launched through playwright-core, offline, with HOME and
// its temporary profile in a scratch folder (never the real home, never a downloaded browser).
import { chromium } from 'playwright-core';
import { readdirSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';

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
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/chromium.mjs';

// Launches Chromium. SCRATCH gets HOME (Chromium's ~/.config and ~/.cache) and TMPDIR, where
// playwright-core makes the browser's temporary profile (user data dir). Each newContext() of
// the browser is a fresh profile: its own localStorage.
export async function launchBrowser(scratch, extraArgs = []) {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
	scratch = resolve(scratch);
	const home = join(scratch, 'home');
	const tmp = join(scratch, 'tmp');
	mkdirSync(home, { recursive: true });
	mkdirSync(tmp, { recursive: true });
	process.env.TMPDIR = tmp; // os.tmpdir(), where playwright-core puts the profile
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [...CHROMIUM_ARGS, ...extraArgs],
		env: {
			...process.env,
			HOME: home,
			TMPDIR: tmp,
			XDG_CONFIG_HOME: join(home, '.config'),
			XDG_CACHE_HOME: join(home, '.cache'),
		},
	});
}

// Seconds since START, for the timing comments.
export function since(start) {
	return ((Date.now() - start) / 1000).toFixed(1);
}
