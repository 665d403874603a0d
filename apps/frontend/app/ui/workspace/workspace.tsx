'use client';

import type { Conversation, CreateTaskBody, Task, UpdateTaskBody, User } from '@pakaura/contract';
import { useRouter } from 'next/navigation';
import { useCallback, useReducer, useRef, useState } from 'react';
import { api } from '@/app/lib/api-client';
import { ApiError, describeError } from '@/app/lib/api-error';
import { chatChangedTasks } from '@/app/lib/board-state';
import type { TaskPage } from '@/app/lib/task-page';
import {
  chatReducer,
  firstFreeId,
  initialChatState,
  isWaiting,
  type ChatEntry,
} from '@/app/lib/chat-state';
import { Board } from '@/app/ui/board/board';
import { UndoToast } from '@/app/ui/board/undo-toast';
import { ChatPanel } from '@/app/ui/chat/chat-panel';
import { CloseIcon } from '@/app/ui/common/icons';
import { AppHeader } from '@/app/ui/workspace/app-header';
import { SessionExpiredDialog } from '@/app/ui/workspace/session-expired-dialog';
import { useBoard } from '@/app/ui/workspace/use-board';
import { useSessionGuard } from '@/app/ui/workspace/use-session-guard';
import { useUndoDelete } from '@/app/ui/workspace/use-undo-delete';

interface WorkspaceProps {
  user: User;
  /** The first page of tasks the server rendered; null when it could not be loaded. */
  initialTasks: TaskPage | null;
  initialConversation: Conversation | null;
}

/** The signed-in screen: the board and the assistant side by side, sharing one task list. */
export function Workspace({ user, initialTasks, initialConversation }: WorkspaceProps) {
  const router = useRouter();
  const { expired, authed, resume } = useSessionGuard(user);
  const {
    board,
    dispatch: dispatchBoard,
    loadMore,
    reload,
    setFilter,
    setSearch,
  } = useBoard(initialTasks, authed);
  const [chat, dispatchChat] = useReducer(chatReducer, initialConversation, initialChatState);
  const nextEntryId = useRef(firstFreeId(chat));
  const [notice, setNotice] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  const addTask = async (body: CreateTaskBody) => {
    const task = await authed(() => api.createTask(body));
    dispatchBoard({ type: 'upserted', tasks: [task] });
  };

  const toggleTask = async (task: Task) => {
    dispatchBoard({ type: 'upserted', tasks: [{ ...task, completed: !task.completed }] });
    try {
      const saved = await authed(() => api.updateTask(task.id, { completed: !task.completed }));
      dispatchBoard({ type: 'upserted', tasks: [saved] });
    } catch (error) {
      dispatchBoard({ type: 'upserted', tasks: [task] });
      setNotice(`Couldn't update “${task.title}”. ${describeError(error)}`);
    }
  };

  const saveTask = async (task: Task, changes: UpdateTaskBody) => {
    const saved = await authed(() => api.updateTask(task.id, changes));
    dispatchBoard({ type: 'upserted', tasks: [saved] });
  };

  const undoDelete = useUndoDelete({
    hide: useCallback(
      (task: Task) => dispatchBoard({ type: 'removed', ids: [task.id] }),
      [dispatchBoard],
    ),
    restore: useCallback(
      (task: Task) => dispatchBoard({ type: 'upserted', tasks: [task] }),
      [dispatchBoard],
    ),
    commit: useCallback(
      (task: Task, keepalive: boolean) => {
        authed(() => api.deleteTask(task.id, { keepalive })).catch((error: unknown) => {
          if (error instanceof ApiError && error.kind === 'not-found') return;
          dispatchBoard({ type: 'upserted', tasks: [task] });
          setNotice(`Couldn't delete “${task.title}”. ${describeError(error)}`);
        });
      },
      [authed, dispatchBoard],
    ),
  });

  const sendToAssistant = async (id: number, content: string) => {
    try {
      const response = await authed(() =>
        api.sendChat({ message: content, conversationId: chat.conversationId ?? undefined }),
      );
      dispatchChat({ type: 'answered', id, replyId: nextEntryId.current++, response });
      if (response.actions.length > 0) {
        dispatchBoard({ type: 'chat-acted', actions: response.actions });
        if (chatChangedTasks(response.actions)) reload();
      }
    } catch (error) {
      dispatchChat({ type: 'failed', id, error: describeError(error) });
    }
  };

  const send = (content: string) => {
    const id = nextEntryId.current++;
    dispatchChat({ type: 'sent', id, content });
    void sendToAssistant(id, content);
  };

  const retry = (entry: ChatEntry) => {
    dispatchChat({ type: 'retried', id: entry.id });
    void sendToAssistant(entry.id, entry.content);
  };

  async function signOut() {
    setSigningOut(true);
    undoDelete.flush();
    try {
      await api.signOut();
      router.refresh();
    } catch (error) {
      setSigningOut(false);
      setNotice(`Couldn't sign you out. ${describeError(error)}`);
    }
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} signingOut={signingOut} onSignOut={signOut} />
      <main className="mx-auto grid w-full max-w-7xl flex-1 items-start gap-4 p-4 sm:gap-6 sm:p-6 lg:grid-cols-[minmax(0,1fr)_24rem] xl:grid-cols-[minmax(0,1fr)_28rem]">
        <div className="min-w-0">
          <div role="alert">
            {notice ? (
              <div className="mb-4 flex items-start justify-between gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
                <p>{notice}</p>
                <button
                  type="button"
                  aria-label="Dismiss message"
                  onClick={() => setNotice(null)}
                  className="grid size-6 shrink-0 place-items-center rounded text-amber-700 hover:bg-amber-100"
                >
                  <CloseIcon />
                </button>
              </div>
            ) : null}
          </div>
          <Board
            state={board}
            onAdd={addTask}
            onToggle={toggleTask}
            onSave={saveTask}
            onDelete={undoDelete.remove}
            onFilter={setFilter}
            onSearch={setSearch}
            onReload={reload}
            onLoadMore={loadMore}
          />
        </div>
        <ChatPanel
          state={chat}
          waiting={isWaiting(chat)}
          onSend={send}
          onRetry={retry}
          onWithdraw={(entry) => dispatchChat({ type: 'withdrawn', id: entry.id })}
          onRestart={() => dispatchChat({ type: 'restarted' })}
        />
      </main>
      <UndoToast task={undoDelete.pending} onUndo={undoDelete.undo} onDismiss={undoDelete.flush} />
      <SessionExpiredDialog
        open={expired}
        email={user.email}
        onSignedIn={resume}
        onSwitchAccount={() => {
          void api.signOut().finally(() => window.location.assign('/'));
        }}
      />
    </div>
  );
}
