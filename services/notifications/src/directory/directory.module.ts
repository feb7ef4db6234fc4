import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Directory } from './directory';
import {
  ACCOUNT_ENTRY_MODEL,
  accountEntrySchema,
  ASSIGNMENT_ENTRY_MODEL,
  assignmentEntrySchema,
  EDITION_ENTRY_MODEL,
  editionEntrySchema,
  FINALIST_ENTRY_MODEL,
  finalistEntrySchema,
  INSTITUTION_ENTRY_MODEL,
  institutionEntrySchema,
  PROPOSAL_ENTRY_MODEL,
  proposalEntrySchema,
} from './directory.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ACCOUNT_ENTRY_MODEL, schema: accountEntrySchema },
      { name: INSTITUTION_ENTRY_MODEL, schema: institutionEntrySchema },
      { name: EDITION_ENTRY_MODEL, schema: editionEntrySchema },
      { name: PROPOSAL_ENTRY_MODEL, schema: proposalEntrySchema },
      { name: ASSIGNMENT_ENTRY_MODEL, schema: assignmentEntrySchema },
      { name: FINALIST_ENTRY_MODEL, schema: finalistEntrySchema },
    ]),
  ],
  providers: [Directory],
  exports: [Directory],
})
export class DirectoryModule {}
