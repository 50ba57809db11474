import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DOETANKS_COLLECTION, type DoetankDocument } from '@app/contracts';
import { type DoetankDetailDto } from '../doetank.response.dto';
import { getShown, ReadModelHandler } from '../../../read-models/read-page';
import { doetankNotFound } from '../doetank-not-found';
import { GetDoetankQuery } from './get-doetank.query';

@QueryHandler(GetDoetankQuery)
export class GetDoetankHandler extends ReadModelHandler implements IQueryHandler<GetDoetankQuery> {
  async execute({ doetankId }: GetDoetankQuery): Promise<DoetankDetailDto> {
    const doetank = await getShown<DoetankDocument>(
      this.store,
      DOETANKS_COLLECTION,
      doetankId,
      doetankNotFound,
    );
    // The search keys are the store's way to find the title, not something to show.
    const { titleKeys: _keys, ...shown } = doetank;
    return shown;
  }
}
