// A local stand-in for the Lambda service's InvokeWithResponseStream, in front of the real handler:
// POST /2021-11-15/functions/{fn}/response-streaming-invocations runs the handler under the
// response-streaming runtime shim (lambda-runtime.mjs) against the Bedrock mock, and frames every
// handler write as an event-stream `PayloadChunk`, then one `InvokeComplete` (with `ErrorCode` /
// `ErrorDetails` when the handler rejected), as Lambda does. Writes wait for the socket to drain,
// so a slow reader holds the handler back exactly as far as TCP and Node's buffers allow.
//
// `POST /` answers STS AssumeRole with fixed local credentials (the cold-start benchmark's STS_ENDPOINT).
//
// What the model answers is scripted by the prompt: the first user message's content is JSON
// {chunks, bytes, intervalMs, stamp, failAfter, failWith, cutAfter, cut}; see bedrockScript.
import http from 'node:http';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { loadHandler } from './load-handler.mjs';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value) => ({ type: 'string', value });
const INVOKE_PATH = /^\/2021-11-15\/functions\/[^/]+\/response-streaming-invocations$/;
// The ML function's own timeout (DESIGN.md: 300 s); the caller's deadlineMs usually comes first.
const FUNCTION_TIMEOUT_MS = 300_000;
const KEPT_RECORDS = 100;

const event = (type, contentType, body) =>
  codec.encode({
    headers: { ':event-type': str(type), ':message-type': str('event'), ':content-type': str(contentType) },
    body,
  });
const payloadChunk = (bytes) => event('PayloadChunk', 'application/octet-stream', bytes);
const invokeComplete = (error) =>
  event(
    'InvokeComplete',
    'application/json',
    fromUtf8(
      JSON.stringify(
        error
          ? { ErrorCode: error.name, ErrorDetails: JSON.stringify({ errorType: error.name, errorMessage: error.message }), LogResult: '' }
          : { LogResult: '' },
      ),
    ),
  );

const assumeRoleAnswer = () => `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<AssumeRoleResult><Credentials><AccessKeyId>ASIAE2ELOCALONLY</AccessKeyId><SecretAccessKey>e2e-secret-not-real</SecretAccessKey>
<SessionToken>e2e-session-token</SessionToken><Expiration>${new Date(Date.now() + 3_600_000).toISOString()}</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROAE2ELOCALONLY:app-invoker</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/ml-invoker/app-invoker</Arn></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>e2e-sts</RequestId></ResponseMetadata></AssumeRoleResponse>`;

/** The script a request carries in its prompt, or {} when the prompt is not one. */
export function scriptOf(body) {
  try {
    const script = JSON.parse(body?.messages?.[0]?.content);
    return script && typeof script === 'object' ? script : {};
  } catch {
    return {};
  }
}

// CLOCK_MONOTONIC in nanoseconds: on Linux the same clock as the JVM's System.nanoTime(), so a
// reader in another process can subtract it from its own reading without any clock offset.
const monotonicNanos = () => process.hrtime.bigint();

/**
 * Bedrock's side of a script: `chunks` Claude text deltas of `bytes` bytes each (`[i]` then `x`s,
 * or with `stamp` the send time (monotonic nanoseconds) then a space, then `x`s), `intervalMs` apart
 * (0: as fast as HTTP/2 flow control allows), then message_stop. `failAfter`: after that many
 * deltas, the in-stream exception `failWith` instead.
 */
export async function bedrockScript(reply, request) {
  const { chunks = 3, bytes = 16, intervalMs = 0, stamp = false, failAfter, failWith = 'modelStreamErrorException' } =
    scriptOf(request.body);
  for (let i = 0; i < chunks; i++) {
    if (i === failAfter) {
      await reply.exception(failWith, 'injected by the script');
      reply.end();
      return;
    }
    if (intervalMs > 0 && i > 0) await sleep(intervalMs);
    const head = stamp ? `${monotonicNanos()} ` : `[${i}]`;
    const text = head + 'x'.repeat(Math.max(0, bytes - head.length));
    if (!(await reply.chunk({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }))) return;
  }
  await reply.chunk({ type: 'message_stop' });
  reply.end();
}

/**
 * Starts Bedrock mock, handler and endpoint. `GET /records` answers {started, records}: how many
 * invocations began, and for the latest finished ones: n (1 for the first begun), outcome (`ok`, `error`, `cut`, `caller-gone`), errorName, chunks and bytes framed, handlerStalls
 * (handler writes that returned false, so the handler waited for drain), maxQueuedBytes (most bytes
 * waiting in the endpoint for the reader's socket), durationMs; receivedNs and firstWriteNs (monotonic nanoseconds, as
 * strings: the request's arrival and the first framed write), so a reader can tell its own share of the time to
 * first byte from the ML side's.
 */
export async function startLambdaEndpoint(moduleUrl) {
  const h = await loadHandler(moduleUrl, { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' });
  h.server.respond = bedrockScript;
  const records = [];
  let started = 0;

  async function invocation(req, res) {
    const receivedNs = String(monotonicNanos());
    const parts = [];
    for await (const part of req) parts.push(part);
    const raw = Buffer.concat(parts).toString();
    let payload;
    try {
      payload = JSON.parse(raw);
    } catch {
      payload = raw; // the handler itself answers BadRequest
    }
    const { cutAfter, cut = 'end' } = scriptOf(payload?.body);
    const startedAt = performance.now();
    started += 1;
    const record = { n: started, receivedNs, outcome: 'running', chunks: 0, bytes: 0, waitingForReader: false, readerStalls: 0, maxQueuedBytes: 0 };
    records.push(record);
    if (records.length > KEPT_RECORDS) records.shift();
    res.writeHead(200, {
      'Content-Type': 'application/vnd.amazon.eventstream',
      'X-Amz-Executed-Version': '$LATEST',
      'x-amzn-RequestId': `e2e-${record.n}`,
    });

    const stream = new Writable({
      write(chunk, _enc, cb) {
        if (record.chunks === cutAfter) {
          record.outcome = 'cut';
          // 'end': a clean end of the HTTP body without InvokeComplete; 'reset': the connection drops.
          if (cut === 'reset') res.socket.destroy();
          else res.end();
          cb(new Error('stream cut by the script'));
          return;
        }
        record.firstWriteNs ??= String(monotonicNanos());
        record.chunks += 1;
        record.bytes += chunk.length;
        const flushed = res.write(payloadChunk(chunk));
        record.maxQueuedBytes = Math.max(record.maxQueuedBytes, res.writableLength);
        if (flushed) cb();
        else {
          record.readerStalls += 1;
          record.waitingForReader = true;
          const done = new AbortController(); // removes the losing listener
          Promise.race([once(res, 'drain', { signal: done.signal }), once(res, 'close', { signal: done.signal })])
            .finally(() => {
              done.abort();
              record.waitingForReader = false;
            })
            .then(() => cb(), () => cb());
        }
      },
    });
    stream.on('error', () => {}); // cuts and departed readers are scripted or expected cases
    res.on('close', () => {
      if (!res.writableFinished) {
        if (record.outcome === 'running') record.outcome = 'caller-gone';
        stream.destroy();
      }
    });

    const r = await h.invoke(payload, { stream, remainingMs: FUNCTION_TIMEOUT_MS });
    record.handlerStalls = r.writes.filter((ok) => !ok).length;
    if (r.error) record.errorName = r.error.name;
    if (record.outcome === 'running') record.outcome = r.error ? 'error' : 'ok';
    if (!res.destroyed && !res.writableEnded) res.end(invokeComplete(r.error));
    record.durationMs = Math.round(performance.now() - startedAt);
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (req.method === 'POST' && INVOKE_PATH.test(path)) {
      invocation(req, res).catch((error) => {
        console.error('endpoint failure', error);
        res.destroy();
      });
    } else if (req.method === 'POST' && path === '/') {
      // STS AssumeRole (query protocol), so a reader started with STS_ENDPOINT pointing here runs its real
      // credential wiring too.
      req.resume().on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(assumeRoleAnswer()));
    } else if (req.method === 'GET' && path === '/records') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ started, records }));
    } else {
      res
        .writeHead(404, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ResourceNotFoundException' })
        .end(JSON.stringify({ Type: 'User', message: `No route for ${req.method} ${path}` }));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await h.server.close();
    },
  };
}
