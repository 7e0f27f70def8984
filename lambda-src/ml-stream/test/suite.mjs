// The full behavioural suite, run against the source and against the built bundle.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { logLines, logText } from './support/log-capture.mjs';
import { loadHandler } from './support/load-handler.mjs';
import { COMPLETION, CONVERSE, DELTAS, FAMILIES, PROMPT, REASONING, TEXT, THINKING } from './support/fixtures.mjs';
import METRICS from '../metrics.json' with { type: 'json' };

const [ANTHROPIC] = FAMILIES;
const nativeEvent = (f, extra = {}) => ({ modelId: f.modelId, body: f.body, ...extra });
const converseEvent = (extra = {}) => ({ modelId: CONVERSE.modelId, ...CONVERSE.request, ...extra });

async function replayNative(reply, chunks) {
  for (const chunk of chunks) await reply.chunk(chunk);
  reply.end();
}

async function replayConverse(reply, events) {
  for (const [type, payload] of events) await reply.event(type, payload);
  reply.end();
}

export function defineSuite(moduleUrl) {
  let h;
  before(async () => {
    h = await loadHandler(moduleUrl);
  });
  after(async () => {
    // Everything the handler and the runtime shim logged during the whole suite.
    const logs = logText();
    assert.ok(logs.length > 0, 'expected the handler to log');
    assert.ok(!logs.includes(PROMPT), 'prompt text appeared in the logs');
    assert.ok(!logs.includes(COMPLETION), 'completion text appeared in the logs');
    assert.ok(!logs.includes('wörld'), 'completion text appeared in the logs');
    await h.server.close();
  });
  const reset = (respond) => {
    h.server.requests.length = 0;
    h.server.respond = respond;
  };

  describe('model families (InvokeModelWithResponseStream)', () => {
    for (const family of FAMILIES) {
      test(family.name, async () => {
        reset((reply) => replayNative(reply, family.chunks));
        const r = await h.invoke(nativeEvent(family));
        assert.equal(r.error, undefined);
        assert.equal(r.text, TEXT);
        assert.equal(r.contentType, 'text/plain; charset=utf-8');
        assert.ok(r.endedByHandler);
        assert.equal(h.server.requests.length, 1);
        const [req] = h.server.requests;
        assert.equal(req.method, 'POST');
        assert.equal(req.path, `/model/${family.modelId}/invoke-with-response-stream`);
        assert.deepEqual(req.body, family.body);
        assert.match(req.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETESTONLY\/\d{8}\/us-east-1\/bedrock\//);
      });

      test(`${family.name}: ndjson output carries deltas, stop reason and usage`, async () => {
        reset((reply) => replayNative(reply, family.chunks));
        const r = await h.invoke(nativeEvent(family, { output: 'ndjson' }));
        assert.equal(r.error, undefined);
        assert.equal(r.contentType, 'application/x-ndjson');
        const lines = r.text.trimEnd().split('\n').map((l) => JSON.parse(l));
        assert.deepEqual(lines, [
          ...DELTAS.map((text) => ({ text })),
          { stopReason: family.stopReason, usage: family.usage },
        ]);
      });
    }

    test('body given as a JSON string is sent as is', async () => {
      reset((reply) => replayNative(reply, ANTHROPIC.chunks));
      const body = JSON.stringify(ANTHROPIC.body);
      const r = await h.invoke({ modelId: ANTHROPIC.modelId, body });
      assert.equal(r.text, TEXT);
      assert.deepEqual(h.server.requests[0].body, ANTHROPIC.body);
    });

    test('event given as a JSON string or a Buffer', async () => {
      for (const event of [JSON.stringify(nativeEvent(ANTHROPIC)), Buffer.from(JSON.stringify(nativeEvent(ANTHROPIC)))]) {
        reset((reply) => replayNative(reply, ANTHROPIC.chunks));
        const r = await h.invoke(event);
        assert.equal(r.error, undefined);
        assert.equal(r.text, TEXT);
      }
    });

    test('each delta is written as it arrives, not buffered', async () => {
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      reset(async (reply) => {
        await reply.chunk(ANTHROPIC.chunks[2]); // first text delta
        await gate;
        await replayNative(reply, ANTHROPIC.chunks.slice(3));
      });
      const stream = h.collectingStream();
      const pending = h.invoke(nativeEvent(ANTHROPIC), { stream });
      for (let i = 0; i < 200 && stream.text() === ''; i++) await sleep(10);
      assert.equal(stream.text(), DELTAS[0], 'first delta must reach the caller while the model is still streaming');
      release();
      const r = await pending;
      assert.equal(r.text, TEXT);
    });
  });

  describe('ConverseStream', () => {
    test('messages request streams text', async () => {
      reset((reply) => replayConverse(reply, CONVERSE.events));
      const r = await h.invoke(converseEvent());
      assert.equal(r.error, undefined);
      assert.equal(r.text, TEXT);
      assert.ok(r.endedByHandler);
      const [req] = h.server.requests;
      assert.equal(req.path, `/model/${CONVERSE.modelId}/converse-stream`);
      assert.deepEqual(req.body, CONVERSE.request);
    });

    test('ndjson output', async () => {
      reset((reply) => replayConverse(reply, CONVERSE.events));
      const r = await h.invoke(converseEvent({ output: 'ndjson' }));
      const lines = r.text.trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(lines, [
        ...DELTAS.map((text) => ({ text })),
        { stopReason: CONVERSE.stopReason, usage: CONVERSE.usage },
      ]);
    });
  });

  describe('reasoning (Claude thinking_delta, Converse reasoningContent)', () => {
    const ndjsonLines = (r) => r.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    const answer = (usage) => [...DELTAS.map((text) => ({ text })), { stopReason: 'end_turn', usage }];
    const cases = [
      ['native', () => reset((reply) => replayNative(reply, THINKING.native)), (extra) => nativeEvent(ANTHROPIC, extra), { inputTokens: 12, outputTokens: 30 }],
      ['converse', () => reset((reply) => replayConverse(reply, THINKING.converse)), (extra) => converseEvent(extra), { inputTokens: 14, outputTokens: 30 }],
    ];
    for (const [name, respond, request, usage] of cases) {
      test(`${name}: ndjson with relayReasoning relays reasoning as its own event, before the answer`, async () => {
        respond();
        const r = await h.invoke(request({ output: 'ndjson', relayReasoning: true }));
        assert.equal(r.error, undefined);
        assert.deepEqual(ndjsonLines(r), [...REASONING.map((reasoning) => ({ reasoning })), ...answer(usage)]);
        assert.ok(!JSON.stringify(h.server.requests[0].body).includes('relayReasoning'), 'relay options are not sent to Bedrock');
      });

      test(`${name}: without relayReasoning, and in text mode, only the answer is relayed`, async () => {
        respond();
        const ndjson = await h.invoke(request({ output: 'ndjson' }));
        assert.deepEqual(ndjsonLines(ndjson), answer(usage));
        respond();
        const text = await h.invoke(request());
        assert.equal(text.error, undefined);
        assert.equal(text.text, TEXT);
      });
    }
  });

  describe('validation happens before any Bedrock call', () => {
    const big = 'x'.repeat(6291456);
    const cases = [
      ['event string that is not JSON', `{"modelId": "${PROMPT}`, /request is not valid JSON/],
      ['event that is not an object', [1, 2], /request must be a JSON object/],
      ['missing modelId', { body: ANTHROPIC.body }, /modelId is required/],
      ['non-string modelId', { modelId: 42, body: ANTHROPIC.body }, /modelId must be a string/],
      ['model not on the allow-list', { modelId: 'anthropic.claude-v2', body: ANTHROPIC.body }, /modelId is not allowed/],
      ['neither body nor messages', { modelId: ANTHROPIC.modelId }, /one of body .* or messages .* is required/],
      ['both body and messages', { ...converseEvent(), body: ANTHROPIC.body }, /body and messages are mutually exclusive/],
      ['object request over MAX_REQUEST_BYTES', nativeEvent(ANTHROPIC, { pad: big }), /over MAX_REQUEST_BYTES/],
      ['string request over MAX_REQUEST_BYTES', JSON.stringify(nativeEvent(ANTHROPIC, { pad: big })), /over MAX_REQUEST_BYTES/],
      ['body.max_tokens over the limit', { modelId: ANTHROPIC.modelId, body: { ...ANTHROPIC.body, max_tokens: 4097 } }, /body\.max_tokens exceeds the limit of 4096/],
      ['body.max_tokens not an integer', { modelId: ANTHROPIC.modelId, body: { ...ANTHROPIC.body, max_tokens: '10' } }, /body\.max_tokens must be a positive integer/],
      ['body.maxTokens over the limit', { modelId: ANTHROPIC.modelId, body: { maxTokens: 5000 } }, /body\.maxTokens exceeds/],
      ['body.max_gen_len over the limit', { modelId: FAMILIES[3].modelId, body: { prompt: PROMPT, max_gen_len: 9999 } }, /body\.max_gen_len exceeds/],
      ['body.textGenerationConfig.maxTokenCount over the limit', { modelId: FAMILIES[2].modelId, body: { inputText: PROMPT, textGenerationConfig: { maxTokenCount: 8192 } } }, /body\.textGenerationConfig\.maxTokenCount exceeds/],
      ['body.maxTokenCount over the limit', { modelId: FAMILIES[2].modelId, body: { inputText: PROMPT, maxTokenCount: 8192 } }, /body\.maxTokenCount exceeds/],
      ['body.inferenceConfig.max_new_tokens over the limit', { modelId: FAMILIES[1].modelId, body: { ...FAMILIES[1].body, inferenceConfig: { max_new_tokens: 10000 } } }, /body\.inferenceConfig\.max_new_tokens exceeds/],
      ['inferenceConfig.maxTokens over the limit (Converse)', converseEvent({ inferenceConfig: { maxTokens: 4097 } }), /inferenceConfig\.maxTokens exceeds the limit of 4096/],
      ['inferenceConfig.maxTokens not an integer (Converse)', converseEvent({ inferenceConfig: { maxTokens: 1.5 } }), /inferenceConfig\.maxTokens must be a positive integer/],
      ['body that is an array', { modelId: ANTHROPIC.modelId, body: [PROMPT] }, /body must be a JSON object/],
      ['body string that is not JSON', { modelId: ANTHROPIC.modelId, body: `${PROMPT} {` }, /body is not valid JSON/],
      ['body string holding a JSON array', { modelId: ANTHROPIC.modelId, body: JSON.stringify([PROMPT]) }, /body must be a JSON object/],
      ['messages that is not an array', converseEvent({ messages: { text: PROMPT } }), /messages must be an array/],
      ['system that is not an array', converseEvent({ system: PROMPT }), /system must be an array/],
      ['inferenceConfig that is not an object', converseEvent({ inferenceConfig: 5 }), /inferenceConfig must be an object/],
      ['output that is not text or ndjson', nativeEvent(ANTHROPIC, { output: 'html' }), /output must be "text" or "ndjson"/],
      ['relayReasoning that is not a boolean', nativeEvent(ANTHROPIC, { output: 'ndjson', relayReasoning: 'yes' }), /relayReasoning must be true or false/],
      ['relayReasoning with text output', nativeEvent(ANTHROPIC, { relayReasoning: true }), /relayReasoning needs output "ndjson"/],
      ['deadlineMs that is not an integer', nativeEvent(ANTHROPIC, { deadlineMs: '1700000000000' }), /deadlineMs must be a positive integer \(epoch milliseconds\)/],
      ['deadlineMs that is negative', converseEvent({ deadlineMs: -5 }), /deadlineMs must be a positive integer/],
    ];
    test('a 300 KB prompt is accepted by default and reaches Bedrock intact', async () => {
      reset((reply) => replayNative(reply, ANTHROPIC.chunks));
      const long = `${PROMPT} ${'lorem ipsum '.repeat(25_000)}`;
      const body = { ...ANTHROPIC.body, messages: [{ role: 'user', content: long }] };
      const r = await h.invoke({ modelId: ANTHROPIC.modelId, body });
      assert.equal(r.error, undefined);
      assert.ok(Buffer.byteLength(JSON.stringify(body)) > 300_000);
      assert.deepEqual(h.server.requests[0].body, body);
    });

    for (const [name, event, message] of cases) {
      test(name, async () => {
        reset((reply) => replayNative(reply, ANTHROPIC.chunks));
        const r = await h.invoke(event);
        assert.ok(r.error, 'expected the invocation to fail');
        assert.equal(r.error.name, 'BadRequest');
        assert.match(r.error.message, message);
        assert.ok(!r.error.message.includes(PROMPT), 'error message must not echo request content');
        assert.equal(r.text, '');
        assert.equal(r.endedByHandler, false, 'the runtime, not the handler, must end a failed stream');
        assert.equal(h.server.requests.length, 0, 'Bedrock must not be called');
      });
    }
  });

  describe('Bedrock errors end the invocation as a function error', () => {
    const httpErrors = [
      [400, 'ValidationException'],
      [403, 'AccessDeniedException'],
      [429, 'ThrottlingException'],
      [503, 'ServiceUnavailableException'],
      [404, 'ResourceNotFoundException'],
    ];
    for (const [status, type] of httpErrors) {
      test(`HTTP ${status} ${type} before the first byte`, async () => {
        reset((reply) => reply.httpError(status, type, `${PROMPT} echoed by the service`));
        const r = await h.invoke(nativeEvent(ANTHROPIC));
        assert.equal(r.error?.name, type);
        assert.match(r.error.message, new RegExp(`${type} before the first byte \\(HTTP ${status}, request id req-error-1\\)`));
        assert.ok(!r.error.message.includes(PROMPT), 'upstream message must not be passed on');
        assert.equal(r.text, '');
        assert.equal(r.endedByHandler, false);
        assert.ok(h.server.requests.length >= 1);
      });
    }

    const streamErrors = ['modelStreamErrorException', 'throttlingException', 'modelTimeoutException', 'internalServerException', 'validationException', 'serviceUnavailableException'];
    for (const type of streamErrors) {
      const name = type[0].toUpperCase() + type.slice(1);
      test(`${name} in the middle of the stream`, async () => {
        reset(async (reply) => {
          for (const chunk of ANTHROPIC.chunks.slice(0, 4)) await reply.chunk(chunk); // two text deltas
          await reply.exception(type, `${PROMPT} failed`);
          reply.end();
        });
        const r = await h.invoke(nativeEvent(ANTHROPIC));
        assert.equal(r.error?.name, name);
        const flushed = DELTAS[0] + DELTAS[1];
        assert.match(r.error.message, new RegExp(`${name} after ${Buffer.byteLength(flushed)} bytes were streamed`));
        assert.equal(r.text, flushed, 'what was written before the error reaches the caller');
        assert.equal(r.endedByHandler, false);
        assert.equal(h.server.requests.length, 1, 'a stream that already started is not retried');
      });
    }

    test('ConverseStream exception mid-stream, ndjson output', async () => {
      reset(async (reply) => {
        for (const [type, payload] of CONVERSE.events.slice(0, 2)) await reply.event(type, payload);
        await reply.exception('modelStreamErrorException', 'boom');
        reply.end();
      });
      const r = await h.invoke(converseEvent({ output: 'ndjson' }));
      assert.equal(r.error?.name, 'ModelStreamErrorException');
      assert.equal(r.text, `${JSON.stringify({ text: DELTAS[0] })}\n`);
    });

    test('a connection reset mid-stream is not mistaken for a complete answer', async () => {
      reset(async (reply) => {
        await reply.chunk(ANTHROPIC.chunks[2]);
        reply.stream.close(http2InternalError);
      });
      const r = await h.invoke(nativeEvent(ANTHROPIC));
      // Depending on timing the SDK either surfaces the reset or ends the stream quietly.
      assert.ok(['StreamInterrupted', 'IncompleteStream'].includes(r.error?.name), r.error?.name);
      assert.match(r.error.message, /after \d+ bytes were streamed/);
      assert.equal(r.text, DELTAS[0]);
      assert.equal(r.endedByHandler, false);
    });
  });

  describe('incomplete streams', () => {
    for (const [name, events] of [
      ['native', (reply) => reply.chunk(ANTHROPIC.chunks[2])],
      ['converse', (reply) => reply.event(...CONVERSE.events[1])],
    ]) {
      test(`${name}: a stream that ends before the model's stop marker is an error`, async () => {
        reset(async (reply) => {
          await events(reply);
          reply.end();
        });
        const r = await h.invoke(name === 'native' ? nativeEvent(ANTHROPIC) : converseEvent());
        assert.equal(r.error?.name, 'IncompleteStream');
        assert.match(r.error.message, /ended before the model finished its answer, after \d+ bytes were streamed/);
        assert.equal(r.text, DELTAS[0]);
        assert.equal(r.endedByHandler, false);
      });
    }
  });

  describe('deadline', () => {
    test('aborts a Bedrock call that never answers, DEADLINE_MARGIN_MS before the timeout', async () => {
      reset(() => new Promise(() => {})); // stalls forever
      const started = Date.now();
      const r = await h.invoke(nativeEvent(ANTHROPIC), { remainingMs: 2000 + 300 });
      const took = Date.now() - started;
      assert.equal(r.error?.name, 'DeadlineExceeded');
      assert.match(r.error.message, /aborted 2000 ms before the function timeout, before the first byte/);
      assert.ok(took >= 250 && took < 1500, `aborted after ${took} ms`);
      assert.equal(r.endedByHandler, false);
    });

    test('aborts a stream that stalls after the first delta and keeps what was sent', async () => {
      reset(async (reply) => {
        for (const chunk of ANTHROPIC.chunks.slice(0, 3)) await reply.chunk(chunk);
        await new Promise(() => {});
      });
      const r = await h.invoke(nativeEvent(ANTHROPIC), { remainingMs: 2000 + 300 });
      assert.equal(r.error?.name, 'DeadlineExceeded');
      assert.match(r.error.message, /after \d+ bytes were streamed/);
      assert.equal(r.text, DELTAS[0]);
    });

    test("stops at the caller's deadline (deadlineMs) when it comes before its own", async () => {
      reset(async (reply) => {
        for (const chunk of ANTHROPIC.chunks.slice(0, 3)) await reply.chunk(chunk);
        await new Promise(() => {});
      });
      const started = Date.now();
      const r = await h.invoke(nativeEvent(ANTHROPIC, { deadlineMs: started + 400 }), { remainingMs: 10_000 });
      const took = Date.now() - started;
      assert.equal(r.error?.name, 'DeadlineExceeded');
      assert.match(r.error.message, /aborted at the caller's deadline \(deadlineMs\), after \d+ bytes were streamed/);
      assert.ok(took >= 350 && took < 1500, `aborted after ${took} ms`);
      assert.equal(r.text, DELTAS[0]);
      assert.equal(r.endedByHandler, false);
    });

    test('keeps its own deadline when the caller allows more time', async () => {
      reset(() => new Promise(() => {}));
      const started = Date.now();
      const r = await h.invoke(converseEvent({ deadlineMs: started + 60_000 }), { remainingMs: 2000 + 300 });
      const took = Date.now() - started;
      assert.equal(r.error?.name, 'DeadlineExceeded');
      assert.match(r.error.message, /aborted 2000 ms before the function timeout, before the first byte/);
      assert.ok(took >= 250 && took < 1500, `aborted after ${took} ms`);
    });

    test("fails at once when the caller's deadline has passed", async () => {
      reset((reply) => replayNative(reply, ANTHROPIC.chunks));
      const r = await h.invoke(nativeEvent(ANTHROPIC, { deadlineMs: Date.now() - 1 }));
      assert.equal(r.error?.name, 'DeadlineExceeded');
      assert.match(r.error.message, /the caller's deadline \(deadlineMs\) has already passed/);
      assert.equal(h.server.requests.length, 0);
    });

    test('fails at once when less time than the margin is left', async () => {
      reset((reply) => replayNative(reply, ANTHROPIC.chunks));
      const r = await h.invoke(nativeEvent(ANTHROPIC), { remainingMs: 1500 });
      assert.equal(r.error?.name, 'DeadlineExceeded');
      assert.equal(h.server.requests.length, 0);
    });
  });

  describe('backpressure', () => {
    test('a slow consumer gets every delta in order', async () => {
      const count = 300;
      const deltas = Array.from({ length: count }, (_, i) => `<${i}:${COMPLETION}>`);
      reset((reply) =>
        replayNative(reply, [
          ...deltas.map((text) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
          { type: 'message_stop' },
        ]),
      );
      const stream = h.collectingStream({ highWaterMark: 16, delayMs: 1 });
      const r = await h.invoke(nativeEvent(ANTHROPIC), { stream });
      assert.equal(r.error, undefined);
      assert.ok(r.writes.includes(false), 'write() should have returned false at some point');
      assert.equal(r.text, deltas.join(''));
    });
  });

  describe('the caller goes away', () => {
    // Bedrock keeps streaming (an endless answer) while the caller stops reading and then disconnects.
    for (const [how, destroy] of [
      ['closes the stream', (stream) => stream.destroy()],
      ['fails the stream', (stream) => stream.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))],
    ]) {
      test(`stops reading Bedrock and ends at once when the caller ${how} during backpressure`, async (t) => {
        const server = { sent: 0, sentAfter: 0, bytesAfter: 0, endedAt: undefined };
        let disconnectedAt;
        reset(async (reply) => {
          for (let i = 0; ; i++) {
            const chunk = { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: `<${i}:${COMPLETION}>` } };
            if (!(await reply.chunk(chunk))) break;
            server.sent += 1;
            if (disconnectedAt !== undefined) {
              server.sentAfter += 1;
              server.bytesAfter += JSON.stringify(chunk).length;
            }
          }
          server.endedAt = Date.now();
        });
        // A caller that stops reading: nothing written is ever acknowledged.
        let writes = 0;
        let writesAfter = 0;
        const stream = new Writable({
          highWaterMark: 64,
          write(_chunk, _enc, _cb) {},
        });
        const write = stream.write.bind(stream);
        stream.write = (...args) => {
          writes += 1;
          if (disconnectedAt !== undefined) writesAfter += 1;
          return write(...args);
        };
        const pending = h.invoke(nativeEvent(ANTHROPIC), { stream, remainingMs: 10_000 });
        for (let i = 0; i < 200 && !stream.writableNeedDrain; i++) await sleep(10);
        assert.ok(stream.writableNeedDrain, 'the handler should be waiting for drain');
        await sleep(200); // Bedrock fills the transport's buffers meanwhile
        const before = server.sent;
        disconnectedAt = Date.now();
        destroy(stream);
        const r = await pending;
        const handlerMs = Date.now() - disconnectedAt;
        for (let i = 0; i < 200 && server.endedAt === undefined; i++) await sleep(10);
        const bedrockMs = server.endedAt - disconnectedAt;
        t.diagnostic(`handler ended ${handlerMs} ms after the disconnect; the Bedrock stream closed after ${bedrockMs} ms; `
          + `Bedrock events sent before: ${before}, after: ${server.sentAfter} (${server.bytesAfter} bytes); handler writes after: ${writesAfter}`);

        assert.equal(r.error, undefined, 'nobody is left to receive an error');
        assert.ok(handlerMs < 500, `handler took ${handlerMs} ms after the disconnect`);
        assert.ok(bedrockMs < 500, `the Bedrock stream was released ${bedrockMs} ms after the disconnect`);
        assert.equal(writesAfter, 0, 'nothing is written to a stream the caller left');
        assert.ok(server.sentAfter <= 1, `Bedrock sent ${server.sentAfter} events after the disconnect`);
        const log = logLines().findLast((l) => l.message === 'invocation');
        assert.equal(log.outcome, 'caller-gone');
        assert.equal(log.level, 'WARN');
        assert.equal(log.chunks, writes, 'no Bedrock event is read after the disconnect');
        assert.equal(logLines().filter((l) => l.outcome === 'caller-gone' && l.requestId === log.requestId).length, 1);
      });
    }
  });

  describe('observability', () => {
    // The EMF documents written since `mark`, by the metric they carry.
    const emfSince = (mark) => logLines().slice(mark).filter((l) => l._aws);
    const emfWith = (docs, metric) => docs.find((d) => d._aws.CloudWatchMetrics[0].Metrics.some((m) => m.Name === metric));
    const definedUnits = new Map(METRICS.handler.metrics.map((m) => [m.name, m.unit]));

    test('one structured log line and one EMF document per invocation', async () => {
      reset((reply) => replayNative(reply, ANTHROPIC.chunks));
      const mark = logLines().length;
      const r = await h.invoke(nativeEvent(ANTHROPIC));
      assert.equal(r.error, undefined);
      const lines = logLines();
      const log = lines.findLast((l) => l.message === 'invocation');
      assert.equal(log.level, 'INFO');
      assert.equal(log.service, 'ml-stream');
      assert.match(log.requestId, /^test-req-\d+$/);
      assert.equal(log.function_request_id, log.requestId);
      assert.equal(log.modelId, ANTHROPIC.modelId);
      assert.equal(log.api, 'invoke');
      assert.equal(log.outcome, 'ok');
      assert.equal(log.chunks, DELTAS.length);
      assert.equal(log.bytes, Buffer.byteLength(TEXT));
      assert.equal(log.inputTokens, 12);
      assert.equal(log.outputTokens, 9);
      assert.equal(log.stopReason, 'end_turn');
      assert.equal(typeof log.timeToFirstDeltaMs, 'number');
      assert.equal(typeof log.durationMs, 'number');

      const docs = emfSince(mark);
      assert.equal(docs.length, 1, 'a successful invocation writes no Failures document');
      const [emf] = docs;
      assert.equal(emf._aws.CloudWatchMetrics[0].Namespace, 'MlStreamTest');
      assert.equal(emf.requestId, log.requestId);
      assert.equal(emf.modelId, ANTHROPIC.modelId);
      assert.equal(emf.Invocations, 1);
      assert.equal(emf.Errors, 0);
      assert.equal(emf.Chunks, DELTAS.length);
      assert.equal(emf.InputTokens, 12);
      assert.equal(emf.OutputTokens, 9);
    });

    test('a successful invocation emits exactly the metrics metrics.json defines, with their units and dimension sets', async () => {
      reset((reply) => replayNative(reply, ANTHROPIC.chunks));
      const mark = logLines().length;
      await h.invoke(nativeEvent(ANTHROPIC));
      const [emf] = emfSince(mark);
      const directive = emf._aws.CloudWatchMetrics[0];
      assert.deepEqual(directive.Dimensions, METRICS.handler.dimensionSets);
      assert.deepEqual(new Map(directive.Metrics.map((m) => [m.Name, m.Unit])), definedUnits);
      assert.equal(emf.service, METRICS.handler.service);
      assert.equal(emf.api, 'invoke');
    });

    test('failures are logged with outcome and error name only, and counted by error name', async () => {
      reset((reply) => reply.httpError(429, 'ThrottlingException', PROMPT));
      let mark = logLines().length;
      await h.invoke(nativeEvent(ANTHROPIC));
      const log = logLines().findLast((l) => l.message === 'invocation');
      assert.equal(log.level, 'ERROR');
      assert.equal(log.outcome, 'error');
      assert.equal(log.errorName, 'ThrottlingException');
      let docs = emfSince(mark);
      const emf = emfWith(docs, 'Errors');
      assert.equal(emf.Errors, 1);
      assert.equal(emf.errorName, 'ThrottlingException');
      const failure = emfWith(docs, METRICS.handler.failures.metric.name);
      assert.deepEqual(failure._aws.CloudWatchMetrics[0].Dimensions, [METRICS.handler.failures.dimensions]);
      assert.deepEqual(failure._aws.CloudWatchMetrics[0].Metrics,
        [{ Name: METRICS.handler.failures.metric.name, Unit: METRICS.handler.failures.metric.unit }]);
      assert.equal(failure._aws.CloudWatchMetrics[0].Namespace, 'MlStreamTest');
      assert.equal(failure.errorName, 'ThrottlingException');
      assert.equal(failure.Failures, 1);
      assert.equal(failure.service, METRICS.handler.service);

      mark = logLines().length;
      await h.invoke({ modelId: PROMPT, body: {} });
      const bad = logLines().findLast((l) => l.message === 'invocation');
      assert.equal(bad.level, 'WARN');
      assert.equal(bad.errorName, 'BadRequest');
      assert.equal(bad.modelId, undefined, 'a rejected modelId is not logged');
      docs = emfSince(mark);
      assert.equal(emfWith(docs, 'Failures').errorName, 'BadRequest');
      assert.equal(emfWith(docs, 'Invocations').modelId, 'none');
    });

    test('an error name outside metrics.json is counted under its catch-all, so the dimension stays bounded', async () => {
      reset((reply) => reply.httpError(409, 'ConflictException', PROMPT));
      const mark = logLines().length;
      await h.invoke(nativeEvent(ANTHROPIC));
      assert.equal(logLines().findLast((l) => l.message === 'invocation').errorName, 'ConflictException');
      const failure = emfWith(emfSince(mark), 'Failures');
      assert.equal(failure.errorName, METRICS.handler.failures.otherErrorName);
    });

    test('every error name the handler gives its own failures is in metrics.json', () => {
      const names = new Set(METRICS.handler.failures.errorNames.map((e) => e.name));
      for (const name of ['BadRequest', 'DeadlineExceeded', 'IncompleteStream', 'StreamInterrupted', 'InternalError']) {
        assert.ok(names.has(name), `${name} is missing from metrics.json`);
      }
      assert.ok(names.has(METRICS.handler.failures.otherErrorName), 'the catch-all is itself a listed name');
    });
  });
}

const http2InternalError = 2; // NGHTTP2_INTERNAL_ERROR
