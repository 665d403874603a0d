import { CHAT_TOOLS, type ChatAction } from '@pakaura/contract';
import { CohereClientV2, CohereError, type Cohere } from 'cohere-ai';
import { HttpError } from '../../plugins/errors';
import { toIsoDate } from '../calendar';
import type { ChatProvider, ChatReply, ChatRequestContext } from '../provider';
import { isChatTool, TOOL_DESCRIPTIONS, TOOL_PARAMETERS } from '../tools';

export interface CohereProviderOptions {
  apiKey: string;
  model: string;
  temperature: number;
  maxTokens: number;
  /** Another Cohere-compatible endpoint (tests point it at a local fake). */
  baseUrl?: string;
  /** Retries of a failed call by the SDK (429, 5xx, network); default 2. */
  maxRetries?: number;
  /** Deadline for each call to Cohere, retries included (default 30 s). */
  timeoutSeconds?: number;
  /** Where to say why Cohere failed; the caller only gets a generic 502. */
  onError?: (details: { status?: number; reason: string }) => void;
}

/** Model turns per request: enough for "list, then complete two" without running away. */
export const MAX_STEPS = 5;

const TOOLS: Cohere.ToolV2[] = CHAT_TOOLS.map((name) => ({
  type: 'function',
  function: {
    name,
    description: TOOL_DESCRIPTIONS[name],
    parameters: TOOL_PARAMETERS[name] as Record<string, unknown>,
  },
}));

export function systemPrompt(now: Date): string {
  return [
    "You are Pakaura's task assistant. You manage the user's to-do list only through the tools you are given.",
    `Today is ${toIsoDate(now)} (UTC). Due dates are YYYY-MM-DD.`,
    'To act on an existing task, pass words from its title (or its id) as `task`; list the tasks first when unsure.',
    'When a tool answers that a reference matches several tasks, ask the user which one, naming them; never pick one yourself.',
    'For several tasks at once use update_tasks or delete_tasks with a filter (status, priority, due window such as overdue or this_week, dueFrom/dueTo, search); for "how many" questions and summaries use count_tasks.',
    'Add several tasks with one add_task call each.',
    'Never claim to have changed a task unless a tool call did it. Answer in one or two short sentences.',
  ].join('\n');
}

/**
 * Cohere's chat API (v2) with tool use, through the official SDK: the model plans tool calls,
 * the toolbox runs them on the caller's tasks, their results go back until the model answers.
 */
export class CohereProvider implements ChatProvider {
  readonly name = 'cohere' as const;
  private readonly client: CohereClientV2;
  private readonly timeoutMs: number;

  constructor(private readonly options: CohereProviderOptions) {
    this.timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
    this.client = new CohereClientV2({
      token: options.apiKey,
      ...(options.baseUrl && { baseUrl: options.baseUrl }),
      maxRetries: options.maxRetries ?? 2,
      clientName: 'pakaura-api',
    });
  }

  async respond({ message, history, toolbox, now }: ChatRequestContext): Promise<ChatReply> {
    const messages: Cohere.ChatMessageV2[] = [
      { role: 'system', content: systemPrompt(now) },
      ...history.map(
        (turn) => ({ role: turn.role, content: turn.content }) as Cohere.ChatMessageV2,
      ),
      { role: 'user', content: message },
    ];
    const actions: ChatAction[] = [];
    for (let step = 0; step < MAX_STEPS; step++) {
      const response = await this.chat(messages);
      const calls = response.message.toolCalls ?? [];
      if (calls.length === 0) {
        return { reply: textOf(response) || summarize(actions), actions };
      }
      messages.push({ role: 'assistant', toolCalls: calls, toolPlan: response.message.toolPlan });
      for (const call of calls) {
        const result = await this.runCall(call, toolbox);
        if (result.action) actions.push(result.action);
        messages.push({
          role: 'tool',
          toolCallId: call.id,
          content: JSON.stringify(result.output),
        });
      }
    }
    return { reply: summarize(actions), actions };
  }

  private async runCall(call: Cohere.ToolCallV2, toolbox: ChatRequestContext['toolbox']) {
    const name = call.function?.name ?? '';
    if (!isChatTool(name))
      return { output: { ok: false, error: `There is no tool named "${name}"` } };
    let args: unknown;
    try {
      args = JSON.parse(call.function?.arguments || '{}');
    } catch {
      const action: ChatAction = {
        tool: name,
        args: {},
        ok: false,
        summary: `${name} was called with arguments that are not JSON`,
        tasks: [],
      };
      return { action, output: { ok: false, error: action.summary } };
    }
    const action = await toolbox.run(name, args);
    return {
      action,
      output: {
        ok: action.ok,
        summary: action.summary,
        tasks: action.tasks,
        ...(action.total !== undefined && { total: action.total }),
        ...(action.ambiguous && { ambiguous: true }),
      },
    };
  }

  private async chat(messages: Cohere.ChatMessageV2[]): Promise<Cohere.V2ChatResponse> {
    // Our own deadline: the SDK's timeout surfaces in Node as an unlabelled '"timeout"' error.
    const deadline = AbortSignal.timeout(this.timeoutMs);
    try {
      return await this.client.chat(
        {
          model: this.options.model,
          messages,
          tools: TOOLS,
          temperature: this.options.temperature,
          maxTokens: this.options.maxTokens,
        },
        { abortSignal: deadline },
      );
    } catch (error) {
      const status = error instanceof CohereError ? error.statusCode : undefined;
      const timedOut = deadline.aborted;
      const reason =
        status === 401
          ? 'Cohere rejected COHERE_API_KEY'
          : timedOut
            ? `no answer within ${this.timeoutMs / 1000} s`
            : (error as Error).message.split('\n')[0];
      this.options.onError?.({ status, reason });
      throw new HttpError(
        timedOut ? 504 : 502,
        'The assistant (Cohere) is not available right now; try again in a moment',
      );
    }
  }
}

function textOf(response: Cohere.V2ChatResponse): string {
  return (response.message.content ?? [])
    .flatMap((item) => (item.type === 'text' ? [item.text] : []))
    .join('')
    .trim();
}

function summarize(actions: ChatAction[]): string {
  return actions.length > 0 ? actions.map((action) => `${action.summary}.`).join(' ') : 'Done.';
}
