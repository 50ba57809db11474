/** The servers a production adapter's suite runs against, by the variable that names where one listens. */
const SERVERS = {
  EVENTSTOREDB_URL: 'an EventStoreDB server (`docker compose up -d eventstore`)',
  MONGODB_URL: 'a MongoDB replica set (`docker compose up -d mongo`)',
} as const;

/**
 * Runs `suite` with the server's URL where `variable` is set (`npm run test:production` starts the servers and
 * sets both), and otherwise reports it as not run, with the reason: this machine's embedded setup has no server
 * (and no Docker), and a skipped suite must never look like a pass. The line goes to stderr directly, as jest drops
 * the console output of a file whose tests are all skipped. See docs/production.md.
 *
 * ```ts
 * suiteOnServer('MONGODB_URL', 'MongoDB contract suite', 'runs the read store contract against MongoDB', (url) =>
 *   readStoreContract('MongoReadStore', () => MongoReadStore.connect(url, { dbName })),
 * );
 * ```
 */
export const suiteOnServer = (
  variable: keyof typeof SERVERS,
  name: string,
  whatItRuns: string,
  suite: (url: string) => void,
): void => {
  const url = process.env[variable];
  if (url) {
    suite(url);
    return;
  }
  const reason = `${variable} is not set: it needs ${SERVERS[variable]} (see docs/production.md)`;
  process.stderr.write(`${name} — not run: ${reason}\n`);
  describe.skip(`${name} — not run: ${reason}`, () => {
    it(whatItRuns, () => undefined);
  });
};

/**
 * The adapter a contract suite tests, opened afresh before each test and cleaned up after it:
 * `const subject = eachTestOpens(open)`, then `subject().store` inside the tests.
 */
export const eachTestOpens = <Subject extends { cleanup(): Promise<void> }>(
  open: () => Promise<Subject>,
): (() => Subject) => {
  let subject: Subject | undefined;
  beforeEach(async () => {
    subject = await open();
  });
  afterEach(async () => {
    await subject?.cleanup();
  });
  return () => {
    if (!subject) throw new Error('the adapter under test is opened before each test');
    return subject;
  };
};
