import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { LIMITS, NON_BLANK_PATTERN_SOURCE } from '@app/contracts';
import { CommandRequestDto } from '../../../commands/command-request.dto';
import { IsText } from '../../../shared/validation';
import { CreditRequestDto } from '../../editorial.request.dto';

/** `PUT /network-years/:year/foreword`: the foreword of the year's report, signed; it replaces an earlier one. */
export class WriteForewordRequestDto extends CommandRequestDto {
  @ApiProperty({
    description: 'The foreword, in a few paragraphs.',
    maxLength: LIMITS.longText,
    minLength: 1,
    pattern: NON_BLANK_PATTERN_SOURCE,
    example: 'In 2012 liet Slimmernetwerk zien wat professionals zelf kunnen.',
  })
  @IsText(LIMITS.longText, { multiline: true })
  text!: string;

  @ApiProperty({ description: 'Who signs it, with their role.', type: () => CreditRequestDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CreditRequestDto)
  signedBy!: CreditRequestDto;
}
