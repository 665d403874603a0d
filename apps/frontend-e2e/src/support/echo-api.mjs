// A stand-in for the API at the network boundary, for the tests of what the frontend's `/api`
// forwarding sends on: it answers every request with the method, URL and headers it received.
// Usage: PORT=18098 node echo-api.mjs (listens on 127.0.0.1).
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('echo-api: set PORT to the port to listen on');
  process.exit(1);
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(
      JSON.stringify({ method: request.method, url: request.url, headers: request.headers }),
    );
  });
});
server.listen(port, '127.0.0.1', () => console.log(`echo-api listening on 127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
