// Reads the environment contract once per container. Any problem throws at module init so a
// misconfigured deployment fails on its first cold start instead of on a customer request.

export class ConfigError extends Error {
  name = 'ConfigError';
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
// Foundation-model ids (anthropic.claude-3-haiku-20240307-v1:0), cross-region inference-profile ids
// (us.anthropic...), and Bedrock ARNs (application inference profiles, provisioned throughput).
const MODEL_ID = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+(:[a-z0-9]+)*$/;
const MODEL_ARN = /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]*:\d{0,12}:[a-z-]+\/[A-Za-z0-9._:/-]+$/;

function integer(env, name, fallback, min) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw new ConfigError(`${name} must be an integer >= ${min}`);
  }
  return Number(raw);
}

export function loadConfig(env = process.env) {
  const region = env.BEDROCK_REGION?.trim();
  if (!region) throw new ConfigError('BEDROCK_REGION is required (e.g. us-east-1)');
  if (!REGION.test(region)) throw new ConfigError('BEDROCK_REGION must be an AWS region name like us-east-1');

  const rawIds = env.ALLOWED_MODEL_IDS?.trim();
  if (!rawIds) throw new ConfigError('ALLOWED_MODEL_IDS is required (comma-separated model or inference-profile ids)');
  const ids = rawIds.split(',').map((id) => id.trim());
  const bad = ids.find((id) => !MODEL_ID.test(id) && !MODEL_ARN.test(id));
  if (bad !== undefined) {
    throw new ConfigError(`ALLOWED_MODEL_IDS has a malformed entry: "${bad}"`);
  }

  let endpoint;
  if (env.BEDROCK_ENDPOINT) {
    try {
      endpoint = new URL(env.BEDROCK_ENDPOINT);
    } catch {
      throw new ConfigError('BEDROCK_ENDPOINT must be an absolute http(s) URL');
    }
    if (!['http:', 'https:'].includes(endpoint.protocol)) {
      throw new ConfigError('BEDROCK_ENDPOINT must be an absolute http(s) URL');
    }
  }

  return Object.freeze({
    region,
    allowedModelIds: new Set(ids),
    // What a synchronous invocation (and InvokeWithResponseStream) accepts as its request payload: 6 MB.
    maxRequestBytes: integer(env, 'MAX_REQUEST_BYTES', 6291456, 1),
    maxOutputTokens: integer(env, 'MAX_OUTPUT_TOKENS', 4096, 1),
    deadlineMarginMs: integer(env, 'DEADLINE_MARGIN_MS', 2000, 0),
    endpoint: endpoint?.href,
  });
}
