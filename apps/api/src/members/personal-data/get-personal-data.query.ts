import { Query } from '@nestjs/cqrs';

/** What the network holds about a person, opened from their own stream. */
export interface PersonalDataResponse {
  memberId: string;
  /** Null once the member is forgotten. */
  name: string | null;
  email: string | null;
  /** True once the member is forgotten: their key is destroyed, the data is gone for good. */
  forgotten: boolean;
}

export class GetPersonalDataQuery extends Query<PersonalDataResponse> {
  constructor(readonly memberId: string) {
    super();
  }
}
