import type { ChatAction, ChatProvider as ChatProviderName } from '@pakaura/contract';
import type { ChatToolbox } from './tools';

/** A previous turn of the conversation, as text. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
  /** What an assistant turn did, with task ids only (a follow-up to "which one?" reads it). */
  actions?: ChatAction[];
}

export interface ChatRequestContext {
  message: string;
  /** Earlier turns, oldest first. */
  history: ChatTurn[];
  /** The caller's tools: the only way a provider can read or change tasks. */
  toolbox: ChatToolbox;
  /** "Today" for relative dates (tomorrow, next Friday) and due windows, in UTC. */
  now: Date;
}

export interface ChatReply {
  reply: string;
  actions: ChatAction[];
}

/** One way of turning a message into tool calls and a reply: the built-in engine, or Cohere. */
export interface ChatProvider {
  readonly name: ChatProviderName;
  respond(context: ChatRequestContext): Promise<ChatReply>;
}
