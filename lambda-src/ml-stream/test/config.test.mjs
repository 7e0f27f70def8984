import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.mjs';

const base = {
  BEDROCK_REGION: 'us-east-1',
  ALLOWED_MODEL_IDS: 'anthropic.claude-3-haiku-20240307-v1:0, us.anthropic.claude-3-5-sonnet-20241022-v2:0',
};

describe('environment contract', () => {
  test('defaults', () => {
    const c = loadConfig(base);
    assert.equal(c.region, 'us-east-1');
    assert.deepEqual([...c.allowedModelIds], [
      'anthropic.claude-3-haiku-20240307-v1:0',
      'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
    ]);
    assert.equal(c.maxRequestBytes, 6291456);
    assert.equal(c.maxOutputTokens, 4096);
    assert.equal(c.deadlineMarginMs, 2000);
    assert.equal(c.endpoint, undefined);
  });

  test('overrides', () => {
    const c = loadConfig({
      ...base,
      BEDROCK_REGION: 'ap-southeast-1',
      ALLOWED_MODEL_IDS: 'amazon.titan-text-express-v1,arn:aws:bedrock:us-east-1:111111111111:application-inference-profile/abc123',
      MAX_REQUEST_BYTES: '1024',
      MAX_OUTPUT_TOKENS: '100',
      DEADLINE_MARGIN_MS: '0',
      BEDROCK_ENDPOINT: 'http://127.0.0.1:9999',
    });
    assert.equal(c.region, 'ap-southeast-1');
    assert.equal(c.allowedModelIds.size, 2);
    assert.equal(c.maxRequestBytes, 1024);
    assert.equal(c.maxOutputTokens, 100);
    assert.equal(c.deadlineMarginMs, 0);
    assert.equal(c.endpoint, 'http://127.0.0.1:9999/');
  });

  const bad = [
    [{ BEDROCK_REGION: undefined }, /BEDROCK_REGION is required/],
    [{ BEDROCK_REGION: 'US East' }, /BEDROCK_REGION must be an AWS region/],
    [{ ALLOWED_MODEL_IDS: '' }, /ALLOWED_MODEL_IDS is required/],
    [{ ALLOWED_MODEL_IDS: 'anthropic.claude-3-haiku-20240307-v1:0,,' }, /ALLOWED_MODEL_IDS has a malformed entry/],
    [{ ALLOWED_MODEL_IDS: 'claude 3' }, /ALLOWED_MODEL_IDS has a malformed entry: "claude 3"/],
    [{ MAX_REQUEST_BYTES: 'lots' }, /MAX_REQUEST_BYTES must be an integer >= 1/],
    [{ MAX_OUTPUT_TOKENS: '0' }, /MAX_OUTPUT_TOKENS must be an integer >= 1/],
    [{ DEADLINE_MARGIN_MS: '-5' }, /DEADLINE_MARGIN_MS must be an integer >= 0/],
    [{ BEDROCK_ENDPOINT: 'not a url' }, /BEDROCK_ENDPOINT must be an absolute http\(s\) URL/],
    [{ BEDROCK_ENDPOINT: 'ftp://example' }, /BEDROCK_ENDPOINT must be an absolute http\(s\) URL/],
  ];
  for (const [env, message] of bad) {
    test(`rejects ${JSON.stringify(env)}`, () => {
      assert.throws(() => loadConfig({ ...base, ...env }), (err) => err instanceof ConfigError && message.test(err.message));
    });
  }

  test('the handler module fails at init, before any invocation, when the contract is broken', () => {
    const shim = 'globalThis.awslambda = { streamifyResponse: (f) => f };';
    const entry = new URL('../src/index.mjs', import.meta.url).href;
    const { status, stderr } = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `${shim} await import(${JSON.stringify(entry)});`],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { PATH: process.env.PATH, ALLOWED_MODEL_IDS: base.ALLOWED_MODEL_IDS },
        encoding: 'utf8',
      },
    );
    assert.notEqual(status, 0);
    assert.match(stderr, /ConfigError: BEDROCK_REGION is required/);
  });
});
