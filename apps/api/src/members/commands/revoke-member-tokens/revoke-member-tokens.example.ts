import { commandExample, EXAMPLE_IDS as ids, text } from '../../../testing/command-examples';
import type { RevokeMemberTokensRequestDto } from './revoke-member-tokens.request.dto';

/** `RevokeMemberTokens` in the tests: a valid request, the fields of its DTO, and a request the access matrix can send. */
export const EXAMPLE = commandExample<RevokeMemberTokensRequestDto>({
  command: 'RevokeMemberTokens',
  params: { memberId: ids.sanne },
  body: { reason: 'Laptop verloren op het station.' },
  fields: { reason: text(1000) },
  required: [],
  access: async (f, self) => ({
    path: `/members/${await f.member(self)}/token-revocations`,
    body: {},
  }),
});
