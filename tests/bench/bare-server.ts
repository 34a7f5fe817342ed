// The benchmark's yardstick: a bare node:http server answering every request with the bytes of a
// file (the steering summary as our server rendered it). It runs in its own process, as our server
// does, so that the load generator and the server under test never share a thread.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
