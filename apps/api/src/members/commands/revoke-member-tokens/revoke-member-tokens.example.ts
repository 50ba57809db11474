import { commandExample, text } from '../../../testing/command-examples';
import type { RevokeMemberTokensRequestDto } from './revoke-member-tokens.request.dto';

export const EXAMPLE = commandExample<RevokeMemberTokensRequestDto>({
  body: { reason: 'Laptop verloren op het station.' },
  fields: { reason: text(1000) },
  required: [],
  access: async (f, self) => ({
    path: `/members/${await f.member(self)}/token-revocations`,
    body: {},
  }),
});
