import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  GATHERING_STATUSES,
  type GatheringStatus,
  GATHERING_KINDS,
  type GatheringKind,
} from '@app/contracts';
import { PagedQueryDto } from '../../../read-models/read-model-query.dto';
import { IsFourDigitYear } from '../../../shared/year';

/** `GET /gatherings`: Cafés, Grand Cafés and Masterclasses, latest start first. */
export class GatheringsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: [...GATHERING_KINDS], enumName: 'GatheringKind' })
  @IsOptional()
  @IsIn(GATHERING_KINDS)
  kind?: GatheringKind;

  @ApiPropertyOptional({ description: 'Year of its start (UTC).', type: 'integer', example: 2012 })
  @IsOptional()
  @IsFourDigitYear()
  year?: number;

  @ApiPropertyOptional({ enum: [...GATHERING_STATUSES], enumName: 'GatheringStatus' })
  @IsOptional()
  @IsIn(GATHERING_STATUSES)
  status?: GatheringStatus;
}
