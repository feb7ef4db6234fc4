import { Schema } from 'mongoose';
import { baseSchemaOptions, schemaOptions } from './schema-options';

describe('schemaOptions', () => {
  it('should combine the base options with the collection name', () => {
    expect(schemaOptions('evidence_files')).toEqual({
      ...baseSchemaOptions,
      collection: 'evidence_files',
    });
  });

  it.each(['Proposals', 'evidenceFiles', 'evidence-files', '_proposals', ''])(
    'should refuse the collection name %p',
    (name) => {
      expect(() => schemaOptions(name)).toThrow(/snake_case/);
    },
  );

  it('should hand out options mongoose accepts and does not share between schemas', () => {
    const a = new Schema<{ title: string }>({ title: String }, schemaOptions('proposals'));
    const b = new Schema({ title: String }, { ...schemaOptions('drafts'), timestamps: false });

    expect(a.get('collection')).toBe('proposals');
    expect(b.get('collection')).toBe('drafts');
    expect(a.get('toJSON')).not.toBe(b.get('toJSON'));
    expect(a.path('createdAt')).toBeDefined();
    expect(b.path('createdAt')).toBeUndefined();
  });
});
