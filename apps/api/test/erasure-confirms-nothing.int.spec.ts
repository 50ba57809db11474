import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { emailHashOf } from '../src/members/email-hash';
import { canonicalJson } from '../src/idempotency/idempotency.interceptor';
import { ApiHarness, type HttpAnswer } from './api-harness';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every file under a directory, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

const isSqliteFile = (path: string) =>
  readFileSync(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';

const tablesOf = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((t) => t.name);

const withDatabase = <T>(path: string, work: (db: Database.Database) => T): T => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
};

/** Every row of every table of a SQLite file, as the text of its values. */
function rowsOf(path: string): { table: string; text: string }[] {
  return withDatabase(path, (db) =>
    tablesOf(db).flatMap((table) =>
      db
        .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
        .raw()
        .all()
        .map((values) => ({
          table,
          text: (values as unknown[])
            .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
            .join('\u0001'),
        })),
    ),
  );
}

/**
 * After erasure, someone with every file the system wrote and a guess of a forgotten member's name and e-mail
 * address cannot confirm the guess: no plain text, no unkeyed hash of either or of the join request (as the
 * idempotency records fingerprinted it), and no way from the address's claim stream (its name computed with the
 * key in the same database) to the member.
 */
describe('Erasure confirms nothing about the forgotten member', () => {
  let api: ApiHarness;
  const suffix = randomUUID().slice(0, 8);
  const person = (name: string, email: string) => {
    const memberId = randomUUID();
    return {
      memberId,
      name,
      email,
      joinBody: {
        memberId,
        name,
        email,
        organisation: 'Ministerie van BZK',
        sector: 'rijk',
        role: 'professional',
        occurredAt: '2013-01-10T09:00:00Z',
      },
      /** Who sent the JoinNetwork, as the fingerprint named them. */
      sender: '',
    };
  };
  // One joins herself, the other is registered by a coordinator: each request fingerprinted with its sender.
  const geertruida = person(`Geertruida Wijdemeer-${suffix}`, `g.wijdemeer.${suffix}@minbzk.example`);
  const bartholomeus = person(`Bartholomeus Zeegers-${suffix}`, `b.zeegers.${suffix}@minbzk.example`);
  const forgotten = [geertruida, bartholomeus];

  const ok = async (answer: Promise<HttpAnswer>, status = 200) => {
    const settled = await answer;
    if (settled.status !== status) throw new Error(`${settled.status} ${JSON.stringify(settled.body)}`);
    return settled;
  };

  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true' } });
    const { memberId, joinBody } = geertruida;
    geertruida.sender = `member:${memberId}`;
    bartholomeus.sender = `coordinator:${api.coordinatorId}`;
    const self = api.as('member', memberId);
    // Joins herself, then repeats the request (a retry): both with one Idempotency-Key.
    const joinKey = `join-${suffix}`;
    await ok(self.post('/members', joinBody, { 'idempotency-key': joinKey }), 201);
    const replay = await ok(self.post('/members', joinBody, { 'idempotency-key': joinKey }), 201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await ok(
      self.post(
        `/members/${memberId}/affiliation`,
        { organisation: 'Gemeente Den Haag', sector: 'gemeente', role: 'professional' },
        { 'idempotency-key': `affiliation-${suffix}` },
      ),
    );
    await ok(
      self.post(
        '/doetanks',
        {
          doetankId: randomUUID(),
          title: 'Minder formulieren',
          problemStatement: 'Hoe vragen we burgers minder?',
          proposedBy: memberId,
        },
        { 'idempotency-key': `doetank-${suffix}` },
      ),
      201,
    );
    await ok(api.post('/members', bartholomeus.joinBody, { 'idempotency-key': `register-${suffix}` }), 201);
    for (const member of forgotten) {
      await ok(
        api.post(`/members/${member.memberId}/forget`, { reason: 'Verzoek van betrokkene (AVG art. 17)' }),
      );
    }
    // Everything written to the files, then read the files as an attacker holding a copy would.
    await api.stop({ keepFiles: true });
  });
  afterAll(async () => {
    await api.stop();
  });

  const files = () => filesUnder(api.dir);
  const sqliteRows = () => files().filter(isSqliteFile).flatMap(rowsOf);

  /** What a guess of a member's name and address lets one compute without any key. */
  const unkeyed = () =>
    forgotten.flatMap(({ name, email, joinBody, sender }) =>
      Object.entries({
        name,
        email,
        'SHA-256 of the address': sha256(email),
        'SHA-256 of the normalised address': sha256(email.trim().toLowerCase()),
        'SHA-256 of the name': sha256(name),
        'the join request fingerprint': sha256(`POST /members ${sender} \n${canonicalJson(joinBody)}`),
      }).map(([what, value]) => [`${what} (${name})`, value] as const),
    );

  it('wrote the files it is searched in (events, read models, keys, idempotency records)', () => {
    const tables = new Set(
      files()
        .filter(isSqliteFile)
        .flatMap((file) => withDatabase(file, tablesOf)),
    );
    for (const table of ['app_secrets', 'personal_data_keys', 'idempotency_keys'])
      expect(tables).toContain(table);
    expect(files().filter(isSqliteFile).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps no plain text and no unkeyed hash of the name, the address or the join request, in any file', () => {
    const contents = files().map((file) => ({ file, bytes: readFileSync(file) }));
    const found = unkeyed().flatMap(([what, value]) =>
      contents
        .filter(({ bytes }) => bytes.includes(Buffer.from(value, 'utf8')))
        .map(({ file }) => `${what}: ${file}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps none of them in any row of any table', () => {
    const rows = sqliteRows();
    const found = unkeyed().flatMap(([what, value]) =>
      rows.filter((row) => row.text.includes(value)).map((row) => `${what}: ${row.table}`),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['who joined herself', geertruida],
    ['registered by a coordinator', bartholomeus],
  ])('does not lead from the address, with the key still in the database, to the member %s', (_, member) => {
    const rows = sqliteRows();
    const key = rows.find(
      (row) => row.table === 'app_secrets' && row.text.startsWith('email-hash-key\u0001'),
    );
    expect(key).toBeDefined();
    const claimHash = emailHashOf(key!.text.split('\u0001')[1], member.email);
    const claimRows = rows.filter((row) => row.text.includes(claimHash));
    // The claim stream exists (the address was claimed) ...
    expect(claimRows.length).toBeGreaterThan(0);
    // ... but none of its rows names the member,
    expect(claimRows.filter((row) => row.text.includes(member.memberId))).toEqual([]);
    // and no id in them (event, correlation, causation, key ids) is found beside the member id anywhere else.
    const claimIds = new Set(claimRows.flatMap((row) => row.text.match(UUID) ?? []));
    const linked = rows
      .filter((row) => row.text.includes(member.memberId))
      .flatMap((row) =>
        [...claimIds].filter((id) => row.text.includes(id)).map((id) => `${row.table}: ${id}`),
      );
    expect(linked).toEqual([]);
  });
});
