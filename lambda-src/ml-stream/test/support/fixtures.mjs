// Native request bodies and recorded-shape stream chunks for each supported model family.
// PROMPT and COMPLETION markers let the suite prove that neither ever reaches the logs.
export const PROMPT = 'PROMPT-MARKER-7f3a91';
export const COMPLETION = 'COMPLETION-MARKER-c42e07';

// Three deltas, one with multi-byte UTF-8, one carrying the completion marker.
export const DELTAS = ['Hello ', `${COMPLETION} `, 'wörld ✓ 🚀'];
export const TEXT = DELTAS.join('');

const metrics = (input, output) => ({
  'amazon-bedrock-invocationMetrics': {
    inputTokenCount: input,
    outputTokenCount: output,
    invocationLatency: 321,
    firstByteLatency: 123,
  },
});

export const FAMILIES = [
  {
    name: 'Anthropic Claude (messages API)',
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    body: {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 200,
      messages: [{ role: 'user', content: PROMPT }],
    },
    chunks: [
      { type: 'message_start', message: { role: 'assistant', usage: { input_tokens: 12, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      ...DELTAS.map((text) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 9 } },
      { type: 'message_stop', ...metrics(12, 9) },
    ],
    stopReason: 'end_turn',
    usage: { inputTokens: 12, outputTokens: 9 },
  },
  {
    name: 'Amazon Nova',
    modelId: 'us.amazon.nova-lite-v1:0',
    body: {
      schemaVersion: 'messages-v1',
      messages: [{ role: 'user', content: [{ text: PROMPT }] }],
      inferenceConfig: { max_new_tokens: 300 },
    },
    chunks: [
      { messageStart: { role: 'assistant' } },
      ...DELTAS.map((text) => ({ contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } })),
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
      { metadata: { usage: { inputTokens: 5, outputTokens: 7 } }, ...metrics(5, 7) },
    ],
    stopReason: 'end_turn',
    usage: { inputTokens: 5, outputTokens: 7 },
  },
  {
    name: 'Amazon Titan Text',
    modelId: 'amazon.titan-text-express-v1',
    body: { inputText: PROMPT, textGenerationConfig: { maxTokenCount: 256, temperature: 0 } },
    chunks: DELTAS.map((outputText, i) => ({
      outputText,
      index: 0,
      totalOutputTextTokenCount: i + 1,
      completionReason: i === DELTAS.length - 1 ? 'FINISH' : null,
      inputTextTokenCount: i === 0 ? 6 : undefined,
      ...(i === DELTAS.length - 1 ? metrics(6, 3) : {}),
    })),
    stopReason: 'FINISH',
    usage: { inputTokens: 6, outputTokens: 3 },
  },
  {
    name: 'Meta Llama',
    modelId: 'meta.llama3-8b-instruct-v1:0',
    body: { prompt: PROMPT, max_gen_len: 128, temperature: 0.5 },
    chunks: [
      ...DELTAS.map((generation, i) => ({
        generation,
        prompt_token_count: i === 0 ? 8 : null,
        generation_token_count: i + 1,
        stop_reason: null,
      })),
      { generation: '', prompt_token_count: null, generation_token_count: 4, stop_reason: 'stop', ...metrics(8, 4) },
    ],
    stopReason: 'stop',
    usage: { inputTokens: 8, outputTokens: 4 },
  },
  {
    name: 'Mistral (text completion)',
    modelId: 'mistral.mistral-7b-instruct-v0:2',
    body: { prompt: `<s>[INST] ${PROMPT} [/INST]`, max_tokens: 100 },
    chunks: [
      ...DELTAS.map((text) => ({ outputs: [{ text, stop_reason: null }] })),
      { outputs: [{ text: '', stop_reason: 'stop' }], ...metrics(10, 3) },
    ],
    stopReason: 'stop',
    usage: { inputTokens: 10, outputTokens: 3 },
  },
  {
    name: 'Mistral (chat)',
    modelId: 'mistral.mistral-large-2407-v1:0',
    body: { messages: [{ role: 'user', content: PROMPT }], max_tokens: 100 },
    chunks: [
      ...DELTAS.map((content) => ({
        id: 'x',
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: { role: 'assistant', content }, stop_reason: null }],
      })),
      { id: 'x', choices: [{ index: 0, delta: { content: '' }, stop_reason: 'stop' }], ...metrics(11, 3) },
    ],
    stopReason: 'stop',
    usage: { inputTokens: 11, outputTokens: 3 },
  },
  {
    name: 'Cohere Command R',
    modelId: 'cohere.command-r-v1:0',
    body: { message: PROMPT, max_tokens: 100 },
    chunks: [
      { is_finished: false, event_type: 'stream-start', generation_id: 'g1' },
      ...DELTAS.map((text) => ({ is_finished: false, event_type: 'text-generation', text })),
      // stream-end repeats the full answer; it must not be written twice.
      {
        is_finished: true,
        event_type: 'stream-end',
        finish_reason: 'COMPLETE',
        response: { text: DELTAS.join('') },
        ...metrics(9, 3),
      },
    ],
    stopReason: 'COMPLETE',
    usage: { inputTokens: 9, outputTokens: 3 },
  },
  {
    name: 'Cohere Command (text generation)',
    modelId: 'cohere.command-text-v14',
    body: { prompt: PROMPT, max_tokens: 100, stream: true },
    chunks: [
      ...DELTAS.map((text) => ({ text, is_finished: false })),
      { is_finished: true, finish_reason: 'COMPLETE', ...metrics(7, 3) },
    ],
    stopReason: 'COMPLETE',
    usage: { inputTokens: 7, outputTokens: 3 },
  },
];

export const CONVERSE = {
  name: 'ConverseStream',
  modelId: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
  request: {
    messages: [{ role: 'user', content: [{ text: PROMPT }] }],
    system: [{ text: 'Be brief.' }],
    inferenceConfig: { maxTokens: 512, temperature: 0.2 },
  },
  events: [
    ['messageStart', { role: 'assistant' }],
    ...DELTAS.map((text) => ['contentBlockDelta', { delta: { text }, contentBlockIndex: 0 }]),
    ['contentBlockStop', { contentBlockIndex: 0 }],
    ['messageStop', { stopReason: 'end_turn' }],
    ['metadata', { usage: { inputTokens: 14, outputTokens: 6, totalTokens: 20 }, metrics: { latencyMs: 250 } }],
  ],
  stopReason: 'end_turn',
  usage: { inputTokens: 14, outputTokens: 6 },
};

export const ALLOWED_MODEL_IDS = [...FAMILIES.map((f) => f.modelId), CONVERSE.modelId];

// A model's thinking, streamed before its answer: Claude `thinking_delta` (native) and Converse
// `reasoningContent`. It carries the completion marker: reasoning is customer data like the answer.
export const REASONING = ['Weighing the question. ', `${COMPLETION} considered.`];

export const THINKING = {
  native: [
    { type: 'message_start', message: { role: 'assistant', usage: { input_tokens: 12, output_tokens: 1 } } },
    { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
    ...REASONING.map((thinking) => ({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking } })),
    { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'c2lnbmF0dXJl' } },
    { type: 'content_block_stop', index: 0 },
    { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
    ...DELTAS.map((text) => ({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text } })),
    { type: 'content_block_stop', index: 1 },
    { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 30 } },
    { type: 'message_stop', ...metrics(12, 30) },
  ],
  converse: [
    ['messageStart', { role: 'assistant' }],
    ...REASONING.map((text) => ['contentBlockDelta', { delta: { reasoningContent: { text } }, contentBlockIndex: 0 }]),
    ['contentBlockDelta', { delta: { reasoningContent: { signature: 'c2lnbmF0dXJl' } }, contentBlockIndex: 0 }],
    ['contentBlockStop', { contentBlockIndex: 0 }],
    ...DELTAS.map((text) => ['contentBlockDelta', { delta: { text }, contentBlockIndex: 1 }]),
    ['contentBlockStop', { contentBlockIndex: 1 }],
    ['messageStop', { stopReason: 'end_turn' }],
    ['metadata', { usage: { inputTokens: 14, outputTokens: 30, totalTokens: 44 }, metrics: { latencyMs: 250 } }],
  ],
};
