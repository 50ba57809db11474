import { BadRequestException, Inject } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  InvalidCursorError,
  READ_STORE,
  ReadStoreValidationError,
  type CollectionRef,
  type Filter,
  type Page,
  type ReadDocument,
  type FieldCondition,
  type ReadStore,
  type SortField,
} from '@app/read-store';
import { PREFIX_END, searchKey } from '@app/projections';

/** A query handler that answers from the read models: the read store, injected here once for all of them. */
export abstract class ReadModelHandler {
  constructor(@Inject(READ_STORE) protected readonly store: ReadStore) {}
}

export interface PageRequest {
  filter: Filter;
  /** The sort the filter's index declares, so the page is one index range. */
  sort: readonly SortField[];
  limit: number;
  cursor?: string;
}

/** A cursor the API cannot use: 400, never 500. */
export const invalidCursor = (reason: string) =>
  new BadRequestException({
    message: `Invalid cursor: ${reason}. Pass the nextCursor of the previous page unchanged, with the same filters, or start again without a cursor`,
    code: 'CURSOR.INVALID',
  });

/** Identifies a listing (collection, filter, sort) inside its cursors: `<tag>.<read-store cursor>`. */
const listingTag = (collection: CollectionRef, filter: Filter, sort: readonly SortField[]): string =>
  createHash('sha256')
    .update(JSON.stringify([collection, filter, sort]))
    .digest('base64url')
    .slice(0, 12);

/**
 * One page of a keyset-paginated listing. The read store's cursor already refuses another sort; the API's cursor
 * also names the collection and filter it was made for, so a cursor reused with other filters (which the store
 * would silently accept, and answer with a wrong page) or on another listing is a 400 with a clear message. Query
 * errors of the store become 400s as well: they can only come from the request's values.
 */
export async function findPage<T extends ReadDocument>(
  store: ReadStore,
  collection: CollectionRef,
  request: PageRequest,
): Promise<Page<T>> {
  const tag = listingTag(collection, request.filter, request.sort);
  let after: string | undefined;
  if (request.cursor !== undefined) {
    const dot = request.cursor.indexOf('.');
    if (dot < 0) throw invalidCursor('not a cursor of this API');
    if (request.cursor.slice(0, dot) !== tag) {
      throw invalidCursor('it belongs to another listing or to other filters');
    }
    after = request.cursor.slice(dot + 1);
  }
  let page: Page<T>;
  try {
    page = await store.find<T>(collection, {
      filter: request.filter,
      sort: request.sort,
      limit: request.limit,
      after,
    });
  } catch (error) {
    if (error instanceof InvalidCursorError)
      throw invalidCursor(error.message.replace(/^Invalid cursor: /, ''));
    if (error instanceof ReadStoreValidationError) {
      throw new BadRequestException({ message: error.message, code: 'QUERY.INVALID' });
    }
    throw error;
  }
  return {
    items: page.items,
    ...(page.nextCursor !== undefined && { nextCursor: `${tag}.${page.nextCursor}` }),
  };
}

/** A listing's page as the API answers it: each document as `show` makes it, and the next page's cursor. */
export async function listPage<T extends ReadDocument, Item>(
  store: ReadStore,
  collection: CollectionRef,
  request: PageRequest,
  show: (document: T) => Item,
): Promise<{ items: Item[]; nextCursor?: string }> {
  const page = await findPage<T>(store, collection, request);
  return {
    items: page.items.map(show),
    ...(page.nextCursor !== undefined && { nextCursor: page.nextCursor }),
  };
}

/** Search keys that start with what someone typed (`gem z`), along a multikey index of them: a typeahead. */
export const startsWith = (typed: string): FieldCondition => ({
  $gte: searchKey(typed),
  $lt: searchKey(typed) + PREFIX_END,
});

/** One document by id, without the projection's bookkeeping; `notFound` (the domain's 404) when there is none. */
export async function getShown<T extends ReadDocument & { lastEventPosition: number }>(
  store: ReadStore,
  collection: CollectionRef,
  id: string,
  notFound: (id: string) => Error,
): Promise<Omit<T, 'lastEventPosition'>> {
  const document = await store.get<T>(collection, id);
  if (document === undefined) throw notFound(id);
  return withoutBookkeeping(document);
}

/** The fields `keys` of a document that are set, in that order: what a summary of it shows. */
export const shownFields = <T extends object, K extends keyof T>(
  document: T,
  keys: readonly K[],
): Pick<T, K> =>
  Object.fromEntries(
    keys.filter((key) => document[key] !== undefined).map((key) => [key, document[key]]),
  ) as Pick<T, K>;

/** Drops the projection's bookkeeping field from a document before it is shown. */
export const withoutBookkeeping = <T extends { lastEventPosition: number }>({
  lastEventPosition: _position,
  ...rest
}: T): Omit<T, 'lastEventPosition'> => rest;
