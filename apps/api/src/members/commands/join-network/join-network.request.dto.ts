import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { IsEmailAddress, IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /members`: a professional joins the network. */
export class JoinNetworkRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new member, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: 'b3e1c6a2-4f0d-4c8e-9a51-2d7f3e8c9a10',
  })
  @IsOmittable()
  @IsEntityId()
  memberId?: string;

  @ApiProperty({
    description: 'Full name. Personal data: stored encrypted and erased when the member is forgotten.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Sanne de Vries',
  })
  @IsText(LIMITS.name)
  name!: string;

  @ApiProperty({
    description:
      'E-mail address; one membership per address. Personal data: stored encrypted and erased when the member is forgotten.',
    format: 'email',
    maxLength: LIMITS.email,
    example: 'sanne.devries@utrecht.nl',
  })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({
    description: 'Organisation the member works for.',
    maxLength: LIMITS.organisation,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Gemeente Utrecht',
  })
  @IsText(LIMITS.organisation)
  organisation!: string;

  @ApiProperty({
    description: 'Part of the public sector the organisation belongs to.',
    enum: [...SECTORS],
    enumName: 'Sector',
    example: 'gemeente',
  })
  @IsIn(SECTORS)
  sector!: Sector;

  @ApiProperty({
    description: 'Role of the member in their organisation.',
    enum: [...MEMBER_ROLES],
    enumName: 'MemberRole',
    example: 'professional',
  })
  @IsIn(MEMBER_ROLES)
  role!: MemberRole;
}
