// One structured log line and one EMF metrics document per invocation. Only counters, timings,
// ids and error names are recorded: prompts and completions are customer data and never logged.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

// Service name, namespace and log level come from the standard POWERTOOLS_* variables.
const logger = new Logger();
const metrics = new Metrics();

const round = (ms) => (ms === undefined ? undefined : Math.round(ms * 10) / 10);

/**
 * @param {object} s invocation summary: requestId, modelId, api, outcome ('ok'|'error'|'caller-gone'), errorName,
 *   timeToFirstDeltaMs, durationMs, chunks, bytes, inputTokens, outputTokens
 */
export function report(s, context) {
  logger.addContext(context);
  // A caller that went away is not a failure of this function, but worth seeing.
  const level = s.outcome === 'ok' ? 'info' : s.outcome === 'caller-gone' || s.errorName === 'BadRequest' ? 'warn' : 'error';
  logger[level]('invocation', {
    ...s,
    timeToFirstDeltaMs: round(s.timeToFirstDeltaMs),
    durationMs: round(s.durationMs),
  });

  // modelId is only set once it passed the allow-list, which bounds the dimension's cardinality.
  metrics.addDimensions({ modelId: s.modelId ?? 'none', api: s.api ?? 'none' });
  metrics.addMetadata('requestId', s.requestId);
  if (s.errorName) metrics.addMetadata('errorName', s.errorName);
  metrics.addMetric('Invocations', MetricUnit.Count, 1);
  metrics.addMetric('Errors', MetricUnit.Count, s.outcome === 'error' ? 1 : 0);
  metrics.addMetric('Duration', MetricUnit.Milliseconds, round(s.durationMs));
  metrics.addMetric('Chunks', MetricUnit.Count, s.chunks);
  metrics.addMetric('ResponseBytes', MetricUnit.Bytes, s.bytes);
  if (s.timeToFirstDeltaMs !== undefined) {
    metrics.addMetric('TimeToFirstDelta', MetricUnit.Milliseconds, round(s.timeToFirstDeltaMs));
  }
  if (s.inputTokens !== undefined) metrics.addMetric('InputTokens', MetricUnit.Count, s.inputTokens);
  if (s.outputTokens !== undefined) metrics.addMetric('OutputTokens', MetricUnit.Count, s.outputTokens);
  metrics.publishStoredMetrics();
}
