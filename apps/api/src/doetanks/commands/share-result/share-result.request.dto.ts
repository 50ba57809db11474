import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUrl, MaxLength } from 'class-validator';
import { RESULT_KINDS, type ResultKind, LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsEntityId, IsOmittable, IsText } from '../../../shared/validation';

/** `POST /doetanks/:doetankId/results`: a member or the coach shares what the Doetank produced. */
export class ShareResultRequestDto extends CommandRequestDto {
  @ApiPropertyOptional({
    description:
      'Id for the new result, chosen by the client (e.g. when importing); the server makes one otherwise.',
    format: 'uuid',
    example: '2d6f8a1c-5b3e-4c7d-9e0f-1a2b3c4d5e6f',
  })
  @IsOmittable()
  @IsEntityId()
  resultId?: string;

  @ApiProperty({
    description: 'What kind of result it is.',
    enum: [...RESULT_KINDS],
    enumName: 'ResultKind',
    example: 'business-case',
  })
  @IsIn(RESULT_KINDS)
  kind!: ResultKind;

  @ApiProperty({
    description: 'Title of the result.',
    maxLength: LIMITS.title,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'Business case: één intake voor schulden en zorg',
  })
  @IsText(LIMITS.title)
  title!: string;

  @ApiPropertyOptional({
    description: 'Where the result can be found (http or https, no credentials in the link).',
    format: 'uri',
    maxLength: LIMITS.url,
    example: 'https://www.slimmernetwerk.nl/doetanks/een-keukentafelgesprek/business-case.pdf',
  })
  @IsOmittable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, disallow_auth: true })
  @MaxLength(LIMITS.url)
  link?: string;

  @ApiProperty({
    description: 'Member id of whoever shares it: a member or the coach of the Doetank.',
    format: 'uuid',
    example: 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02',
  })
  @IsEntityId()
  sharedBy!: string;
}
