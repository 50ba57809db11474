import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ChainHeadDto {
  @ApiProperty({ description: 'Revision of the newest event' }) revision!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Its hash (SHA-256, hex); null if written before hashing',
  })
  hash!: string | null;
}

class ChainBreakDto {
  @ApiProperty({ description: 'The first revision that does not match the record' }) revision!: number;
  @ApiProperty({ example: 'its hash does not match its stored contents' }) reason!: string;
}

class SealReferenceDto {
  @ApiProperty({ description: 'Revision of the seal in the seal stream (audit_seal-store)' })
  sealRevision!: number;
  @ApiProperty({ description: 'Global position the seal covers: every event at or before it' })
  position!: number;
  @ApiProperty({ description: 'Merkle root over every stream head at that position (SHA-256, hex)' })
  root!: string;
  @ApiProperty() sealedAt!: string;
  @ApiProperty({ description: 'The newest revision of this stream the seal covers' }) coversRevision!: number;
}

/** Whether a stream's hash chain verifies; see docs/architecture.md, "Tamper evidence". */
export class StreamIntegrityDto {
  @ApiProperty({ description: "Every event's hash matches its stored contents and the event before it" })
  verified!: boolean;
  @ApiProperty({ type: ChainHeadDto }) head!: ChainHeadDto;
  @ApiPropertyOptional({ type: ChainBreakDto, description: 'Present when the chain does not verify' })
  brokenAt?: ChainBreakDto;
  @ApiProperty({ description: 'Events at the start written before the store hashed its events (an upgrade)' })
  unhashed!: number;
  @ApiPropertyOptional({
    type: SealReferenceDto,
    description:
      'The latest seal covering this stream; that its root matches is what `npm run audit:verify` checks',
  })
  sealedBy?: SealReferenceDto;
}
