// chromium.mjs: launches Debian's Chromium through playwright-core for the test suites, offline
// and without touching the real home folder: HOME and the profile live in a scratch folder.
// Never downloads a browser (no `npx playwright install`).
import { chromium } from 'playwright-core';
import { mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

// Returns a persistent browser context whose profile is SCRATCH/profile; HOME points at
// SCRATCH/home for Chromium's own files. extraArgs are added to CHROMIUM_ARGS.
export async function launch(scratch, { extraArgs = [], viewport = { width: 800, height: 1000 } } = {}) {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
	}
	scratch = resolve(scratch);
	const home = join(scratch, 'home');
	const profile = join(scratch, 'profile');
	mkdirSync(home, { recursive: true });
	mkdirSync(profile, { recursive: true });
	return chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [...CHROMIUM_ARGS, ...extraArgs],
		env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
		viewport,
		offline: true,
	});
}
