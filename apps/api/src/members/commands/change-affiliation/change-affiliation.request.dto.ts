import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  MEMBER_ROLES,
  SECTORS,
  type MemberRole,
  type Sector,
  LIMITS,
  NON_BLANK_PATTERN_SOURCE,
} from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsText } from '../../../shared/validation';

/** `POST /members/:memberId/affiliation`: a member moves to another organisation or role. */
export class ChangeAffiliationRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'Organisation the member now works for.',
    maxLength: LIMITS.organisation,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Rijkswaterstaat',
  })
  @IsText(LIMITS.organisation)
  organisation!: string;

  @ApiProperty({
    description: 'Part of the public sector the new organisation belongs to.',
    enum: [...SECTORS],
    enumName: 'Sector',
    example: 'uitvoeringsorganisatie',
  })
  @IsIn(SECTORS)
  sector!: Sector;

  @ApiProperty({
    description: 'Role of the member in the new organisation.',
    enum: [...MEMBER_ROLES],
    enumName: 'MemberRole',
    example: 'manager',
  })
  @IsIn(MEMBER_ROLES)
  role!: MemberRole;
}
