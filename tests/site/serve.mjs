// serve.mjs: a small static file server for the site tests, as a plain static host would serve
// the site: GET and HEAD only, files under ROOT, a folder's index.html, and 404.html with status
// 404 for anything missing. Listens on 127.0.0.1 at a free port, prints "PORT" on its first
// line of output, and exits by itself after LIFETIME seconds (default 170), on SIGTERM or SIGINT,
// or when its parent process is gone (so it never outlives the suite that started it).
//
// usage: node tests/site/serve.mjs ROOT [LIFETIME]
import { createServer } from 'node:http';
import { createReadStream, statSync, existsSync } from 'node:fs';
import { resolve, join, extname, sep } from 'node:path';

const [rootArg, lifetimeArg] = process.argv.slice(2);
if (!rootArg || !existsSync(rootArg)) {
	console.error('usage: node tests/site/serve.mjs ROOT [LIFETIME]');
	process.exit(2);
}
const root = resolve(rootArg);
const lifetime = Number(lifetimeArg || 170);

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.epub': 'application/epub+zip',
};

function fileFor(urlPath) {
	let rel;
	try {
		rel = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	if (rel.includes('\0')) return null;
	const path = resolve(join(root, rel));
	if (path !== root && !path.startsWith(root + sep)) return null; // outside ROOT
	try {
		const st = statSync(path);
		if (st.isDirectory()) {
			const index = join(path, 'index.html');
			return existsSync(index) ? index : null;
		}
		return st.isFile() ? path : null;
	} catch {
		return null;
	}
}

function send(req, res, status, path) {
	res.writeHead(status, {
		'Content-Type': TYPES[extname(path).toLowerCase()] || 'application/octet-stream',
		'Content-Length': statSync(path).size,
		'Cache-Control': 'no-store',
	});
	if (req.method === 'HEAD') res.end();
	else createReadStream(path).pipe(res);
}

const server = createServer((req, res) => {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { Allow: 'GET, HEAD' }).end();
		return;
	}
	const url = new URL(req.url, 'http://127.0.0.1');
	// A folder without its trailing slash: redirect, so that relative links resolve.
	const path = fileFor(url.pathname);
	if (path && !url.pathname.endsWith('/') && path.endsWith(sep + 'index.html') && !url.pathname.endsWith('index.html')) {
		res.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
		return;
	}
	if (path) {
		send(req, res, 200, path);
		return;
	}
	const notFound = join(root, '404.html');
	if (existsSync(notFound)) send(req, res, 404, notFound);
	else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
});

function stop() {
	server.close();
	server.closeAllConnections?.();
	process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(() => {
	console.error(`serve.mjs: lifetime of ${lifetime} s is over, exiting`);
	stop();
}, lifetime * 1000);
// When the suite that started it is gone (this process was handed to another parent), stop.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid !== parent) stop();
}, 1000).unref();

server.listen(0, '127.0.0.1', () => {
	console.log(server.address().port);
});
