import { domainError } from '@app/domain';
import { PermanentStoreError, StoreTimeoutError, StoreUnavailableError } from '@app/resilience';
import { InvalidRequestError } from './invalid-request.error';
import { NotFoundError } from './not-found.error';
import { toProblem } from './problem-details.filter';

describe('toProblem', () => {
  it.each([
    ['invalid', 400, domainError('DOETANK.TITLE_REQUIRED', { doetankId: 'd-1' })],
    ['not-found', 404, domainError('DOETANK.NOT_FOUND', { id: 'd-1' })],
    ['not-allowed', 403, domainError('AUTH.NOT_DOETANK_LEAD', { doetankId: 'd-1', memberId: 'm-1' })],
    ['rule', 409, domainError('DOETANK.NO_COACH', { doetankId: 'd-1' })],
  ])('answers a domain refusal of category %s with %d', (_category, status, error) => {
    expect(toProblem(error, '/doetanks/d-1')).toEqual({
      type: `https://slimmernetwerk.nl/problems/${error.code.toLowerCase().replace(/[._]/g, '-')}`,
      title: expect.any(String),
      status,
      detail: error.message,
      instance: '/doetanks/d-1',
      code: error.code,
      details: error.params,
    });
  });

  it('answers an invalid request from a handler with 400 REQUEST.INVALID', () => {
    expect(toProblem(new InvalidRequestError('themeId x must start with a year'))).toMatchObject({
      status: 400,
      code: 'REQUEST.INVALID',
      detail: 'themeId x must start with a year',
    });
  });

  it("answers a query's own not-found with 404 and its code", () => {
    expect(
      toProblem(new NotFoundError('DOETANK.NO_SUCH_REVISION', 'Doetank d-1 has no revision 9')),
    ).toMatchObject({
      status: 404,
      code: 'DOETANK.NO_SUCH_REVISION',
      detail: 'Doetank d-1 has no revision 9',
    });
  });

  it('answers a store that is away or did not answer in time with 503 STORE.UNAVAILABLE, without its details', () => {
    for (const error of [
      new StoreUnavailableError('MongoDB', 'find', 'server selection timed out after 5000 ms'),
      new StoreTimeoutError('EventStoreDB', 'appendToStream', 10_000),
    ]) {
      const problem = toProblem(error);
      expect(problem).toMatchObject({ status: 503, code: 'STORE.UNAVAILABLE' });
      expect(problem.detail).not.toMatch(/MongoDB|EventStoreDB|selection/);
    }
  });

  it('answers a store failure that will not heal with 500, as any unexpected error', () => {
    expect(toProblem(new PermanentStoreError('MongoDB', 'applyBatch', 'document too large'))).toMatchObject({
      status: 500,
      code: 'INTERNAL',
    });
  });
});
