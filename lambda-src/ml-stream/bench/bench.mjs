// Figures for the relay, all against the local event-stream server in one run:
// 1. per-chunk latency, server write -> handler write, vs server write -> SDK yields the event;
// 2. size of dist/index.mjs;
// 3. cold module-init time of dist/index.mjs in a fresh node process.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { loadHandler } from '../test/support/load-handler.mjs';
import { FAMILIES } from '../test/support/fixtures.mjs';

const CHUNKS = 10_000;
const WARMUP = 2_000;
const INIT_RUNS = 7;
const BUNDLE = new URL('../dist/index.mjs', import.meta.url);
const [MODEL] = FAMILIES;

const h = await loadHandler(BUNDLE.href, { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' });

// Ping-pong: the server sends chunk i+1 only after chunk i was seen at the far end, so each sample
// is pure per-chunk latency with no queueing behind earlier chunks.
function pacedRun(count) {
  const sentAt = new Float64Array(count);
  const seenAt = new Float64Array(count);
  let seen = 0;
  let next;
  h.server.respond = async (reply) => {
    for (let i = 0; i < count; i++) {
      const arrived = new Promise((resolve) => (next = resolve));
      sentAt[i] = performance.now();
      await reply.chunk({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ` token${i}` } });
      await arrived;
    }
    await reply.chunk({ type: 'message_stop' });
    reply.end();
  };
  const onSeen = () => {
    if (seen === count) return; // the closing message_stop chunk
    seenAt[seen++] = performance.now();
    next();
  };
  const latencies = () => Array.from(seenAt, (t, i) => t - sentAt[i]).sort((a, b) => a - b);
  return { onSeen, latencies };
}

async function viaHandler(count) {
  const run = pacedRun(count);
  const sink = new Writable({
    write(_chunk, _enc, cb) {
      run.onSeen();
      cb();
    },
  });
  const r = await h.invoke({ modelId: MODEL.modelId, body: MODEL.body }, { stream: sink });
  if (r.error) throw r.error;
  return run.latencies();
}

const sdk = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: h.server.url });
async function viaSdk(count) {
  const run = pacedRun(count);
  const res = await sdk.send(
    new InvokeModelWithResponseStreamCommand({ modelId: MODEL.modelId, body: JSON.stringify(MODEL.body) }),
  );
  for await (const event of res.body) if (event.chunk) run.onSeen();
  return run.latencies();
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (v) => `${v.toFixed(3)} ms`;

await viaSdk(WARMUP);
await viaHandler(WARMUP);
const sdkLat = await viaSdk(CHUNKS);
const handlerLat = await viaHandler(CHUNKS);
await h.server.close();

const initTimes = [];
const shim = 'globalThis.awslambda = { streamifyResponse: (f) => f };';
for (let i = 0; i < INIT_RUNS; i++) {
  const code = `${shim} const t = performance.now(); await import(${JSON.stringify(BUNDLE.href)}); console.log(performance.now() - t);`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    env: {
      PATH: process.env.PATH,
      BEDROCK_REGION: 'us-east-1',
      ALLOWED_MODEL_IDS: MODEL.modelId,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETESTONLY',
      AWS_SECRET_ACCESS_KEY: 'test-secret-not-real',
    },
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`init run failed: ${out.stderr}`);
  initTimes.push(Number(out.stdout.trim()));
}
initTimes.sort((a, b) => a - b);

const size = statSync(fileURLToPath(BUNDLE)).size;
const added50 = pct(handlerLat, 50) - pct(sdkLat, 50);
const added99 = pct(handlerLat, 99) - pct(sdkLat, 99);
const verdict = (ok) => (ok ? 'met' : 'MISSED');

console.log(`
ml-stream benchmark (node ${process.version}, ${CHUNKS} chunks per path after ${WARMUP} warm-up, paced one at a time)

per-chunk latency, server write -> ...      p50          p99          max
  SDK yields the event (SDK read alone)     ${ms(pct(sdkLat, 50)).padEnd(12)} ${ms(pct(sdkLat, 99)).padEnd(12)} ${ms(sdkLat.at(-1))}
  handler writes the delta                  ${ms(pct(handlerLat, 50)).padEnd(12)} ${ms(pct(handlerLat, 99)).padEnd(12)} ${ms(handlerLat.at(-1))}
  difference (handler - SDK)               ${ms(added50).padEnd(12)} ${ms(added99).padEnd(12)}   target p99 < 1 ms: ${verdict(added99 < 1)}

bundle dist/index.mjs                       ${size} bytes (${(size / 1024).toFixed(1)} KiB)   target < 1 MiB: ${verdict(size < 1024 * 1024)}
cold module init (import dist/index.mjs)    median ${ms(pct(initTimes, 50))}, min ${ms(initTimes[0])}, max ${ms(initTimes.at(-1))} over ${INIT_RUNS} fresh processes   target < 150 ms: ${verdict(pct(initTimes, 50) < 150)}
`);
