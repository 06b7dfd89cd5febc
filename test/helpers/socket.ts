// A test console's socket that holds every event it receives against its schema in shared/api/events.ts,
// as it travelled (JSON): a payload its schema refuses, a field the schema does not describe, or an event
// the map does not name is recorded, and `eventProblems` lists them for the test to expect none. The
// server's types already say which payload goes with which event; this checks what actually arrives.
import { io, type Socket } from 'socket.io-client';
import { schemaProblems } from '../../server/http/answer-check';
import { serverEvents } from '../../shared/api/events';

const problems = new WeakMap<Socket, string[]>();

/** Checks every event `socket` receives from now on (listeners of the test still get them as before). */
export function checkEvents<S extends Socket>(socket: S): S {
  const found: string[] = [];
  problems.set(socket, found);
  socket.onAny((event: string, ...args: unknown[]) => {
    const schema = (serverEvents as Record<string, (typeof serverEvents)[keyof typeof serverEvents]>)[event];
    if (!Object.hasOwn(serverEvents, event) || !schema) {
      found.push(`${event}: not an event of shared/api/events.ts`);
      return;
    }
    if (args.length !== 1) found.push(`${event}: ${args.length} arguments, expected one payload`);
    found.push(...schemaProblems(schema, args[0], event));
  });
  return socket;
}

/** Opens a socket.io connection as the console does (websocket, the session cookie) with its events checked. */
export function openCheckedSocket(url: string, cookie: string): Socket {
  const socket = io(url, { extraHeaders: cookie ? { cookie } : {}, transports: ['websocket'], reconnection: false });
  return checkEvents(socket);
}

/** What was wrong with the events `socket` received so far (empty when all kept the contract). */
export function eventProblems(socket: Socket): string[] {
  return [...(problems.get(socket) ?? ['this socket is not checked: open it with openCheckedSocket'])];
}
