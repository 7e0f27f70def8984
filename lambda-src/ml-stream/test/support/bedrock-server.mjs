// A local stand-in for bedrock-runtime that answers in the real wire format: HTTP/2 (the SDK's
// default transport for this client) carrying AWS event-stream messages built by the SDK's codec.
import http2 from 'node:http2';
import { once } from 'node:events';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value) => ({ type: 'string', value });
const CHUNK_HEADERS = { ':event-type': str('chunk'), ':message-type': str('event'), ':content-type': str('application/json') };

/** The wire bytes of an InvokeModelWithResponseStream `chunk` event carrying one native model chunk. */
export function encodeChunk(native) {
  const bytes = Buffer.from(JSON.stringify(native)).toString('base64');
  return codec.encode({ headers: CHUNK_HEADERS, body: fromUtf8(JSON.stringify({ bytes })) });
}

/** One streaming reply; every write waits for HTTP/2 flow control so large streams stay bounded. */
class Reply {
  #started = false;
  constructor(stream) {
    this.stream = stream;
  }

  start() {
    if (this.#started) return;
    this.#started = true;
    this.stream.respond({
      ':status': 200,
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': 'req-stream-1',
      'x-amzn-bedrock-content-type': 'application/json',
    });
  }

  #send(headers, body) {
    return this.encoded(codec.encode({ headers, body }));
  }

  /** Sends an event already encoded, e.g. by encodeChunk: a burst then measures the reader, not the encoder. */
  async encoded(message) {
    this.start();
    if (this.stream.destroyed || this.stream.closed) return false;
    if (!this.stream.write(message)) {
      // Plain listeners rather than once() with an AbortSignal: a burst waits here thousands of times, and the
      // mock shares the process (and its CPU) with the relay it measures.
      await new Promise((resolve) => {
        const done = () => {
          this.stream.off('drain', done).off('close', done);
          resolve();
        };
        this.stream.on('drain', done).on('close', done);
      });
    }
    return !this.stream.destroyed;
  }

  /** InvokeModelWithResponseStream `chunk` event carrying one native model chunk. */
  chunk(native) {
    return this.encoded(encodeChunk(native));
  }

  /** ConverseStream event (messageStart, contentBlockDelta, messageStop, metadata). */
  event(type, payload) {
    return this.#send(
      { ':event-type': str(type), ':message-type': str('event'), ':content-type': str('application/json') },
      fromUtf8(JSON.stringify(payload)),
    );
  }

  /** Modeled exception inside the stream, e.g. throttlingException or modelStreamErrorException. */
  exception(type, message) {
    return this.#send(
      { ':exception-type': str(type), ':message-type': str('exception'), ':content-type': str('application/json') },
      fromUtf8(JSON.stringify({ message })),
    );
  }

  /** Error answered before any stream, as the service does for throttling, bad input, access... */
  httpError(status, type, message) {
    this.#started = true;
    this.stream.respond({
      ':status': status,
      'content-type': 'application/json',
      'x-amzn-requestid': 'req-error-1',
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    });
    this.stream.end(JSON.stringify({ message }));
  }

  end() {
    this.start();
    if (!this.stream.destroyed) this.stream.end();
  }
}

/**
 * Starts the server. Set `server.respond = async (reply, request) => {...}` per test;
 * `server.requests` records what arrived (method, path, headers, parsed JSON body).
 */
export async function startBedrockServer() {
  const sessions = new Set();
  const h2 = http2.createServer();
  const server = {
    requests: [],
    respond: async (reply) => reply.end(),
    url: '',
    async close() {
      for (const s of sessions) s.destroy();
      await new Promise((resolve) => h2.close(resolve));
    },
  };
  h2.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  h2.on('stream', async (stream, headers) => {
    stream.on('error', () => {}); // the client aborting mid-stream is an expected case
    const parts = [];
    for await (const part of stream) parts.push(part);
    const raw = Buffer.concat(parts).toString();
    const request = {
      method: headers[':method'],
      path: decodeURIComponent(headers[':path']),
      headers,
      body: raw ? JSON.parse(raw) : undefined,
    };
    server.requests.push(request);
    try {
      await server.respond(new Reply(stream), request);
    } catch {
      stream.destroy();
    }
  });
  h2.listen(0, '127.0.0.1');
  await once(h2, 'listening');
  server.url = `http://127.0.0.1:${h2.address().port}`;
  return server;
}
