import { Type, type Static } from '@sinclair/typebox';
import { ERROR_MESSAGE_MAX_LENGTH } from './limits';

/** The one error shape every route answers with: a sentence a person can act on. */
export const ErrorResponse = Type.Object(
  { message: Type.String({ maxLength: ERROR_MESSAGE_MAX_LENGTH }) },
  {
    $id: 'ErrorResponse',
    additionalProperties: false,
    description: 'What went wrong, in one sentence that says what to do.',
  },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
/** An ISO 8601 date-time in UTC, as the API writes them (`2030-01-09T15:00:00.123Z`). */
export const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = Type.String({ format: 'date', maxLength: 10 });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

/** Why a health check is not 200, in a sentence an operator can act on. */
const HealthReason = Type.String({ maxLength: 300 });

export const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('healthy'), Type.Literal('unhealthy')]),
    /** `migrations-pending`: the database answers but lacks migrations this version needs. */
    database: Type.Union([
      Type.Literal('ok'),
      Type.Literal('error'),
      Type.Literal('migrations-pending'),
    ]),
    version: Type.String({ maxLength: 64 }),
    /** Which engine serves the data: a PostgreSQL server, or the embedded PGlite. */
    engine: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]),
    reason: Type.Optional(HealthReason),
  },
  { additionalProperties: false },
);
export type HealthResponse = Static<typeof HealthResponse>;

/** `stuck`: the process cannot recover by itself (see `reason`) and should be restarted. */
export const LiveResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('alive'), Type.Literal('stuck')]),
    reason: Type.Optional(HealthReason),
  },
  { additionalProperties: false },
);
export type LiveResponse = Static<typeof LiveResponse>;
