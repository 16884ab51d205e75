// WebSocket echo round trips through a proxy (issue #12), no npm packages:
//   node ws-echo.mjs <port> [connections=10] [seconds=8] [host-header=bench.localhost] [address=127.0.0.1]
// Opens <connections> WebSockets to address:port (GET /ws, Host: <host-header>), then on each one
// sends a small masked text frame and waits for its echo, again and again, for <seconds>.
// Prints one line:  roundtrips/s=N p50=Xms p99=Yms upgraded=U/C errors=E
// (latency: from writing a frame to reading its whole echo, every round trip counted).
import crypto from 'node:crypto';
import net from 'node:net';

const [port, connections = 10, seconds = 8] = process.argv.slice(2, 5).map(Number);
const hostHeader = process.argv[5] || 'bench.localhost';
const address = process.argv[6] || '127.0.0.1';
const message = Buffer.from('hello websocket!'); // 16 bytes, one small frame each way
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function maskedFrame(opcode, payload) { // a client frame: FIN, masked, length < 126
  const mask = crypto.randomBytes(4);
  const out = Buffer.alloc(6 + payload.length);
  out[0] = 0x80 | opcode; out[1] = 0x80 | payload.length; mask.copy(out, 2);
  for (let i = 0; i < payload.length; i++) out[6 + i] = payload[i] ^ mask[i & 3];
  return out;
}

const latencies = []; // nanoseconds, as Numbers
let upgraded = 0, errors = 0;
let measuring = false;
let deadline = 0;

function connection() {
  return new Promise((resolve) => {
    const key = crypto.randomBytes(16).toString('base64');
    const expected = crypto.createHash('sha1').update(key + GUID).digest('base64');
    const socket = net.connect(port, address);
    socket.setNoDelay(true);
    let buffered = Buffer.alloc(0), open = false, sentAt = 0n, done = false;
    const finish = (failed) => {
      if (done) return;
      done = true;
      if (failed) errors++;
      socket.destroy();
      resolve();
    };
    const send = () => { sentAt = process.hrtime.bigint(); socket.write(maskedFrame(0x1, message)); };
    socket.on('connect', () => socket.write(`GET /ws HTTP/1.1\r\nHost: ${hostHeader}\r\nUpgrade: websocket\r\n`
      + `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`));
    socket.on('data', (chunk) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      if (!open) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString('latin1');
        buffered = buffered.subarray(end + 4);
        const accept = /^sec-websocket-accept:\s*(\S+)/im.exec(head);
        if (!/^HTTP\/1\.1 101/.test(head) || !accept || accept[1] !== expected) {
          console.error(`no upgrade: ${head.split('\r\n')[0]}`);
          finish(true);
          settled();
          return;
        }
        open = true;
        upgraded++;
        settled();
        waitForStart.then(send);
      }
      // The echo: an unmasked frame with the message back (length < 126).
      while (buffered.length >= 2) {
        const length = buffered[1] & 0x7f;
        if (length >= 126 || (buffered[1] & 0x80)) { finish(true); return; }
        if (buffered.length < 2 + length) return;
        const opcode = buffered[0] & 0x0f;
        const payload = buffered.subarray(2, 2 + length);
        buffered = buffered.subarray(2 + length);
        if (opcode === 0x8) { finish(false); return; }
        if (opcode !== 0x1 || !payload.equals(message)) { finish(true); return; }
        const now = process.hrtime.bigint();
        if (measuring) latencies.push(Number(now - sentAt));
        if (Date.now() >= deadline) {
          socket.write(maskedFrame(0x8, Buffer.from([0x03, 0xe8]))); // close 1000
          socket.end();
          finish(false);
          return;
        }
        send();
      }
    });
    socket.on('error', () => { if (!open && !done) settled(); finish(true); });
    socket.on('close', () => { if (!open && !done) settled(); finish(true); });
    setTimeout(() => finish(true), (seconds + 10) * 1000).unref();
  });
}

let start, handshakes = 0;
const waitForStart = new Promise((resolve) => { start = resolve; });
function settled() { if (++handshakes === connections) begin(); } // upgraded or failed
const all = Array.from({length: connections}, connection);
// All handshakes first (or 5 s), then every connection starts its loop at the same moment.
const fallback = setTimeout(begin, 5000);
let begun = false;
function begin() {
  if (begun) return;
  begun = true;
  clearTimeout(fallback);
  measuring = true;
  const began = Date.now();
  deadline = began + seconds * 1000;
  start();
  Promise.all(all).then(() => {
    const elapsed = (Date.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies.length ? (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] / 1e6).toFixed(3) : '-';
    const rate = latencies.length ? Math.round(latencies.length / elapsed) : 0;
    console.log(`roundtrips/s=${rate} p50=${pct(0.5)}ms p99=${pct(0.99)}ms upgraded=${upgraded}/${connections} errors=${errors}`);
  });
}
