// A reporter for node's test runner that writes one JSON line per finished test — its file, name,
// nesting, whether it passed, was skipped or cancelled — so scripts/test.mjs can check that every
// test file it handed over ran at least one test (see scripts/test-accounting.mjs).
//
//   node --test --test-reporter=./scripts/node-test-events.mjs --test-reporter-destination=events.jsonl …

/** @param {AsyncIterable<{ type: string, data: Record<string, any> }>} source */
export default async function* nodeTestEvents(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    yield `${JSON.stringify({
      file: data.file,
      name: data.name,
      nesting: data.nesting,
      suite: data.details?.type === 'suite',
      passed: event.type === 'test:pass',
      skipped: Boolean(data.skip || data.todo),
      failureType: data.details?.error?.failureType,
    })}\n`;
  }
}
