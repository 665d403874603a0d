/** Every API route lives under this prefix; the ingress sends `/api` to the API. */
export const API_PREFIX = '/api/v1';

export const API_ROUTES = {
  /** Readiness: answers 200 only when the database answers (503 otherwise, within 2 s). */
  health: `${API_PREFIX}/health`,
  /** Liveness: never touches the database. */
  live: `${API_PREFIX}/health/live`,
  register: `${API_PREFIX}/auth/register`,
  login: `${API_PREFIX}/auth/login`,
  logout: `${API_PREFIX}/auth/logout`,
  me: `${API_PREFIX}/auth/me`,
  /** `POST` changes the password and ends every other session. */
  password: `${API_PREFIX}/auth/password`,
  tasks: `${API_PREFIX}/tasks`,
  /** `DELETE` removes every completed task of the caller. */
  completedTasks: `${API_PREFIX}/tasks/completed`,
  chat: `${API_PREFIX}/chat`,
  conversations: `${API_PREFIX}/chat/conversations`,
  openapi: `${API_PREFIX}/openapi.json`,
  docs: `${API_PREFIX}/docs`,
  /** Prometheus metrics; outside `/api`, so the ingress never exposes them. */
  metrics: '/metrics',
} as const;

export const taskRoute = (id: string): string => `${API_ROUTES.tasks}/${encodeURIComponent(id)}`;
export const conversationRoute = (id: string): string =>
  `${API_ROUTES.conversations}/${encodeURIComponent(id)}`;

/** The frontend's own health route, outside `/api` so the ingress keeps it on the frontend. */
export const FRONTEND_HEALTH_PATH = '/healthz';

/** Name of the httpOnly session cookie that carries the JWT for browsers. */
export const SESSION_COOKIE = 'pakaura_session';
