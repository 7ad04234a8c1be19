/**
 * The machine's floor: a bare `ws` relay with no Yjs, no auth and no storage.
 * A connection's room is its URL path; every binary frame is forwarded as is
 * to the room's other sockets. So that the benchmark's raw clients can use it
 * unchanged, a new socket is greeted with one fixed SyncStep2 frame (an empty
 * update): the only protocol byte this server knows.
 *
 * What a system measures above this floor is its own work; the floor itself
 * is this VM's wake-ups, loopback TCP and `ws` framing.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { installMetrics } from '../lib/child-metrics';

const { ready } = installMetrics();
/** y-websocket: messageSync (0), SyncStep2 (1), an empty V1 update (length 2: no structs, no deletes). */
const GREETING = Buffer.from([0, 1, 2, 0, 0]);
const rooms = new Map<string, Set<WebSocket>>();

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = http.createServer((_req, res) => res.end('floor'));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    const name = (req.url ?? '/').split('?')[0];
    let room = rooms.get(name);
    if (!room) rooms.set(name, (room = new Set()));
    const members = room;
    members.add(ws);
    ws.on('message', (data: Buffer, isBinary) => {
      for (const other of members) if (other !== ws) other.send(data, { binary: isBinary });
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      members.delete(ws);
      if (!members.size) rooms.delete(name);
    });
    ws.send(GREETING);
  });
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  ready(typeof addr === 'object' && addr ? addr.port : 0);
});
