export { CHECKS } from './checks';
export { CHAT_SCENARIOS } from './checks/chatbot';
export {
  DEFAULT_TIMEOUTS,
  normalizeVerifyOptions,
  type NormalizedVerifyOptions,
  type VerifyOptions,
} from './options';
export { toJUnit } from './report/junit';
export { formatTable } from './report/table';
export { writeReports } from './report/write';
export {
  REPORT_DIR,
  verifyRunOptions,
  type VerifyCommandOptions,
  type VerifyRunOptions,
} from './command-options';
export { runVerify, type RunVerifyHooks } from './runner';
export {
  CHECK_NAMES,
  CheckFailedError,
  type Check,
  type CheckName,
  type CheckResult,
  type CheckStatus,
  type VerifyReport,
  type VerifyTimeouts,
} from './types';
export { httpRequest, type HttpOptions, type HttpResponse } from './http';
