import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, NON_BLANK_PATTERN_SOURCE, type MemberRole, type Sector } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { MemberRoleProperty, OrganisationProperty, SectorProperty } from '../../affiliation.properties';
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

  @OrganisationProperty('Organisation the member works for.', 'Gemeente Utrecht')
  organisation!: string;

  @SectorProperty('Part of the public sector the organisation belongs to.', 'gemeente')
  sector!: Sector;

  @MemberRoleProperty('Role of the member in their organisation.', 'professional')
  role!: MemberRole;
}
