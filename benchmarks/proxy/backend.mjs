// The one backend every proxy in the benchmark forwards to: "hello world" on /, 1 MiB on /big,
// and a WebSocket-free keep-alive HTTP/1.1 server, as small as a dev server's hot path.
import http from 'node:http';

const port = Number(process.argv[2]);
const big = Buffer.alloc(1024 * 1024, 'x');
http.createServer((req, res) => {
  if (req.url === '/big') {
    res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': big.length});
    res.end(big);
  } else {
    res.writeHead(200, {'content-type': 'text/plain', 'content-length': 11});
    res.end('hello world');
  }
}).listen(port, '127.0.0.1');
