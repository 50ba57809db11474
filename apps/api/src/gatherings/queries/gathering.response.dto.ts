import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GATHERING_STATUSES,
  type GatheringStatus,
  GATHERING_KINDS,
  type GatheringKind,
} from '@app/contracts';
import { NEXT_CURSOR_DESCRIPTION } from '../../read-models/read-model-query.dto';

/** A gathering in a list. */
export class GatheringSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [...GATHERING_KINDS], enumName: 'GatheringKind' }) kind!: GatheringKind;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'ISO-8601 (UTC).' }) startsAt!: string;
  @ApiProperty() year!: number;
  @ApiProperty() venue!: string;
  @ApiPropertyOptional() city?: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({ enum: [...GATHERING_STATUSES], enumName: 'GatheringStatus' }) status!: GatheringStatus;
  @ApiProperty() registeredCount!: number;
  @ApiProperty({ description: 'Attendees recorded when it was held.' }) attendedCount!: number;
  @ApiPropertyOptional() heldOn?: string;
  @ApiPropertyOptional() cancelReason?: string;
}

export class GatheringPageDto {
  @ApiProperty({ type: [GatheringSummaryDto] }) items!: GatheringSummaryDto[];
  @ApiPropertyOptional({ description: NEXT_CURSOR_DESCRIPTION }) nextCursor?: string;
}

export class GatheringProgrammeItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() speaker?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A Doetank the item spotlights.' }) doetankId?: string;
}

/** `GET /gatherings/:gatheringId`: a gathering with registrations, attendance and programme. */
export class GatheringDetailDto extends GatheringSummaryDto {
  @ApiProperty({ type: [String] }) registeredMemberIds!: string[];
  @ApiProperty({ type: [String], description: 'Who attended (they need not have registered).' })
  attendeeIds!: string[];
  @ApiProperty({ type: [GatheringProgrammeItemDto] }) programme!: GatheringProgrammeItemDto[];
}
