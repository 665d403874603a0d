import { Type, type Static } from '@sinclair/typebox';
import { CalendarDate, DateTime, Uuid } from './common';
import {
  DESCRIPTION_MAX_LENGTH,
  PRIORITIES,
  TASK_CURSOR_MAX_LENGTH,
  TASK_PAGE_SIZE_DEFAULT,
  TASK_PAGE_SIZE_MAX,
  TASK_STATUSES,
  TASKS_PER_USER_MAX,
  TITLE_MAX_LENGTH,
} from './limits';

export {
  DESCRIPTION_MAX_LENGTH,
  PRIORITIES,
  TASK_CURSOR_MAX_LENGTH,
  TASK_PAGE_SIZE_DEFAULT,
  TASK_PAGE_SIZE_MAX,
  TASK_STATUSES,
  TASKS_PER_USER_MAX,
  TITLE_MAX_LENGTH,
};

export const Priority = Type.Union(PRIORITIES.map((p) => Type.Literal(p)));
export type Priority = (typeof PRIORITIES)[number];

export const TaskStatus = Type.Union(TASK_STATUSES.map((s) => Type.Literal(s)));
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A calendar date, `YYYY-MM-DD`. */
const DueDate = Type.Union([CalendarDate, Type.Null()]);

export const Task = Type.Object(
  {
    id: Uuid,
    title: Type.String({ maxLength: TITLE_MAX_LENGTH }),
    description: Type.String({ maxLength: DESCRIPTION_MAX_LENGTH }),
    completed: Type.Boolean(),
    priority: Priority,
    dueDate: DueDate,
    createdAt: DateTime,
    updatedAt: DateTime,
    completedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Task = Static<typeof Task>;

const Title = Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH, pattern: '\\S' });
const Description = Type.String({ maxLength: DESCRIPTION_MAX_LENGTH });

export const CreateTaskBody = Type.Object(
  {
    title: Title,
    description: Type.Optional(Description),
    priority: Type.Optional(Priority),
    dueDate: Type.Optional(DueDate),
  },
  { additionalProperties: false },
);
export type CreateTaskBody = Static<typeof CreateTaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Description),
    completed: Type.Optional(Type.Boolean()),
    priority: Type.Optional(Priority),
    dueDate: Type.Optional(DueDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

const TaskCursor = Type.String({
  minLength: 1,
  maxLength: TASK_CURSOR_MAX_LENGTH,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Opaque position in the list: the `nextCursor` of the previous page, unchanged.',
});

export const ListTasksQuery = Type.Object(
  {
    status: Type.Optional(TaskStatus),
    search: Type.Optional(Type.String({ maxLength: TITLE_MAX_LENGTH })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: TASK_PAGE_SIZE_MAX,
        default: TASK_PAGE_SIZE_DEFAULT,
        format: 'int32',
        description: `Tasks per page (default ${TASK_PAGE_SIZE_DEFAULT}, at most ${TASK_PAGE_SIZE_MAX}).`,
      }),
    ),
    cursor: Type.Optional(TaskCursor),
  },
  { additionalProperties: false },
);
export type ListTasksQuery = Static<typeof ListTasksQuery>;

/** One page of tasks, newest first; `nextCursor` is null on the last page. */
export const TaskList = Type.Object(
  {
    tasks: Type.Array(Task, { maxItems: TASK_PAGE_SIZE_MAX }),
    nextCursor: Type.Union([TaskCursor, Type.Null()]),
  },
  { additionalProperties: false },
);
export type TaskList = Static<typeof TaskList>;

export const DeleteCompletedResponse = Type.Object(
  { deleted: Type.Integer({ minimum: 0, maximum: TASKS_PER_USER_MAX, format: 'int32' }) },
  { additionalProperties: false },
);
export type DeleteCompletedResponse = Static<typeof DeleteCompletedResponse>;
