// The one backend every proxy in the benchmark forwards to: "hello world" on /, 1 MiB on /big,
// a keep-alive HTTP/1.1 server as small as a dev server's hot path, and a WebSocket echo on any
// path (Upgrade: websocket; RFC 6455 handshake and framing by hand, no npm packages): each text
// or binary message comes back unmasked as one frame, ping gets pong, close gets close.
import crypto from 'node:crypto';
import http from 'node:http';

const port = Number(process.argv[2]);
const big = Buffer.alloc(1024 * 1024, 'x');
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const server = http.createServer((req, res) => {
  if (req.url === '/big') {
    res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': big.length});
    res.end(big);
  } else {
    res.writeHead(200, {'content-type': 'text/plain', 'content-length': 11});
    res.end('hello world');
  }
});

function frame(opcode, payload) { // a server frame: FIN, never masked
  const n = payload.length;
  const header = n < 126 ? Buffer.from([0x80 | opcode, n])
    : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff])
    : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
  return Buffer.concat([header, payload]);
}

server.on('upgrade', (req, socket, head) => {
  const key = req.headers['sec-websocket-key'];
  if (String(req.headers.upgrade).toLowerCase() !== 'websocket' || !key) {
    socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    return;
  }
  const accept = crypto.createHash('sha1').update(key + WS_GUID).digest('base64');
  socket.setNoDelay(true);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buffered = head && head.length ? Buffer.from(head) : Buffer.alloc(0);
  const onData = (chunk) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    for (;;) {
      if (buffered.length < 2) return;
      const opcode = buffered[0] & 0x0f, masked = (buffered[1] & 0x80) !== 0;
      let length = buffered[1] & 0x7f, offset = 2;
      if (length === 126) { if (buffered.length < 4) return; length = buffered.readUInt16BE(2); offset = 4; }
      else if (length === 127) { if (buffered.length < 10) return; length = Number(buffered.readBigUInt64BE(2)); offset = 10; }
      if (!masked) { socket.destroy(); return; } // a client frame must be masked (RFC 6455 5.1)
      if (buffered.length < offset + 4 + length) return;
      const mask = buffered.subarray(offset, offset + 4);
      const payload = Buffer.from(buffered.subarray(offset + 4, offset + 4 + length));
      for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      buffered = buffered.subarray(offset + 4 + length);
      if (opcode === 0x1 || opcode === 0x2) socket.write(frame(opcode, payload));
      else if (opcode === 0x9) socket.write(frame(0xa, payload));
      else if (opcode === 0x8) { socket.end(frame(0x8, payload.subarray(0, 2))); return; }
    }
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
  if (buffered.length) { const first = buffered; buffered = Buffer.alloc(0); onData(first); }
});

server.listen(port, '127.0.0.1');
