/**
 * Micro-benchmark of a broadcast's sends over real loopback sockets:
 * `npx tsx bench/send-path.ts [receivers] [messages] [rounds]`.
 *
 * One process holds `receivers` server-side websockets (49 by default, as one
 * update in a room of 50); a child process (on another core where there is
 * one) holds the clients and reports when every client has every message.
 * The server broadcasts `messages` 40-byte payloads, 20 per timer turn, in two
 * ways, alternating for `rounds` rounds:
 *
 * - `ws.send`: what ws does per receiver (a header, cork, two writes, uncork,
 *   which Node turns into a two-buffer writev);
 * - `frame`: what the server does (server/wire-frame.ts): the frame built once
 *   per message and written as one buffer to every receiver's socket.
 *
 * It prints the server process's CPU time (user and system) per round.
 * Figures go to docs/realtime.md by hand; `npm run bench` stays the benchmark
 * of record.
 */
import { fork } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { frameOf } from '../server/wire-frame';

const [receivers = 49, messages = 4000, rounds = 3] = process.argv.slice(2, 5).map(Number);

if (process.env.SEND_PATH_CLIENTS) {
  // Child: open the clients, count arrivals, report when every client has every message of a round.
  const port = Number(process.env.SEND_PATH_CLIENTS);
  let open = 0;
  let complete = 0;
  const counts: number[] = [];
  for (let i = 0; i < receivers; i++) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    counts.push(0);
    ws.on('open', () => ++open === receivers && process.send!('open'));
    ws.on('message', () => {
      if (++counts[i] === messages) {
        counts[i] = 0;
        if (++complete === receivers) {
          complete = 0;
          process.send!('round');
        }
      }
    });
  }
} else {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise((r) => wss.once('listening', r));
  const sockets: WebSocket[] = [];
  wss.on('connection', (ws) => sockets.push(ws));
  const child = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
    env: { ...process.env, SEND_PATH_CLIENTS: String((wss.address() as { port: number }).port) },
  });
  const next = (what: string) => new Promise<void>((r) => child.once('message', (m) => m === what && r()));
  await next('open');
  while (sockets.length < receivers) await new Promise((r) => setTimeout(r, 10));

  const payload = new Uint8Array(40).fill(7);
  const broadcast = async (how: 'ws.send' | 'frame') => {
    const done = next('round');
    const t0 = process.cpuUsage();
    let sent = 0;
    await new Promise<void>((resolve) => {
      const turn = () => {
        for (let k = 0; k < 20 && sent < messages; k++, sent++) {
          const message = payload.slice();
          if (how === 'ws.send') {
            for (const ws of sockets) ws.send(message);
          } else {
            const frame = frameOf(message);
            for (const ws of sockets) (ws as unknown as { _socket: Socket })._socket.write(frame.wire);
          }
        }
        if (sent < messages) setTimeout(turn, 1);
        else resolve();
      };
      turn();
    });
    await done;
    const cpu = process.cpuUsage(t0);
    return { user: cpu.user / 1000, system: cpu.system / 1000 };
  };

  console.log(`${receivers} receivers, ${messages} messages of 40 bytes, ${receivers * messages} sends per round`);
  await broadcast('ws.send'); // warm-up
  for (let round = 1; round <= rounds; round++) {
    for (const how of ['ws.send', 'frame'] as const) {
      const { user, system } = await broadcast(how);
      const perSend = ((user + system) * 1000) / (receivers * messages);
      console.log(
        `round ${round} ${how.padEnd(7)} CPU ${(user + system).toFixed(0)} ms (user ${user.toFixed(0)}, system ${system.toFixed(0)}), ${perSend.toFixed(2)} µs per send`,
      );
    }
  }
  child.kill();
  wss.close();
  process.exit(0);
}
