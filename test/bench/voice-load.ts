// The load generator for the voice benchmark, run as its own process so it does not share a core
// with the server it measures. argv: <baseUrl> <publicUrl> <token> <concurrent> <waves>.
// Prints one JSON line: { latencies: number[] (ms), perSecond }.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { signTwilioRequest } from '../../server/telephony/twilio/signature';

const [base, publicUrl, token, concurrentArg, wavesArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const concurrent = Number(concurrentArg);
const waves = Number(wavesArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrent });
const target = new URL('/twilio/voice', base);

function signedBody() {
  const params = {
    CallSid: `CA${randomBytes(16).toString('hex')}`,
    From: '+3214440101',
    To: '+3214000000',
    CallStatus: 'ringing',
  };
  return {
    body: new URLSearchParams(params).toString(),
    signature: signTwilioRequest(token, `${publicUrl}/twilio/voice`, params),
  };
}

function post({ body, signature }: { body: string; signature: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
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
            ? resolve(performance.now() - started)
            : reject(new Error(`voice answered ${res.statusCode}: ${text.slice(0, 200)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// Warm-up wave (connections, JIT), then the measured waves; every body is signed before timing.
await Promise.all(Array.from({ length: concurrent }, () => post(signedBody())));
const bodies = Array.from({ length: waves }, () => Array.from({ length: concurrent }, signedBody));
const latencies: number[] = [];
const started = performance.now();
for (const wave of bodies) latencies.push(...(await Promise.all(wave.map(post))));
const perSecond = latencies.length / ((performance.now() - started) / 1000);
agent.destroy();
console.log(JSON.stringify({ latencies, perSecond }));
