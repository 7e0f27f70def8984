// Mimics what the Lambda Node.js runtime does around a streaming handler:
// - `awslambda.streamifyResponse` marks the handler and returns it;
// - the runtime calls handler(event, responseStream, context) and awaits it;
// - on success the handler must have ended the stream;
// - on rejection the runtime logs "Invoke Error", adds the error trailers and ends the stream
//   itself, so a handler that already ended the stream would lose the error.
import { Writable } from 'node:stream';

globalThis.awslambda = {
  streamifyResponse: (fn) => {
    fn.streaming = true;
    return fn;
  },
};

/** A response stream that collects what the handler wrote. */
export function collectingStream(options = {}) {
  const parts = [];
  const stream = new Writable({
    ...options,
    write(chunk, _enc, cb) {
      parts.push(chunk);
      if (options.delayMs) setTimeout(cb, options.delayMs);
      else cb();
    },
  });
  stream.text = () => Buffer.concat(parts).toString();
  return stream;
}

let seq = 0;

export function fakeContext(remainingMs = 60_000) {
  const deadline = Date.now() + remainingMs;
  seq += 1;
  return {
    awsRequestId: `test-req-${seq}`,
    functionName: 'ml-stream',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:ml-stream',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
}

/**
 * Runs one invocation the way the runtime would.
 * @returns {Promise<{text: string, error?: Error, endedByHandler: boolean, contentType?: string, writes: boolean[]}>}
 */
export async function invoke(handler, event, { stream = collectingStream(), remainingMs } = {}) {
  if (!handler.streaming) throw new Error('handler was not wrapped with awslambda.streamifyResponse');
  const result = { writes: [], endedByHandler: false };
  stream.setContentType = (type) => {
    if (result.writes.length > 0) throw new Error('Cannot set content-type, too late.');
    result.contentType = type;
  };
  const write = stream.write.bind(stream);
  stream.write = (...args) => {
    const ok = write(...args);
    result.writes.push(ok);
    return ok;
  };
  const end = stream.end.bind(stream);
  stream.end = (...args) => {
    result.endedByHandler = true;
    return end(...args);
  };
  // A stream the caller destroyed never finishes; it closes.
  const finished = new Promise((resolve) => {
    stream.on('finish', resolve);
    stream.on('close', resolve);
  });

  try {
    await handler(event, stream, fakeContext(remainingMs));
    await finished;
  } catch (error) {
    result.error = error;
    console.error(
      'Invoke Error',
      JSON.stringify({ errorType: error.name, errorMessage: error.message, stack: String(error.stack).split('\n') }),
    );
    if (!result.endedByHandler) {
      end();
      await finished;
    }
  }
  result.text = stream.text?.() ?? '';
  return result;
}
