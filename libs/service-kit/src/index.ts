export {
  ConflictError,
  DomainError,
  ForbiddenError,
  MalformedJsonError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  type ErrorCode,
  type ErrorDetails,
  type ValidationIssue,
} from './errors/domain-errors';
export { describeError, type DescribedError } from './http/describe-error';
export { errorResponseSchema, type ErrorResponseBody } from './http/error-response';
export { HttpErrorFilter } from './http/http-error.filter';
export { rejectMalformedJson } from './http/reject-malformed-json';
export { Public, PUBLIC_ROUTE } from './http/public-route';
export { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from './validation/zod-decorators';
export { openApiProperties, toOpenApiSchema } from './validation/zod-openapi';
export {
  toValidationIssues,
  ZodValidationPipe,
  type RequestPart,
} from './validation/zod-validation.pipe';
export {
  healthCheck,
  mongoHealthCheck,
  redisHealthCheck,
  type HealthCheckFactory,
  type HealthCheckFn,
} from './health/health-checks';
export { HealthModule, type HealthModuleOptions } from './health/health.module';
export {
  createServiceApp,
  DEFAULT_BODY_LIMIT,
  OPENAPI_PATH,
  type ServiceAppOptions,
} from './bootstrap/create-service-app';
export { bootstrapService, type BootstrapOptions } from './bootstrap/bootstrap-service';
export { messagingConfigShape, type PlatformConfig } from './platform/platform-config';
export { PlatformModule, type PlatformModuleOptions } from './platform/platform.module';
export { createRedisClient, REDIS } from './platform/redis';
export { REDIS_CACHE_BUDGET_MS, RedisCache } from './platform/redis-cache';
export { SERVICE_NAME } from './platform/signing-key-feed.lifecycle';
export {
  DETECTABLE_FILE_TYPES,
  detectFileType,
  FILE_TYPE_HEAD_BYTES,
  type DetectableFileType,
} from './files/detect-file-type';
export { csvCell, csvLine, toCsv, type CsvCell } from './export/csv';
export {
  storeUploads,
  uploadFilename,
  type StoredUpload,
  type UploadedBuffer,
} from './files/store-uploads';
export { attachmentDisposition, fileDownload, type DownloadableFile } from './files/file-download';
export {
  RedisRateLimiter,
  type RateLimitDecision,
  type RedisRateLimiterOptions,
} from './rate-limit/redis-rate-limiter';
export { PeriodicTask, type PeriodicTaskOptions } from './scheduling/periodic-task';
export { PeriodicJob, type PeriodicJobOptions } from './scheduling/periodic-job';
export {
  seal,
  sealingKeyFromBase64,
  sealToString,
  unseal,
  UnsealError,
  unsealFromString,
  type SealedSecret,
  type SealingKey,
} from './crypto/sealing';
