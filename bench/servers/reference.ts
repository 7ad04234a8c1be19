/**
 * The reference: `@y/websocket-server@0.1.1` exactly as its own server.js
 * wires it (no auth). YPERSISTENCE=<dir> turns on its LevelDB persistence.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { installMetrics } from '../lib/child-metrics';

const { ready } = installMetrics();
// utils.js reads YPERSISTENCE when it loads, so import it after the env is set.
const { setupWSConnection } = await import('@y/websocket-server/utils');

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_req, res) => res.end('okay'));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  ready(typeof addr === 'object' && addr ? addr.port : 0);
});
