// The load generator for the voice benchmark, run as its own process so it does not share a core
// with the server it measures. Every call has a fresh CallSid and is signed before timing starts.
// argv: <baseUrl> <publicUrl> <token> closed <concurrent> <waves>
//       <baseUrl> <publicUrl> <token> open <callsPerSecond> <seconds>
// closed: waves of <concurrent> calls at once, the next wave when the last answered (throughput).
// open: one call every 1/<callsPerSecond> s whatever the answers do; each latency counts from the
// moment the call was due, so a stalled server is not hidden by calls that were sent late.
// Prints one JSON line: { latencies: number[] (ms), perSecond }.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { signTwilioRequest } from '../../server/telephony/twilio/signature';

const [base, publicUrl, token, mode, aArg, bArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  'closed' | 'open',
  string,
  string,
];
const a = Number(aArg);
const b = Number(bArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: mode === 'closed' ? a : 1000 });
const target = new URL('/twilio/voice', base);

function signedBody() {
  const params = {
    CallSid: `CA${randomBytes(16).toString('hex')}`,
    From: `+3214${String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0')}`,
    To: '+3214000000',
    CallStatus: 'ringing',
  };
  return {
    body: new URLSearchParams(params).toString(),
    signature: signTwilioRequest(token, `${publicUrl}/twilio/voice`, params),
  };
}

function post({ body, signature }: { body: string; signature: string }, due = performance.now()): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-twilio-signature': signature,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () =>
          res.statusCode === 200 && text.includes('<Dial')
            ? resolve(performance.now() - due)
            : reject(new Error(`voice answered ${res.statusCode}: ${text.slice(0, 200)}`)),
        );
      },
    );
    // A kept-alive socket the server closed just as it was reused (its keep-alive timer, late on a busy
    // loop): sent again on a new one, as Node's documentation advises; the latency still counts from `due`.
    req.on('error', (err: NodeJS.ErrnoException) =>
      req.reusedSocket && err.code === 'ECONNRESET'
        ? post({ body, signature }, due).then(resolve, reject)
        : reject(err),
    );
    req.end(body);
  });
}

async function closed(concurrent: number, waves: number) {
  // Warm-up wave (connections, JIT), then the measured waves.
  await Promise.all(Array.from({ length: concurrent }, () => post(signedBody())));
  const bodies = Array.from({ length: waves }, () => Array.from({ length: concurrent }, signedBody));
  const latencies: number[] = [];
  const started = performance.now();
  for (const wave of bodies) latencies.push(...(await Promise.all(wave.map((body) => post(body)))));
  return { latencies, perSecond: latencies.length / ((performance.now() - started) / 1000) };
}

async function open(rate: number, seconds: number) {
  // One second of warm-up at the same rate, not counted.
  const warm = Array.from({ length: rate }, signedBody);
  const bodies = Array.from({ length: rate * seconds }, signedBody);
  const interval = 1000 / rate;
  const run = async (list: typeof bodies) => {
    const started = performance.now();
    const calls: Promise<number>[] = [];
    for (let i = 0; i < list.length; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      calls.push(post(list[i]!, due));
    }
    const latencies = await Promise.all(calls);
    return { latencies, perSecond: list.length / ((performance.now() - started) / 1000) };
  };
  await run(warm);
  return run(bodies);
}

const result = mode === 'open' ? await open(a, b) : await closed(a, b);
agent.destroy();
console.log(JSON.stringify(result));
