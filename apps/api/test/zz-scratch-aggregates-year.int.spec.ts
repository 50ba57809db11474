import { ApiHarness } from './api-harness';
import { ProblemDetailsFilter } from '../src/problem-details/problem-details.filter';

describe('year pipe (scratch)', () => {
  it('answers 400 for a bad year', async () => {
    const spy = jest.spyOn(ProblemDetailsFilter.prototype as any, 'catch');
    const api = await ApiHarness.start();
    try {
      for (const y of ['13', 'abc', '2013x', '1999']) {
        const a = await api.put(`/network-years/${y}/themes`, {
          themes: [{ themeId: '2013-x', title: 'x' }],
        });
        console.log(y, a.status, JSON.stringify(a.body));
      }
      console.log(String((spy.mock.calls[0]?.[0] as any)?.stack));
    } finally {
      await api.stop();
    }
  });
});
