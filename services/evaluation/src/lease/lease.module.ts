import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LEASE_MODEL, leaseSchema } from './lease.schema';
import { LeaseService } from './lease.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: LEASE_MODEL, schema: leaseSchema }])],
  providers: [LeaseService],
  exports: [LeaseService],
})
export class LeaseModule {}
