// chromium.mjs: launches Debian's Chromium through playwright-core for the test suites, offline
// and without touching the real home folder: HOME, TMPDIR and the profile live in a short
// temporary folder under /tmp, removed at exit. Short, because Chromium's singleton socket sits
// in the profile and a socket path may not exceed 108 bytes: a profile inside a checkout in a
// long path would stop the browser from starting. Never downloads a browser.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

// A new short scratch folder with home/, tmp/ and profile/ in it, and the environment that
// points Chromium's own files there. Removed when the process exits.
export function browserScratch() {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
	const dir = mkdtempSync('/tmp/mxb-');
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
	const home = join(dir, 'home');
	const tmp = join(dir, 'tmp');
	const profile = join(dir, 'profile');
	for (const d of [home, tmp, profile]) mkdirSync(d);
	const env = { ...process.env, HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') };
	return { dir, tmp, profile, env };
}

// Returns a persistent browser context with a profile of its own. extraArgs are added to
// CHROMIUM_ARGS.
export async function launch({ extraArgs = [], viewport = { width: 800, height: 1000 } } = {}) {
	const scratch = browserScratch();
	return chromium.launchPersistentContext(scratch.profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [...CHROMIUM_ARGS, ...extraArgs],
		env: scratch.env,
		viewport,
		offline: true,
	});
}
