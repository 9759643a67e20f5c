// clients.mjs: clients that try to use up `mixdown serve` (process PID) on 127.0.0.1:PORT: one
// that sends its request head a line at a time, more status requests than it keeps waiting,
// status requests abandoned by their pages, and more connections from one address than it
// accepts. Prints one TAP line each. Every wait polls for the outcome, up to a bound well
// beyond what the server needs.
import net from "node:net";
import { readFileSync } from "node:fs";

const [port, pid] = process.argv.slice(2).map(Number);
const host = `Host: 127.0.0.1:${port}\r\n`;
const MAX_WAITING = 16; // status requests kept waiting (mixdown.1)
const MAX_PER_CLIENT = 32; // connections from one address (mixdown.1)

function report(name, passed, detail) {
  console.log(`${passed ? "ok" : "not ok"} - serve: ${name}`);
  if (!passed && detail) console.log(`    ${detail}`);
}

// Waits until check() holds, looking every 100 ms, for at most `seconds`; returns check().
async function until(check, seconds) {
  for (let waited = 0; !check() && waited < seconds * 1000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return check();
}

// A raw connection that records what it received and whether the server closed it.
function open(request) {
  const client = { received: "", closed: false };
  client.socket = net.connect(port, "127.0.0.1", () => request && client.socket.write(request));
  client.socket.on("data", (data) => (client.received += data));
  client.socket.on("close", () => (client.closed = true));
  client.socket.on("error", () => (client.closed = true));
  return client;
}

async function pageAnswers() {
  try {
    return (await fetch(`http://127.0.0.1:${port}/c.html`)).status === 200;
  } catch {
    return false;
  }
}

// A request head sent a line a second never ends; the server must close it on a deadline.
function startDrip() {
  const drip = open(`GET /c.html HTTP/1.1\r\n${host}`);
  let line = 0;
  const timer = setInterval(() => drip.closed || drip.socket.write(`X-Line-${line++}: x\r\n`), 1000);
  drip.socket.on("close", () => clearInterval(timer));
  drip.stop = () => { clearInterval(timer); drip.socket.destroy(); };
  return drip;
}

async function buildNumber() {
  try {
    return (await (await fetch(`http://127.0.0.1:${port}/_mixdown/status`)).json()).build;
  } catch {
    return "";
  }
}

async function waitingCap() {
  const build = await buildNumber();
  const count = MAX_WAITING + 8;
  const polls = [];
  for (let i = 0; i < count; i++)
    polls.push(open(`GET /_mixdown/status?after=${build} HTTP/1.1\r\n${host}\r\n`));
  const answered = () => polls.filter((p) => p.received.startsWith("HTTP/1.1 200")).length;
  const freed = await until(() => answered() >= count - MAX_WAITING, 15);
  const page = await pageAnswers();
  report(`${count} waiting status requests: the oldest beyond ${MAX_WAITING} answer at once, pages still load`,
         freed && page, `${answered()} answered; a page ${page ? "loads" : "does not load"}`);
  polls.forEach((p) => p.socket.destroy());
}

// The server's threads: one per open connection, besides its own few.
function threads() {
  return Number(/^Threads:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]);
}

async function abandonedWaits() {
  const build = await buildNumber();
  const before = threads();
  const polls = [];
  for (let i = 0; i < MAX_WAITING; i++)
    polls.push(open(`GET /_mixdown/status?after=${build} HTTP/1.1\r\n${host}\r\n`));
  const waiting = await until(() => threads() >= before + MAX_WAITING, 10);
  polls.forEach((p) => p.socket.destroy());
  const freed = await until(() => threads() < before + MAX_WAITING / 2, 10);
  report(`${MAX_WAITING} status requests whose pages went away are let go before their wait ends`,
         waiting && freed, `threads: ${before} before, ${threads()} after the pages left`);
}

async function connectionCap() {
  const count = MAX_PER_CLIENT + 20;
  const idle = [];
  for (let i = 0; i < count; i++) idle.push(open(null));
  const closed = () => idle.filter((c) => c.closed).length;
  const refused = await until(() => closed() > 0, 8);
  const shut = closed();
  idle.forEach((c) => c.socket.destroy());
  const page = await pageAnswersSoon();
  report(`${count} connections from one address: those beyond its share are refused, then pages load`,
         refused && shut < count && page, `${shut} refused, ${count - shut} kept open; page: ${page}`);
}

async function pageAnswersSoon() {
  for (let tries = 0; tries < 50; tries++) {
    if (await pageAnswers()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const drip = startDrip();
await abandonedWaits();
await waitingCap();
await connectionCap();
const cut = await until(() => drip.closed, 30);
report("a client that sends its request head a line a second is cut off", cut,
       "the connection was still open after 30 s");
drip.stop();
