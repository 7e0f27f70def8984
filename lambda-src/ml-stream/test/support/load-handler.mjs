// Starts the fake Bedrock server, sets the environment contract the way the Pulumi program does,
// and only then imports the handler (it reads its environment at module init).
import { invoke, collectingStream } from './lambda-runtime.mjs';
import { startBedrockServer } from './bedrock-server.mjs';
import { ALLOWED_MODEL_IDS } from './fixtures.mjs';

export async function loadHandler(moduleUrl, env = {}) {
  const server = await startBedrockServer();
  Object.assign(process.env, {
    BEDROCK_REGION: 'us-east-1',
    BEDROCK_ENDPOINT: server.url,
    ALLOWED_MODEL_IDS: ALLOWED_MODEL_IDS.join(','),
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLETESTONLY',
    AWS_SECRET_ACCESS_KEY: 'test-secret-not-real',
    // Keep any developer's ~/.aws files out of the picture.
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    POWERTOOLS_SERVICE_NAME: 'ml-stream',
    POWERTOOLS_METRICS_NAMESPACE: 'MlStreamTest',
    // The most verbose level: no prompt or completion text may appear even here.
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    ...env,
  });
  const { handler } = await import(moduleUrl);
  return { server, handler, invoke: (event, opts) => invoke(handler, event, opts), collectingStream };
}
