import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  LIMITS,
  MEMBER_ROLES,
  NON_BLANK_PATTERN_SOURCE,
  SECTORS,
  type MemberRole,
  type Sector,
} from '@app/contracts';
import { IsText } from '../shared/validation';

/*
 * A member's affiliation (organisation, sector, role), as the requests that set it document and validate it: on
 * joining the network and on changing affiliation. Each decorator is applied in the order the same decorators
 * written one by one above the property are.
 */

export const OrganisationProperty = (description: string, example: string) =>
  applyDecorators(
    IsText(LIMITS.organisation),
    ApiProperty({
      description,
      maxLength: LIMITS.organisation,
      minLength: 1,
      pattern: NON_BLANK_PATTERN_SOURCE,
      example,
    }),
  );

export const SectorProperty = (description: string, example: Sector) =>
  applyDecorators(
    IsIn(SECTORS),
    ApiProperty({ description, enum: [...SECTORS], enumName: 'Sector', example }),
  );

export const MemberRoleProperty = (description: string, example: MemberRole) =>
  applyDecorators(
    IsIn(MEMBER_ROLES),
    ApiProperty({ description, enum: [...MEMBER_ROLES], enumName: 'MemberRole', example }),
  );
