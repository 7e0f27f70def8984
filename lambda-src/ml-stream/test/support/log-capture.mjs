// Captures everything written to stdout/stderr as text (the handler's Powertools logs and EMF, and
// the runtime shim's "Invoke Error" lines). The test runner's own reports are binary and pass through.
const captured = [];
for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (typeof chunk !== 'string') return original(chunk, ...rest);
    captured.push(chunk);
    if (process.env.SHOW_LOGS) original(chunk, ...rest);
    const callback = rest.find((r) => typeof r === 'function');
    if (callback) process.nextTick(callback);
    return true;
  };
}

export const logText = () => captured.join('');

/** Parsed JSON log lines (structured logs and EMF documents). */
export function logLines() {
  return logText()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}
