// Turns the invocation event into a validated Bedrock call description. Everything here runs
// before Bedrock is called. Error messages name the offending field but never echo its value,
// because values may be prompt text and the runtime logs thrown errors.

export class BadRequest extends Error {
  name = 'BadRequest';
}

// Output-length fields of the native request bodies, per model family.
const NATIVE_LIMIT_FIELDS = [
  ['max_tokens'], // Anthropic, Mistral, Cohere
  ['maxTokens'],
  ['max_gen_len'], // Meta Llama
  ['max_completion_tokens'], // OpenAI-compatible chat
  ['maxTokenCount'],
  ['textGenerationConfig', 'maxTokenCount'], // Amazon Titan Text
  ['inferenceConfig', 'maxTokens'],
  ['inferenceConfig', 'max_new_tokens'], // Amazon Nova
];

const CONVERSE_FIELDS = ['messages', 'system', 'inferenceConfig', 'additionalModelRequestFields'];
const OUTPUTS = new Set(['text', 'ndjson']);

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the input, so it is deliberately dropped.
    throw new BadRequest(`${what} is not valid JSON`);
  }
}

function checkLimits(obj, prefix, max) {
  for (const path of NATIVE_LIMIT_FIELDS) {
    let value = obj;
    for (const key of path) value = isObject(value) ? value[key] : undefined;
    if (value === undefined || value === null) continue;
    const field = [prefix, ...path].join('.');
    if (!Number.isInteger(value) || value < 1) throw new BadRequest(`${field} must be a positive integer`);
    if (value > max) throw new BadRequest(`${field} exceeds the limit of ${max} output tokens`);
  }
}

// Fields of the request that steer the relay and are never sent to Bedrock.
function relayOptions(request, output) {
  const { relayReasoning = false, deadlineMs } = request;
  if (typeof relayReasoning !== 'boolean') throw new BadRequest('relayReasoning must be true or false');
  if (relayReasoning && output !== 'ndjson') {
    throw new BadRequest('relayReasoning needs output "ndjson": text output carries the answer only');
  }
  if (deadlineMs !== undefined && (!Number.isSafeInteger(deadlineMs) || deadlineMs < 1)) {
    throw new BadRequest('deadlineMs must be a positive integer (epoch milliseconds)');
  }
  return { relayReasoning, deadlineMs };
}

/**
 * @returns {{api: 'invoke'|'converse', modelId: string, output: 'text'|'ndjson', relayReasoning: boolean,
 *   deadlineMs: number|undefined, input: object}} `input` is the Bedrock command input.
 */
export function parseRequest(event, config) {
  let request = event;
  let size;
  if (typeof event === 'string' || event instanceof Uint8Array) {
    size = Buffer.byteLength(event);
    if (size > config.maxRequestBytes) {
      throw new BadRequest(`request is ${size} bytes, over MAX_REQUEST_BYTES (${config.maxRequestBytes})`);
    }
    request = parseJson(typeof event === 'string' ? event : new TextDecoder().decode(event), 'request');
  }
  if (!isObject(request)) throw new BadRequest('request must be a JSON object');
  size ??= Buffer.byteLength(JSON.stringify(request));
  if (size > config.maxRequestBytes) {
    throw new BadRequest(`request is ${size} bytes, over MAX_REQUEST_BYTES (${config.maxRequestBytes})`);
  }

  const { modelId, body, output = 'text' } = request;
  if (modelId === undefined) throw new BadRequest('modelId is required');
  if (typeof modelId !== 'string') throw new BadRequest('modelId must be a string');
  if (!config.allowedModelIds.has(modelId)) {
    throw new BadRequest(`modelId is not allowed; allowed: ${[...config.allowedModelIds].join(', ')}`);
  }
  if (typeof output !== 'string' || !OUTPUTS.has(output)) throw new BadRequest('output must be "text" or "ndjson"');
  const options = relayOptions(request, output);

  const hasBody = body !== undefined;
  const hasMessages = request.messages !== undefined;
  if (hasBody && hasMessages) throw new BadRequest('body and messages are mutually exclusive');
  if (!hasBody && !hasMessages) throw new BadRequest('one of body (native request) or messages (Converse) is required');

  if (hasBody) {
    let nativeBody = body;
    let bytes;
    if (typeof body === 'string') {
      nativeBody = parseJson(body, 'body');
      bytes = body;
    }
    if (!isObject(nativeBody)) throw new BadRequest('body must be a JSON object or a string holding one');
    checkLimits(nativeBody, 'body', config.maxOutputTokens);
    return {
      api: 'invoke',
      modelId,
      output,
      ...options,
      input: {
        modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: Buffer.from(bytes ?? JSON.stringify(nativeBody)),
      },
    };
  }

  const { messages, system, inferenceConfig, additionalModelRequestFields } = request;
  if (!Array.isArray(messages)) throw new BadRequest('messages must be an array');
  if (system !== undefined && !Array.isArray(system)) throw new BadRequest('system must be an array');
  if (inferenceConfig !== undefined) {
    if (!isObject(inferenceConfig)) throw new BadRequest('inferenceConfig must be an object');
    const { maxTokens } = inferenceConfig;
    if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || maxTokens < 1)) {
      throw new BadRequest('inferenceConfig.maxTokens must be a positive integer');
    }
    if (maxTokens > config.maxOutputTokens) {
      throw new BadRequest(`inferenceConfig.maxTokens exceeds the limit of ${config.maxOutputTokens} output tokens`);
    }
  }
  if (additionalModelRequestFields !== undefined) {
    if (!isObject(additionalModelRequestFields)) throw new BadRequest('additionalModelRequestFields must be an object');
    checkLimits(additionalModelRequestFields, 'additionalModelRequestFields', config.maxOutputTokens);
  }
  const input = { modelId };
  for (const field of CONVERSE_FIELDS) if (request[field] !== undefined) input[field] = request[field];
  return { api: 'converse', modelId, output, ...options, input };
}
