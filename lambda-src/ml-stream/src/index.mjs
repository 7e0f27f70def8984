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
function failure(err, stop, s) {
  if (err instanceof BadRequest || err instanceof DeadlineExceeded) return err;
  const where = s.bytes > 0 ? `after ${s.bytes} bytes were streamed` : 'before the first byte';
  if (stop === 'function-deadline') {
    return new DeadlineExceeded(
      `Bedrock call aborted ${config.deadlineMarginMs} ms before the function timeout, ${where}`,
    );
  }
  if (stop === 'caller-deadline') {
    return new DeadlineExceeded(`Bedrock call aborted at the caller's deadline (deadlineMs), ${where}`);
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

// A response stream that closes or fails before the handler ended it means the caller went away
// (disconnect, its own timeout): nobody reads what Bedrock still produces, so the call is abandoned.
// The error listener stays for the stream's life: a late error with no listener would crash the process.
function watchCaller(responseStream, onGone) {
  const gone = () => {
    if (!responseStream.writableFinished) onGone();
  };
  responseStream.on('error', gone);
  responseStream.once('close', gone);
  if (responseStream.destroyed) onGone();
  return () => responseStream.off('close', gone);
}

export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  const started = performance.now();
  const s = { requestId: context.awsRequestId, outcome: 'ok', chunks: 0, bytes: 0 };
  const abort = new AbortController();
  const acc = {}; // stop reason, token usage and completeness, filled in by the extractors
  let stop; // why the Bedrock call was aborted: 'function-deadline', 'caller-deadline' or 'caller-gone'
  const stopWith = (reason) => {
    stop ??= reason;
    abort.abort();
  };
  let timer;
  const unwatch = watchCaller(responseStream, () => stopWith('caller-gone'));

  // Per chunk only what must be: one UTF-8 encoding (its length is the byte count) and the write. A promise to
  // await only when the stream pushes back, since an await per chunk costs the relay a microtask turn each.
  const { signal } = abort;
  const write = (text) => {
    if (signal.aborted) throw signal.reason;
    const bytes = Buffer.from(text);
    s.bytes += bytes.length;
    return responseStream.write(bytes) ? undefined : once(responseStream, 'drain', { signal });
  };

  try {
    const req = parseRequest(event, config);
    s.modelId = req.modelId;
    s.api = req.api;

    // The earlier of this function's own deadline (less the margin) and the caller's.
    const own = context.getRemainingTimeInMillis() - config.deadlineMarginMs;
    const caller = req.deadlineMs === undefined ? Infinity : req.deadlineMs - Date.now();
    if (own <= 0) throw new DeadlineExceeded('not enough time left before the function timeout to call Bedrock');
    if (caller <= 0) throw new DeadlineExceeded("the caller's deadline (deadlineMs) has already passed");
    timer = setTimeout(() => stopWith(caller < own ? 'caller-deadline' : 'function-deadline'), Math.min(own, caller));

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
      let delta;
      if (req.api === 'converse') delta = converseDelta(item, acc);
      else if (item.chunk?.bytes) delta = nativeDelta(JSON.parse(decoder.decode(item.chunk.bytes)), acc);
      if (delta === undefined) continue;
      if (delta.reasoning !== undefined) {
        // Reasoning is only relayed as its own ndjson event, and only when the request asked for it.
        if (!req.relayReasoning) continue;
        s.reasoningChunks = (s.reasoningChunks ?? 0) + 1;
        const drained = write(`${JSON.stringify({ reasoning: delta.reasoning })}\n`);
        if (drained) await drained;
        continue;
      }
      s.timeToFirstDeltaMs ??= performance.now() - started;
      s.chunks += 1;
      const drained = write(ndjson ? `${JSON.stringify({ text: delta.text })}\n` : delta.text);
      if (drained) await drained;
    }
    if (abort.signal.aborted || !acc.complete) throw new IncompleteStream();

    if (ndjson) {
      const usage = { inputTokens: acc.inputTokens ?? null, outputTokens: acc.outputTokens ?? null };
      await write(`${JSON.stringify({ stopReason: acc.stopReason ?? null, usage })}\n`);
    }
    responseStream.end();
  } catch (err) {
    if (stop === 'caller-gone') {
      // Nobody is left to receive an error: the invocation ends quietly, and its log line says why.
      s.outcome = 'caller-gone';
      return;
    }
    const out = failure(err, stop, s);
    s.outcome = 'error';
    s.errorName = out.name;
    throw out;
  } finally {
    clearTimeout(timer);
    unwatch();
    s.durationMs = performance.now() - started;
    s.inputTokens = acc.inputTokens;
    s.outputTokens = acc.outputTokens;
    s.stopReason = acc.stopReason;
    report(s, context);
  }
});
