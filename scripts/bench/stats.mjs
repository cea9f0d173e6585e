// Percentiles of latency samples.

/** The p-th percentile (nearest rank) of numbers, or null when there are none. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `{ step: { p50, p95 } }` over sign-in samples' `steps`, rounded to 0.1 ms. */
export function stepPercentiles(samples) {
  const result = {};
  for (const step of Object.keys(samples[0]?.steps ?? {})) {
    const values = samples.map((sample) => sample.steps[step]);
    result[step] = { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)) };
  }
  return result;
}

/** Rounds to one decimal. */
export function round(value, digits = 1) {
  return value === null ? null : Number(value.toFixed(digits));
}
