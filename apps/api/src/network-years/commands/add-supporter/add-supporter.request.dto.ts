import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /network-years/:year/supporters`: someone joins the committee of supporters ("comité van aanbeveling"). */
export class AddSupporterRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new supporter, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: '1b3d5f7a-9c2e-4a6b-8d0f-2e4a6c8e0b35',
  })
  @IsOmittable()
  @IsEntityId()
  supporterId?: string;

  @ApiProperty({
    description: 'Name of the supporter.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Hendrik-Jan van Dijk',
  })
  @IsText(LIMITS.name)
  name!: string;

  @ApiPropertyOptional({
    description: 'Their position or organisation, as they want it shown.',
    maxLength: LIMITS.name,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Secretaris-generaal, Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  })
  @IsOmittable()
  @IsText(LIMITS.name)
  affiliation?: string;
}
