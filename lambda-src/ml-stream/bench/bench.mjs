// Figures for the relay, all against the local event-stream server in one run:
// 1. per-chunk latency, server write -> handler write, vs server write -> the raw SDK read has parsed out the text,
//    in rounds that alternate which path goes first, so load that drifts over the run weighs on both alike;
// 2. burst throughput: chunks sent as fast as HTTP/2 flow control allows, handler writes per second
//    vs SDK events per second;
// 3. size of dist/index.mjs;
// 4. cold module-init time of dist/index.mjs in a fresh node process.
// BENCH_ONLY=handler, sdk (the peer) or raw (no parse) runs that path's burst rounds alone, for a CPU profile of its per-chunk
// work: BENCH_ONLY=handler node --cpu-prof bench/bench.mjs. BENCH_SRC=1 runs src/index.mjs instead of the minified
// bundle, so the profile names the handler's functions.
//
// The peer is the honest minimal reader: the raw SDK read plus what any consumer must do to get the text out of
// it (UTF-8 decode and JSON.parse of each chunk, pick the text delta), handing each text to its consumer. Without
// the parse the ratio would compare the relay's work with a part of it.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { encodeChunk } from '../test/support/bedrock-server.mjs';
import { loadHandler } from '../test/support/load-handler.mjs';
import { FAMILIES } from '../test/support/fixtures.mjs';

const CHUNKS = 10_000;
const WARMUP = 2_000;
const PACED_ROUNDS = 30;
const PACED_CHUNKS = 1_000; // per path and round
const INIT_RUNS = 7;
const BURST_ROUNDS = 5;
const BUNDLE = new URL('../dist/index.mjs', import.meta.url);
const HANDLER = process.env.BENCH_SRC ? new URL('../src/index.mjs', import.meta.url) : BUNDLE;
const [MODEL] = FAMILIES;

const h = await loadHandler(HANDLER.href, { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' });

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

/** One invocation of the handler whose every write counts as a chunk seen by {@code run}. */
async function throughHandler(run) {
  const sink = new Writable({
    write(_chunk, _enc, cb) {
      run.onSeen();
      cb();
    },
  });
  const r = await h.invoke({ modelId: MODEL.modelId, body: MODEL.body }, { stream: sink });
  if (r.error) throw r.error;
}

async function viaHandler(count) {
  const run = pacedRun(count);
  await throughHandler(run);
  return run.latencies();
}

const sdk = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: h.server.url });
const utf8 = new TextDecoder();
/** The text of one raw SDK event, as a consumer gets it: decode, parse, pick the text delta (undefined if none). */
function textOf(event) {
  if (!event.chunk) return undefined;
  const c = JSON.parse(utf8.decode(event.chunk.bytes));
  return c.type === 'content_block_delta' && c.delta.type === 'text_delta' ? c.delta.text : undefined;
}

async function viaSdk(count) {
  const run = pacedRun(count);
  const res = await sdk.send(
    new InvokeModelWithResponseStreamCommand({ modelId: MODEL.modelId, body: JSON.stringify(MODEL.body) }),
  );
  for await (const event of res.body) if (textOf(event) !== undefined) run.onSeen();
  return run.latencies();
}

// Burst: every chunk sent as fast as flow control allows, encoded beforehand so that the sender (in this same
// process) costs as little as it can; the rate runs from the first chunk seen to the last.
const BURST = Array.from({ length: CHUNKS }, (_, i) =>
  encodeChunk({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ` token${i}` } }),
);
function burstRun(count) {
  let seen = 0;
  let first;
  let last;
  h.server.respond = async (reply) => {
    for (let i = 0; i < count; i++) await reply.encoded(BURST[i]);
    await reply.chunk({ type: 'message_stop' });
    reply.end();
  };
  const onSeen = () => {
    if (seen === count) return;
    last = performance.now();
    first ??= last;
    seen += 1;
  };
  const cpu = process.cpuUsage();
  // Chunks per second, and this process's CPU time per chunk (sender, reader and relay share it): the CPU time
  // barely moves when other processes crowd the cores, the rate does.
  const rate = () => {
    const used = process.cpuUsage(cpu);
    return { perSec: ((seen - 1) * 1000) / (last - first), cpuMicros: (used.user + used.system) / seen };
  };
  return { onSeen, rate };
}

async function burstViaHandler(count) {
  const run = burstRun(count);
  await throughHandler(run);
  return run.rate();
}

async function burstViaSdk(count, parse = true) {
  const run = burstRun(count);
  const res = await sdk.send(
    new InvokeModelWithResponseStreamCommand({ modelId: MODEL.modelId, body: JSON.stringify(MODEL.body) }),
  );
  if (parse) for await (const event of res.body) textOf(event) !== undefined && run.onSeen();
  else for await (const event of res.body) event.chunk && run.onSeen();
  return run.rate();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (v) => `${v.toFixed(3)} ms`;

const only = { handler: burstViaHandler, sdk: burstViaSdk, raw: (n) => burstViaSdk(n, false) }[process.env.BENCH_ONLY];
if (only) {
  const runs = [];
  for (let i = 0; i < 2 + BURST_ROUNDS; i++) runs.push(await only(CHUNKS));
  console.log(runs.map((r) => `${Math.round(r.perSec)} /s ${r.cpuMicros.toFixed(1)} us`).join(', '));
  await h.server.close();
  process.exit(0);
}

/** Rounds i of both paths back to back, alternating which goes first, so neither always follows the other. */
async function alternating(rounds, handlerRound, sdkRound, afterEach = () => {}) {
  const handler = [];
  const sdk = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      handler.push(await handlerRound());
      sdk.push(await sdkRound());
    } else {
      sdk.push(await sdkRound());
      handler.push(await handlerRound());
    }
    await afterEach();
  }
  return { handler, sdk };
}

await viaSdk(WARMUP);
await viaHandler(WARMUP);
// One long run per path would put whatever else the cores did meanwhile on one side only (p50 ratios of x0.82 to
// x1.55 from run to run that way).
const { handler: handlerRounds, sdk: sdkRounds } = await alternating(PACED_ROUNDS,
  () => viaHandler(PACED_CHUNKS), () => viaSdk(PACED_CHUNKS));
const pooled = (rounds) => rounds.flat().sort((a, b) => a - b);
const sdkLat = pooled(sdkRounds);
const handlerLat = pooled(handlerRounds);
// The verdict is the median of the rounds' p50 ratios, each pair of rounds run back to back, with its 95% interval
// (the sign test's order statistics: nothing assumed about the spread, which has a long tail under load).
const roundRatios = handlerRounds.map((r, i) => pct(r, 50) / pct(sdkRounds[i], 50)).sort((a, b) => a - b);
const half = Math.ceil((1.96 * Math.sqrt(PACED_ROUNDS)) / 2);
const pairedP50 = roundRatios[Math.floor(PACED_ROUNDS / 2)];
const pairedLow = roundRatios[Math.max(0, Math.floor(PACED_ROUNDS / 2) - half)];
const pairedHigh = roundRatios[Math.min(PACED_ROUNDS - 1, Math.floor(PACED_ROUNDS / 2) + half)];

await burstViaSdk(CHUNKS);
await burstViaHandler(CHUNKS);
const rawRates = [];
const { handler: handlerRates, sdk: sdkRates } = await alternating(BURST_ROUNDS,
  () => burstViaHandler(CHUNKS), () => burstViaSdk(CHUNKS), async () => rawRates.push(await burstViaSdk(CHUNKS, false)));
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
const p50Ratio = pct(handlerLat, 50) / pct(sdkLat, 50);
const rates = (runs) => runs.map((r) => r.perSec);
const cpus = (runs) => runs.map((r) => r.cpuMicros);
const burstRatio = median(rates(handlerRates)) / median(rates(sdkRates));
const cpuRatio = median(cpus(handlerRates)) / median(cpus(sdkRates));
const perSec = (v) => `${Math.round(v).toLocaleString('en-US')} /s`;
const us = (v) => `${v.toFixed(1)} us`;
const range = (xs, f) => `${f(Math.min(...xs))}-${f(Math.max(...xs))}`;
const added99 = pct(handlerLat, 99) - pct(sdkLat, 99);
const verdict = (ok) => (ok ? 'met' : 'MISSED');

console.log(`
ml-stream benchmark (node ${process.version}; paced one at a time: ${PACED_ROUNDS} x ${PACED_CHUNKS} chunks per path after ${WARMUP} warm-up, in rounds alternating which path goes first)

per-chunk latency, server write -> ...      p50          p99          max
  SDK read, text parsed out (the peer)      ${ms(pct(sdkLat, 50)).padEnd(12)} ${ms(pct(sdkLat, 99)).padEnd(12)} ${ms(sdkLat.at(-1))}
  handler writes the delta                  ${ms(pct(handlerLat, 50)).padEnd(12)} ${ms(pct(handlerLat, 99)).padEnd(12)} ${ms(handlerLat.at(-1))}
  difference (handler - SDK)               ${ms(added50).padEnd(12)} ${ms(added99).padEnd(12)}   target p99 < 1 ms: ${verdict(added99 < 1)}
  ratio (handler / SDK), pooled             x${p50Ratio.toFixed(3).padEnd(11)} x${(pct(handlerLat, 99) / pct(sdkLat, 99)).toFixed(3)}
  p50 ratio, paired by round                x${pairedP50.toFixed(3).padEnd(11)}              target p50 <= x1.05: ${verdict(pairedP50 <= 1.05)} (95% interval x${pairedLow.toFixed(3)}-x${pairedHigh.toFixed(3)}, rounds x${roundRatios[0].toFixed(3)}-x${roundRatios.at(-1).toFixed(3)})

burst, ${CHUNKS} chunks as fast as flow control allows     throughput   CPU per chunk (medians of ${BURST_ROUNDS} rounds each, alternating)
  SDK read, text parsed out (the peer)      ${perSec(median(rates(sdkRates))).padEnd(12)} ${us(median(cpus(sdkRates))).padEnd(12)} rounds ${range(rates(sdkRates), perSec)}, ${range(cpus(sdkRates), us)}
  handler writes the deltas                 ${perSec(median(rates(handlerRates))).padEnd(12)} ${us(median(cpus(handlerRates))).padEnd(12)} rounds ${range(rates(handlerRates), perSec)}, ${range(cpus(handlerRates), us)}
  ratio (handler / SDK)                     x${burstRatio.toFixed(3).padEnd(11)} x${cpuRatio.toFixed(3).padEnd(11)} target throughput >= x0.9: ${verdict(burstRatio >= 0.9)}
  SDK events alone, no parse (reference)    ${perSec(median(rates(rawRates))).padEnd(12)} ${us(median(cpus(rawRates))).padEnd(12)} rounds ${range(rates(rawRates), perSec)}, ${range(cpus(rawRates), us)}

bundle dist/index.mjs                       ${size} bytes (${(size / 1024).toFixed(1)} KiB)   target < 1 MiB: ${verdict(size < 1024 * 1024)}
cold module init (import dist/index.mjs)    median ${ms(pct(initTimes, 50))}, min ${ms(initTimes[0])}, max ${ms(initTimes.at(-1))} over ${INIT_RUNS} fresh processes   target < 150 ms: ${verdict(pct(initTimes, 50) < 150)}
`);
