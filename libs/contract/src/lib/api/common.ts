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

export const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('healthy'), Type.Literal('unhealthy')]),
    database: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
    version: Type.String(),
    /** Which engine serves the data: a PostgreSQL server, or the embedded PGlite. */
    engine: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]),
  },
  { additionalProperties: false },
);
export type HealthResponse = Static<typeof HealthResponse>;

export const LiveResponse = Type.Object(
  { status: Type.Literal('alive') },
  { additionalProperties: false },
);
export type LiveResponse = Static<typeof LiveResponse>;
