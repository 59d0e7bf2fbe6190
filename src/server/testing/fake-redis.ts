import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

// A stand-in for a hostile or broken Redis on 127.0.0.1, speaking just enough of Redis's protocol
// (RESP2) for the server's client to connect and count: it answers the client's set-up commands as
// a Redis 7 would (refusing HELLO, so the client speaks RESP2), PING and SELECT as Redis does, and
// the counting scripts (EVALSHA, EVAL) however the test says. A real redis-server cannot be made to
// answer a negative count or stream a gigabyte; this can.

export type FakeRedis = {
  url: string;
  // Connections that are open now.
  openConnections(): number;
  close(): Promise<void>;
};

// How the counting scripts are answered: with bytes written to the client's socket.
export type ScriptAnswer = (socket: Socket) => void;

// RESP2 values, to build answers with.
export const resp = {
  int: (value: number) => `:${value}\r\n`,
  bulk: (value: string) => `$${Buffer.byteLength(value)}\r\n${value}\r\n`,
  nil: () => '$-1\r\n',
  array: (...items: string[]) => `*${items.length}\r\n${items.join('')}`,
};

export async function startFakeRedis(answerScript: ScriptAnswer): Promise<FakeRedis> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let parsed = parseCommand(pending); parsed; parsed = parseCommand(pending)) {
        pending = pending.subarray(parsed.length);
        answer(socket, parsed.args, answerScript);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(socket: Socket, args: string[], answerScript: ScriptAnswer): void {
  const command = (args[0] ?? '').toUpperCase();
  if (command === 'HELLO') socket.write("-ERR unknown command 'HELLO'\r\n");
  else if (command === 'INFO') socket.write(resp.bulk('# Server\r\nredis_version:7.0.15\r\nloading:0\r\n'));
  else if (command === 'PING') socket.write('+PONG\r\n');
  else if (command === 'EVALSHA' || command === 'EVAL') answerScript(socket);
  else if (command === 'DEL') socket.write(resp.int(1));
  else if (command === 'QUIT') socket.end('+OK\r\n');
  // SELECT, CLIENT SETINFO and anything else.
  else socket.write('+OK\r\n');
}

// One command as clients send it (an array of bulk strings), or undefined until all of it arrived.
function parseCommand(buffer: Buffer): { args: string[]; length: number } | undefined {
  let offset = 0;
  const line = (): string | undefined => {
    const end = buffer.indexOf('\r\n', offset);
    if (end === -1) return undefined;
    const text = buffer.toString('latin1', offset, end);
    offset = end + 2;
    return text;
  };
  const header = line();
  if (header === undefined || !header.startsWith('*')) return undefined;
  const args: string[] = [];
  for (let i = 0; i < Number(header.slice(1)); i++) {
    const size = line();
    if (size === undefined) return undefined;
    const bytes = Number(size.slice(1));
    if (buffer.length < offset + bytes + 2) return undefined;
    args.push(buffer.toString('utf8', offset, offset + bytes));
    offset += bytes + 2;
  }
  return { args, length: offset };
}
