import { z } from 'zod';

/** The body of every error response; `errorId` only on 5xx, to find the logged stack. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    errorId: z.string().optional(),
  }),
});

export type ErrorResponseBody = z.infer<typeof errorResponseSchema>;
