// The end-to-end path without the JVM: Bedrock mock -> real bundle (dist/index.mjs) under the
// response-streaming stand-in -> InvokeWithResponseStream endpoint on 127.0.0.1. Prints one line,
// {"url": "..."}, once it listens; the Java benchmark and tests start it and read that line.
// It exits when its stdin closes, so it never outlives the process that started it.
import { startLambdaEndpoint } from '../test/support/lambda-endpoint.mjs';

const endpoint = await startLambdaEndpoint(new URL('../dist/index.mjs', import.meta.url).href);
process.stdout.write(`${JSON.stringify({ url: endpoint.url })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await endpoint.close();
  process.exit(0);
});
