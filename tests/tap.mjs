// tap.mjs: loaded before a test suite's Node script (`node --import tests/tap.mjs SCRIPT`, see
// node_test in tests/lib.sh) to hold it to the suites' TAP rules. It counts the "ok - " and
// "not ok - " lines the script prints; an exception or a rejected promise the script does not
// catch becomes a "not ok" line with its stack and exit status 70; and whenever the script exits,
// the plan "1..N" is printed last. A script killed, or crashed inside Node itself, prints no
// plan, and tests/lib.sh's run_part fails it for that.
import { basename } from 'node:path';

const script = basename(process.argv[1] ?? 'node');
let results = 0;
let crashed = false;

const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
	const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
	results += (text.match(/^(not )?ok - /gm) ?? []).length;
	return write(chunk, ...rest);
};

function crash(error) {
	if (crashed) return;
	crashed = true;
	const detail = String(error?.stack ?? error).split('\n').map((line) => `    ${line}`).join('\n');
	process.stdout.write(`not ok - ${script}: threw before it ended\n${detail}\n`);
	process.exit(70);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.on('exit', () => write(`1..${results}\n`));
