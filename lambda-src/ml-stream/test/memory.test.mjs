// A 10 MiB answer must be relayed with flat memory: nothing may accumulate per chunk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import './support/log-capture.mjs';
import { loadHandler } from './support/load-handler.mjs';
import { FAMILIES } from './support/fixtures.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const MiB = 1024 * 1024;
const TOTAL = 10 * MiB;
const DELTA = 4096;

let h;
before(async () => {
  h = await loadHandler(new URL('../src/index.mjs', import.meta.url).href);
});
after(() => h.server.close());

test('a 10 MiB stream is relayed in constant memory', async () => {
  const [anthropic] = FAMILIES;
  const sent = createHash('sha256');
  h.server.respond = async (reply) => {
    for (let i = 0; i < TOTAL / DELTA; i++) {
      const head = `[${i}]`;
      const text = head + 'x'.repeat(DELTA - head.length);
      sent.update(text);
      await reply.chunk({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
    }
    await reply.chunk({ type: 'message_stop' });
    reply.end();
  };

  const received = createHash('sha256');
  const samples = [];
  let bytes = 0;
  const sink = new Writable({
    write(chunk, _enc, cb) {
      received.update(chunk);
      const before = Math.floor(bytes / MiB);
      bytes += chunk.length;
      if (Math.floor(bytes / MiB) > before) {
        gc();
        const m = process.memoryUsage();
        samples.push(m.heapUsed + m.arrayBuffers);
      }
      cb();
    },
  });

  const r = await h.invoke({ modelId: anthropic.modelId, body: anthropic.body }, { stream: sink });
  assert.equal(r.error, undefined);
  assert.equal(bytes, TOTAL);
  assert.equal(received.digest('hex'), sent.digest('hex'), 'content and order preserved');

  // Medians of the first and last three samples (one per MiB) ride out the transient network
  // buffers; holding on to the stream would make the difference about 7 MiB.
  const median3 = (xs) => [...xs].sort((a, b) => a - b)[1];
  const growth = median3(samples.slice(-3)) - median3(samples.slice(0, 3));
  assert.ok(growth < 3 * MiB, `memory grew by ${(growth / MiB).toFixed(2)} MiB while streaming 10 MiB`);
});
