// One structured log line and one EMF metrics document per invocation, plus one Failures document when it
// failed. Only counters, timings, ids and error names are recorded: prompts and completions are customer data and
// never logged. Metric names, units and dimensions come from ../metrics.json, which the Pulumi program's alarms
// and dashboards read too.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import definition from '../metrics.json' with { type: 'json' };

// Service name, namespace and log level come from the standard POWERTOOLS_* variables, which the program sets
// from the same file.
const logger = new Logger();
const metrics = new Metrics();

const { dimensionSets, failures } = definition.handler;
const UNITS = new Map(definition.handler.metrics.map((m) => [m.name, m.unit]));
const ERROR_NAMES = new Set(failures.errorNames.map((e) => e.name));
// Powertools adds the service as a default dimension to every set.
const DEFAULT_DIMENSION = 'service';

const round = (ms) => (ms === undefined ? undefined : Math.round(ms * 10) / 10);

/**
 * The error name as the Failures metric's dimension: a name outside the shared list (a new Bedrock exception, say)
 * counts as the list's catch-all, so the dimension has a known, bounded set of values and every one is watched.
 */
export function failureName(errorName) {
  return ERROR_NAMES.has(errorName) ? errorName : failures.otherErrorName;
}

function add(name, value) {
  const unit = UNITS.get(name);
  if (unit === undefined) throw new Error(`metric ${name} is not defined in metrics.json`);
  metrics.addMetric(name, unit, value);
}

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

  if (s.outcome === 'error') {
    const failure = metrics.singleMetric();
    failure.addDimension('errorName', failureName(s.errorName));
    failure.addMetric(failures.metric.name, failures.metric.unit, 1);
  }

  // modelId is only set once it passed the allow-list, which bounds the dimension's cardinality.
  const values = { modelId: s.modelId ?? 'none', api: s.api ?? 'none' };
  for (const set of dimensionSets) {
    metrics.addDimensions(Object.fromEntries(set.filter((d) => d !== DEFAULT_DIMENSION).map((d) => [d, values[d]])));
  }
  metrics.addMetadata('requestId', s.requestId);
  if (s.errorName) metrics.addMetadata('errorName', s.errorName);
  add('Invocations', 1);
  add('Errors', s.outcome === 'error' ? 1 : 0);
  add('Duration', round(s.durationMs));
  add('Chunks', s.chunks);
  add('ResponseBytes', s.bytes);
  if (s.timeToFirstDeltaMs !== undefined) add('TimeToFirstDelta', round(s.timeToFirstDeltaMs));
  if (s.inputTokens !== undefined) add('InputTokens', s.inputTokens);
  if (s.outputTokens !== undefined) add('OutputTokens', s.outputTokens);
  metrics.publishStoredMetrics();
}
