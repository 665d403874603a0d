import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Uuid } from './common';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from './limits';

export { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const Email = Type.String({ format: 'email', minLength: 3, maxLength: EMAIL_MAX_LENGTH });

export const User = Type.Object(
  {
    id: Uuid,
    email: Type.String({ maxLength: EMAIL_MAX_LENGTH }),
    name: Type.String({ maxLength: NAME_MAX_LENGTH }),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);
export type User = Static<typeof User>;

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    name: Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** Changes the signed-in user's password; every session (this one too) ends and a new one starts. */
export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** Longest session token the API issues (a JWT of a user id and a session id). */
export const TOKEN_MAX_LENGTH = 1024;

/** Answer to register and login: the browser also gets the token as an httpOnly cookie. */
export const AuthResponse = Type.Object(
  {
    user: User,
    token: Type.String({
      maxLength: TOKEN_MAX_LENGTH,
      description: 'The session token (a JWT): send it as `Authorization: Bearer <token>`.',
    }),
    expiresAt: DateTime,
  },
  { additionalProperties: false },
);
export type AuthResponse = Static<typeof AuthResponse>;

export const MeResponse = Type.Object({ user: User }, { additionalProperties: false });
export type MeResponse = Static<typeof MeResponse>;
