// Pulls the delta (and the stop reason / token usage, into `acc`) out of one stream event.
// Each function returns `{text}` or `{reasoning}` (a model's thinking, Claude `thinking_delta` or
// Converse `reasoningContent`), or undefined for events that carry neither.
// `acc.complete` records that the model's end-of-message marker arrived: the SDK ends the event
// stream quietly even when the connection is reset, so that marker is the only proof of completeness.

const str = (v) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v) => (typeof v === 'number' ? v : undefined);
const asText = (v) => (str(v) === undefined ? undefined : { text: v });
const asReasoning = (v) => (str(v) === undefined ? undefined : { reasoning: v });

function setUsage(acc, inputTokens, outputTokens) {
  acc.inputTokens = num(inputTokens) ?? acc.inputTokens;
  acc.outputTokens = num(outputTokens) ?? acc.outputTokens;
}

function setStop(acc, reason) {
  if (str(reason) === undefined) return;
  acc.stopReason = reason;
  acc.complete = true;
}

/** ConverseStream event as deserialized by the SDK; Amazon Nova's native chunks have the same shape. */
export function converseDelta(event, acc) {
  if (event.contentBlockDelta) {
    const delta = event.contentBlockDelta.delta;
    return asText(delta?.text) ?? asReasoning(delta?.reasoningContent?.text);
  }
  if (event.messageStop) {
    setStop(acc, event.messageStop.stopReason);
    acc.complete = true;
  }
  if (event.metadata?.usage) setUsage(acc, event.metadata.usage.inputTokens, event.metadata.usage.outputTokens);
  return undefined;
}

function anthropic(c, acc) {
  switch (c.type) {
    case 'content_block_delta':
      if (c.delta?.type === 'text_delta') return asText(c.delta.text);
      return c.delta?.type === 'thinking_delta' ? asReasoning(c.delta.thinking) : undefined;
    case 'message_start':
      setUsage(acc, c.message?.usage?.input_tokens, c.message?.usage?.output_tokens);
      return undefined;
    case 'message_stop':
      acc.complete = true;
      return undefined;
    case 'message_delta':
      setStop(acc, c.delta?.stop_reason);
      setUsage(acc, undefined, c.usage?.output_tokens);
      return undefined;
    default:
      return undefined;
  }
}

function choices(list, acc) {
  let text = '';
  for (const choice of list) {
    setStop(acc, choice.stop_reason ?? choice.finish_reason);
    // Mistral chat and OpenAI-compatible models stream `delta`; some Mistral versions send `message`.
    text += str(choice.delta?.content) ?? str(choice.message?.content) ?? str(choice.text) ?? '';
  }
  return str(text);
}

function cohere(c, acc) {
  setStop(acc, c.finish_reason);
  // Command R: only text-generation events carry new text; stream-end repeats the whole answer.
  if (c.event_type !== undefined) return c.event_type === 'text-generation' ? str(c.text) : undefined;
  return c.is_finished ? undefined : str(c.text);
}

/** One decoded native chunk of InvokeModelWithResponseStream, any supported model family. */
export function nativeDelta(c, acc) {
  let delta;
  let text;
  if (typeof c.type === 'string') delta = anthropic(c, acc);
  else if (c.contentBlockDelta || c.messageStop || c.metadata) delta = converseDelta(c, acc); // Amazon Nova
  else if ('outputText' in c) {
    // Amazon Titan Text
    setStop(acc, c.completionReason);
    setUsage(acc, c.inputTextTokenCount, c.totalOutputTextTokenCount);
    text = str(c.outputText);
  } else if ('generation' in c) {
    // Meta Llama
    setStop(acc, c.stop_reason);
    setUsage(acc, c.prompt_token_count, c.generation_token_count);
    text = str(c.generation);
  } else if (Array.isArray(c.outputs)) {
    // Mistral text completion
    text = choices(c.outputs, acc);
  } else if (Array.isArray(c.choices)) {
    text = choices(c.choices, acc);
  } else if ('event_type' in c || 'is_finished' in c) {
    text = cohere(c, acc);
  }
  // Bedrock appends these to the last chunk of every model; they are the billed token counts.
  const metrics = c['amazon-bedrock-invocationMetrics'];
  if (metrics) {
    setUsage(acc, metrics.inputTokenCount, metrics.outputTokenCount);
    acc.complete = true;
  }
  return delta ?? asText(text);
}
