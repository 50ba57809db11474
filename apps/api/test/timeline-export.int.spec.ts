import { scriptedHistoryForTests, walkPages } from './read-model-history';
import { CSV_COLUMNS } from '../src/timeline/queries/list-timeline/timeline-export.format';

/** Splits RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('The timeline export', () => {
  const { api, history } = scriptedHistoryForTests();

  const exported = async (query: string) => {
    const answer = await api.request('GET', `/timeline/export?${query}`);
    expect(answer.status).toBe(200);
    return answer;
  };

  it('gives as CSV exactly the entries the paged API lists for the same filters, in its order', async () => {
    const { doetankA } = history().ids;
    for (const filters of [
      '',
      `doetank=${doetankA}`,
      'kind=gathering&order=oldest',
      'type=ResultShared&lang=en',
      'q=flexwerken%20deelde',
    ]) {
      const { items } = await walkPages(api, `/timeline?limit=3${filters ? `&${filters}` : ''}`);
      const answer = await exported(`format=csv${filters ? `&${filters}` : ''}`);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe(
        'attachment; filename="slimmernetwerk-timeline.csv"',
      );
      const [header, ...rows] = parseCsv(answer.body as string);
      expect(header).toEqual([...CSV_COLUMNS]);
      expect(rows.map((r) => r[0])).toEqual(items.map((i) => i.id));
      expect(rows.map((r) => r[CSV_COLUMNS.indexOf('summary')])).toEqual(
        items.map((i) => (/^[=+\-@]/.test(i.summary) ? `'${i.summary}` : i.summary)),
      );
      expect(rows.map((r) => r[CSV_COLUMNS.indexOf('themeIds')])).toEqual(
        items.map((i) => i.themeIds.join(';')),
      );
    }
  });

  it('gives as NDJSON each entry as the paged API gives it', async () => {
    const { items } = await walkPages(api, '/timeline?limit=4&kind=doetank');
    const answer = await exported('format=ndjson&kind=doetank');
    expect(answer.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (answer.body as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(items);
  });

  it('is CSV by default, an empty filter gives the header alone, and a bad parameter is a 400 before any row', async () => {
    expect((await exported('')).headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await exported('year=2030').then((a) => a.body)).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    for (const bad of ['format=xlsx', 'limit=5', 'cursor=abc', 'kind=nothing', 'type=EmailClaimed']) {
      const refused = await api.request('GET', `/timeline/export?${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
