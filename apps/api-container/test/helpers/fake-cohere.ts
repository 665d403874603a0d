import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type ScriptedAnswer = { status?: number; body: unknown; delayMs?: number };

/** A v2 chat response in Cohere's wire format (snake_case), with tool calls or text. */
export function toolCallsResponse(
  calls: Array<{ name: string; arguments: unknown }>,
  plan = 'I will use the tools.',
) {
  return {
    id: `resp-${Math.random().toString(36).slice(2)}`,
    finish_reason: 'TOOL_CALL',
    message: {
      role: 'assistant',
      tool_plan: plan,
      tool_calls: calls.map((call, index) => ({
        id: `call_${index}_${call.name}`,
        type: 'function',
        function: {
          name: call.name,
          arguments:
            typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
        },
      })),
    },
    usage: {
      billed_units: { input_tokens: 10, output_tokens: 5 },
      tokens: { input_tokens: 10, output_tokens: 5 },
    },
  };
}

export function textResponse(text: string) {
  return {
    id: `resp-${Math.random().toString(36).slice(2)}`,
    finish_reason: 'COMPLETE',
    message: { role: 'assistant', content: [{ type: 'text', text }] },
    usage: {
      billed_units: { input_tokens: 10, output_tokens: 5 },
      tokens: { input_tokens: 10, output_tokens: 5 },
    },
  };
}

/**
 * A local stand-in for api.cohere.com: answers `POST /v2/chat` from a script, one answer per
 * call, and records what the SDK sent.
 */
export class FakeCohere {
  readonly requests: RecordedRequest[] = [];
  private script: ScriptedAnswer[] = [];
  private server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      this.requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: raw ? JSON.parse(raw) : {},
      });
      const answer = this.script.shift() ?? {
        status: 500,
        body: { message: 'the fake has no answer scripted' },
      };
      setTimeout(() => {
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  answer(...answers: ScriptedAnswer[]): void {
    this.script = answers;
    this.requests.length = 0;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
