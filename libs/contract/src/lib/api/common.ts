import { Type, type Static } from '@sinclair/typebox';

/** The one error shape every route answers with: a sentence a person can act on. */
export const ErrorResponse = Type.Object(
  { message: Type.String() },
  { $id: 'ErrorResponse', additionalProperties: false },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Uuid = Type.String({ format: 'uuid' });
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
