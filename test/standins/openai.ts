/**
 * An OpenAI-compatible chat completions stand-in (OpenAI's `/v1/chat/completions` and Azure OpenAI's
 * `/openai/deployments/{deployment}/chat/completions`), over real HTTP or HTTPS, with a scripted reply per request.
 */
import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import {
  closeServer,
  decodePath,
  headersOf,
  listen,
  parseQuery,
  queryOne,
  type RecordedRequest,
  readBody,
  send,
  sleep,
} from './standin-http.js';

export interface ChatRequestSeen extends RecordedRequest {
  /** 'azure' for the deployments path, 'openai' for /v1/chat/completions. */
  flavour: 'azure' | 'openai';
  deployment?: string;
}

/** What the scripted model does with one request: reply with this text, or fail / hang. */
export type ModelBehaviour =
  | { reply: string }
  | { status: number; error?: { message: string; type?: string; code?: string } }
  | { hangMs: number; reply?: string };

export interface OpenAIStandinOptions {
  apiKey: string;
  /** Azure deployments the resource has; any other name answers 404 DeploymentNotFound. */
  deployments?: string[];
  /** Serve HTTPS with this key pair (Azure endpoints must be https://). */
  tls?: { key: string; cert: string };
}

// Request body as the chat completions API documents it: model (OpenAI) and a non-empty messages array of role/content.
// Source: https://platform.openai.com/docs/api-reference/chat/create ; Azure: learn.microsoft.com/azure/ai-services/openai/reference#chat-completions
const Message = z.object({ role: z.enum(['system', 'user', 'assistant', 'developer', 'tool']), content: z.unknown() });
const ChatBody = z.object({
  model: z.string().optional(),
  messages: z.array(Message).min(1),
  max_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
});

export interface OpenAIStandin {
  /** Base URL for OpenAI clients (`…/v1`). */
  openaiBaseUrl: string;
  /** Endpoint for Azure OpenAI clients (`https://127.0.0.1:port`, no path). */
  azureEndpoint: string;
  requests: ChatRequestSeen[];
  /** The next requests' behaviour, one per request; the last one repeats. */
  script(...behaviours: ModelBehaviour[]): void;
  close(): Promise<void>;
}

// Error body shape of both services: {"error": {"message", "type", "code"}}.
// Source: https://platform.openai.com/docs/guides/error-codes ; Azure returns the same envelope (reference above).
const errorBody = (message: string, type: string, code: string) => ({ error: { message, type, param: null, code } });

export async function startOpenAIStandin(opts: OpenAIStandinOptions): Promise<OpenAIStandin> {
  const requests: ChatRequestSeen[] = [];
  let behaviours: ModelBehaviour[] = [{ reply: 'none' }];
  const next = () => (behaviours.length > 1 ? behaviours.shift()! : behaviours[0]);

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodePath(url.pathname);
    const body = await readBody(req);
    const azure = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path);
    const seen: ChatRequestSeen = {
      method: req.method ?? 'GET',
      path,
      query: parseQuery(url),
      body: body.json,
      headers: headersOf(req),
      at: Date.now(),
      flavour: azure ? 'azure' : 'openai',
      deployment: azure?.[1],
    };
    requests.push(seen);
    const answer = (status: number, payload: unknown) => {
      seen.status = status;
      send(res, status, payload);
    };
    if (req.method !== 'POST' || (!azure && path !== '/v1/chat/completions'))
      return answer(
        404,
        errorBody(`Unknown request URL: ${req.method} ${path}`, 'invalid_request_error', 'unknown_url'),
      );
    if (azure) {
      // Azure: key in the `api-key` header, api-version required. Source: Azure OpenAI REST reference (authentication).
      if (seen.headers['api-key'] !== opts.apiKey)
        return answer(401, errorBody('Access denied due to invalid subscription key.', 'invalid_request_error', '401'));
      if (!queryOne(seen.query, 'api-version'))
        return answer(404, errorBody('Resource not found', 'invalid_request_error', '404')); // unverified: Azure's answer to a missing api-version
      if (opts.deployments && !opts.deployments.includes(azure[1]))
        return answer(
          404,
          errorBody(
            'The API deployment for this resource does not exist.',
            'invalid_request_error',
            'DeploymentNotFound',
          ),
        );
    } else if (seen.headers.authorization !== `Bearer ${opts.apiKey}`) {
      // OpenAI: `Authorization: Bearer <key>`. Source: https://platform.openai.com/docs/api-reference/authentication
      return answer(401, errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
    }
    const parsed = ChatBody.safeParse(body.json);
    if (!parsed.success || (!azure && !parsed.data.model))
      return answer(400, errorBody('Invalid request body.', 'invalid_request_error', 'invalid_body'));
    const behaviour = next();
    if ('status' in behaviour)
      return answer(behaviour.status, {
        error: { param: null, type: 'server_error', code: null, message: 'scripted failure', ...behaviour.error },
      });
    if ('hangMs' in behaviour) {
      await sleep(behaviour.hangMs);
      if (res.destroyed) return;
    }
    const content = behaviour.reply ?? 'none';
    // Response shape: a chat.completion object. Source: https://platform.openai.com/docs/api-reference/chat/object
    answer(200, {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: parsed.data.model ?? azure?.[1],
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 100, completion_tokens: 3, total_tokens: 103 },
    });
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handler(req, res).catch(() => send(res, 500, errorBody('stand-in error', 'server_error', 'internal')));
  };
  const server = opts.tls
    ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : http.createServer(listener);
  const port = await listen(server as http.Server);
  const scheme = opts.tls ? 'https' : 'http';
  return {
    openaiBaseUrl: `${scheme}://127.0.0.1:${port}/v1`,
    azureEndpoint: `${scheme}://127.0.0.1:${port}`,
    requests,
    script(...b) {
      behaviours = b.length ? b : [{ reply: 'none' }];
    },
    close: () => closeServer(server as http.Server),
  };
}
