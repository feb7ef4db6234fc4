import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SCORE_SHEET_MODEL, type ScoreSheet } from './score-sheet.schema';
import { SHEET_STANDING_FIELDS, type SheetStanding } from './sheet-standing';

/**
 * Where a list of sheets stands, in one read, for the lists of evaluators (their desk
 * assignments) and panelists (the finalists). Provided by every module whose list needs it.
 */
@Injectable()
export class SheetStandingsRepository {
  constructor(@InjectModel(SCORE_SHEET_MODEL) private readonly sheets: Model<ScoreSheet>) {}

  /**
   * The sheets with these ids saved so far. By `_id` alone: every planner serves that
   * (SecantusDB scans the collection for an `$in` inside a compound key, or beside other
   * fields); a sheet id names its scorer, so nobody else's sheet is read.
   */
  async byIds(sheetIds: readonly string[]): Promise<SheetStanding[]> {
    if (sheetIds.length === 0) return [];
    return this.sheets
      .find({ _id: { $in: [...sheetIds] } }, SHEET_STANDING_FIELDS)
      .lean<SheetStanding[]>()
      .exec();
  }
}
