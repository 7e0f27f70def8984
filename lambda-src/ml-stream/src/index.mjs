// Streaming relay: validates the request, calls Bedrock's streaming API and writes each text delta
// to the Lambda response stream as soon as it arrives.
import { once } from 'node:events';
import {
  BedrockRuntimeClient,
  BedrockRuntimeServiceException,
  ConverseStreamCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { loadConfig } from './config.mjs';
import { BadRequest, parseRequest } from './request.mjs';
import { converseDelta, nativeDelta } from './extract.mjs';
import { report } from './telemetry.mjs';

export class DeadlineExceeded extends Error {
  name = 'DeadlineExceeded';
}

export class IncompleteStream extends Error {
  name = 'IncompleteStream';
}

// Created once per container so connections and credentials are reused across invocations.
const config = loadConfig();
const client = new BedrockRuntimeClient({ region: config.region, endpoint: config.endpoint });
const decoder = new TextDecoder();

const CONTENT_TYPES = { text: 'text/plain; charset=utf-8', ndjson: 'application/x-ndjson' };

// The runtime adds the error trailers and ends the stream itself when the handler rejects, so on
// failure the stream must be left open; the thrown error's name becomes InvokeComplete.ErrorCode.
// Messages carry names, counts and ids only: upstream messages can quote the prompt.
function failure(err, aborted, s) {
  if (err instanceof BadRequest || err instanceof DeadlineExceeded) return err;
  const where = s.bytes > 0 ? `after ${s.bytes} bytes were streamed` : 'before the first byte';
  if (aborted) {
    return new DeadlineExceeded(
      `Bedrock call aborted ${config.deadlineMarginMs} ms before the function timeout, ${where}`,
    );
  }
  if (err instanceof IncompleteStream) {
    return new IncompleteStream(`Bedrock stream ended before the model finished its answer, ${where}`);
  }
  if (err instanceof BedrockRuntimeServiceException || /Exception$/.test(err?.name)) {
    const status = err.$metadata?.httpStatusCode;
    const id = err.$metadata?.requestId;
    const out = new Error(
      `Bedrock returned ${err.name} ${where}` +
        (status ? ` (HTTP ${status}` + (id ? `, request id ${id})` : ')') : ''),
    );
    out.name = err.name;
    return out;
  }
  // Transport failures (HTTP/2 resets, socket errors, timeouts) on either side of the relay.
  if (typeof err?.code === 'string' || err?.name === 'TimeoutError') {
    const out = new Error(`stream interrupted (${err.code ?? err.name}) ${where}`);
    out.name = 'StreamInterrupted';
    return out;
  }
  const out = new Error(`stream relay failed with ${err?.name ?? typeof err} ${where}`);
  out.name = 'InternalError';
  return out;
}

export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  const started = performance.now();
  const s = { requestId: context.awsRequestId, outcome: 'ok', chunks: 0, bytes: 0 };
  const abort = new AbortController();
  const acc = {}; // stop reason, token usage and completeness, filled in by the extractors
  let timer;

  const write = async (text) => {
    s.bytes += Buffer.byteLength(text);
    if (!responseStream.write(text)) await once(responseStream, 'drain', { signal: abort.signal });
  };

  try {
    const req = parseRequest(event, config);
    s.modelId = req.modelId;
    s.api = req.api;

    const budget = context.getRemainingTimeInMillis() - config.deadlineMarginMs;
    if (budget <= 0) throw new DeadlineExceeded('not enough time left before the function timeout to call Bedrock');
    timer = setTimeout(() => abort.abort(), budget);

    responseStream.setContentType(CONTENT_TYPES[req.output]);
    const ndjson = req.output === 'ndjson';
    let events;
    if (req.api === 'invoke') {
      const res = await client.send(new InvokeModelWithResponseStreamCommand(req.input), { abortSignal: abort.signal });
      events = res.body;
    } else {
      const res = await client.send(new ConverseStreamCommand(req.input), { abortSignal: abort.signal });
      events = res.stream;
    }

    for await (const item of events) {
      let text;
      if (req.api === 'converse') text = converseDelta(item, acc);
      else if (item.chunk?.bytes) text = nativeDelta(JSON.parse(decoder.decode(item.chunk.bytes)), acc);
      if (text === undefined) continue;
      s.timeToFirstDeltaMs ??= performance.now() - started;
      s.chunks += 1;
      await write(ndjson ? `${JSON.stringify({ text })}\n` : text);
    }
    if (abort.signal.aborted || !acc.complete) throw new IncompleteStream();

    if (ndjson) {
      const usage = { inputTokens: acc.inputTokens ?? null, outputTokens: acc.outputTokens ?? null };
      await write(`${JSON.stringify({ stopReason: acc.stopReason ?? null, usage })}\n`);
    }
    responseStream.end();
  } catch (err) {
    const out = failure(err, abort.signal.aborted, s);
    s.outcome = 'error';
    s.errorName = out.name;
    throw out;
  } finally {
    clearTimeout(timer);
    s.durationMs = performance.now() - started;
    s.inputTokens = acc.inputTokens;
    s.outputTokens = acc.outputTokens;
    s.stopReason = acc.stopReason;
    report(s, context);
  }
});
