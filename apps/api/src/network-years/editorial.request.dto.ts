import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsOmittable, IsText } from '../shared/validation';

/** Entries of a list in an editorial record (goals, consortium, makers). */
export const EDITORIAL_LIST_LIMIT = 20;

/** A calendar date (`YYYY-MM-DD`); the domain checks that it is a real date in the stream's year. */
export const IsCalendarDate = (): PropertyDecorator =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: '$property must be a calendar date (YYYY-MM-DD)',
  });

/** Someone who signs or made something, as they want to be named (need not be a member). */
export class CreditRequestDto {
  @ApiProperty({
    description: 'Name, as it is to be shown.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Robin de Lange',
  })
  @IsText(LIMITS.name)
  name!: string;

  @ApiPropertyOptional({
    description: 'Their role or position.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'filmmaker',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  role?: string;
}

/** An organisation of a programme's consortium. */
export class ConsortiumMemberRequestDto {
  @ApiProperty({
    description: 'The organisation.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Kennisland',
  })
  @IsText(LIMITS.name)
  organisation!: string;

  @ApiPropertyOptional({
    description: 'What it does in the programme.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'penvoerder',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  role?: string;
}

/** Who pays for a programme, and through which scheme. */
export class FunderRequestDto {
  @ApiProperty({
    description: 'The funding organisation.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  })
  @IsText(LIMITS.name)
  organisation!: string;

  @ApiPropertyOptional({
    description: 'The scheme or programme it funds through.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Beter Werken in het Openbaar Bestuur',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  scheme?: string;
}
