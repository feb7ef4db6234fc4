import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Directory } from './directory';
import {
  INSTITUTION_ENTRY_MODEL,
  institutionEntrySchema,
  PROPOSAL_ENTRY_MODEL,
  proposalEntrySchema,
} from './directory.schema';

@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: INSTITUTION_ENTRY_MODEL, schema: institutionEntrySchema },
      { name: PROPOSAL_ENTRY_MODEL, schema: proposalEntrySchema },
    ]),
  ],
  providers: [Directory],
  exports: [Directory],
})
export class DirectoryModule {}
