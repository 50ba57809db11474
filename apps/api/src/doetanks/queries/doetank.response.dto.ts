import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOETANK_STAGES, type DoetankStage, RESULT_KINDS, type ResultKind } from '@app/contracts';
import { NEXT_CURSOR_DESCRIPTION } from '../../read-models/read-model-query.dto';

/** A Doetank in a list. All times are business times (ISO-8601, UTC). */
export class DoetankSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: [...DOETANK_STAGES], enumName: 'DoetankStage' }) stage!: DoetankStage;
  @ApiPropertyOptional() themeId?: string;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiPropertyOptional({ format: 'uuid' }) coachId?: string;
  @ApiPropertyOptional({ description: 'The organisation of its client, once it has one (no contact names).' })
  clientOrganisation?: string;
  @ApiProperty({ type: [String], description: 'Current members, in order of joining.' }) memberIds!: string[];
  @ApiProperty() resultCount!: number;
  @ApiProperty() lessonCount!: number;
  @ApiProperty() proposedAt!: string;
  @ApiPropertyOptional() startedAt?: string;
  @ApiPropertyOptional() concludedAt?: string;
  @ApiPropertyOptional() stoppedAt?: string;
  @ApiProperty({ description: 'The latest business time of any of its events.' }) lastActivityAt!: string;
}

export class DoetankPageDto {
  @ApiProperty({ type: [DoetankSummaryDto] }) items!: DoetankSummaryDto[];
  @ApiPropertyOptional({ description: NEXT_CURSOR_DESCRIPTION }) nextCursor?: string;
}

export class DoetankResultViewDto {
  @ApiProperty({ format: 'uuid' }) resultId!: string;
  @ApiProperty({ enum: [...RESULT_KINDS], enumName: 'ResultKind' }) kind!: ResultKind;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() link?: string;
  @ApiProperty({ format: 'uuid' }) sharedBy!: string;
  @ApiProperty() sharedAt!: string;
}

export class DoetankLessonViewDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() lesson!: string;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

export class DoetankClientDto {
  @ApiProperty() organisation!: string;
  @ApiPropertyOptional() contactName?: string;
}

/** `GET /doetanks/:doetankId`: everything the read model knows of a Doetank. */
export class DoetankDetailDto extends DoetankSummaryDto {
  @ApiProperty() problemStatement!: string;
  @ApiPropertyOptional({ type: DoetankClientDto }) client?: DoetankClientDto;
  @ApiProperty({ type: [String], description: 'Members who left (and did not rejoin).' })
  formerMemberIds!: string[];
  @ApiProperty({ type: [DoetankResultViewDto] }) results!: DoetankResultViewDto[];
  @ApiProperty({ type: [DoetankLessonViewDto] }) lessons!: DoetankLessonViewDto[];
  @ApiPropertyOptional() stopReason?: string;
  @ApiPropertyOptional() conclusion?: string;
}
