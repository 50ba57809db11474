import type { MemberRole, Sector } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { MemberRoleProperty, OrganisationProperty, SectorProperty } from '../../affiliation.properties';

/** `POST /members/:memberId/affiliation`: a member moves to another organisation or role. */
export class ChangeAffiliationRequestDto extends CommandRequestDto {
  @OrganisationProperty('Organisation the member now works for.', 'Rijkswaterstaat')
  organisation!: string;

  @SectorProperty('Part of the public sector the new organisation belongs to.', 'uitvoeringsorganisatie')
  sector!: Sector;

  @MemberRoleProperty('Role of the member in the new organisation.', 'manager')
  role!: MemberRole;
}
