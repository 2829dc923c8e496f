/**
 * The glossary fallback's model call through teams-ai's OpenAIModel (Azure OpenAI or OpenAI chat completions).
 * The knowledge module builds the prompt and checks the reply; this file only sends it.
 */
import {
  GPTTokenizer,
  type Memory,
  OpenAIModel,
  Prompt,
  type PromptFunctions,
  type PromptTemplate,
  TextSection,
} from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { GlossaryModelConfig } from '../../config/fields.js';
import type { ChooserPrompt, EntryChooser } from '../../knowledge/index.js';

/** An id is a few tokens; a longer reply is not an id anyway. */
const MAX_REPLY_TOKENS = 20;

export interface ChooserOptions {
  /** Extra client options (e.g. an https agent trusting a company proxy's certificate authority). */
  clientOptions?: Record<string, unknown>;
}

function modelOf(config: GlossaryModelConfig, options: ChooserOptions): OpenAIModel {
  // One attempt within the timeout: the chat answer must not wait for retries (the retriever's answer is the fallback).
  const common = {
    maxRetries: 0,
    useSystemMessages: true,
    clientOptions: { ...options.clientOptions, timeout: config.timeoutMs, maxRetries: 0 },
  };
  return config.kind === 'azure'
    ? new OpenAIModel({
        ...common,
        azureApiKey: config.apiKey,
        azureEndpoint: config.endpoint,
        azureDefaultDeployment: config.deployment,
        azureApiVersion: config.apiVersion,
      })
    : new OpenAIModel({ ...common, apiKey: config.apiKey, defaultModel: config.model, endpoint: config.baseUrl });
}

function template(prompt: ChooserPrompt): PromptTemplate {
  return {
    name: 'glossary-chooser',
    prompt: new Prompt([new TextSection(prompt.system, 'system'), new TextSection(prompt.user, 'user')]),
    config: {
      schema: 1.1,
      type: 'completion',
      completion: {
        completion_type: 'chat',
        include_history: false,
        include_input: false,
        include_images: false,
        max_input_tokens: 4000,
        max_tokens: MAX_REPLY_TOKENS,
        temperature: 0,
        top_p: 1,
        presence_penalty: 0,
        frequency_penalty: 0,
      },
    },
  };
}

/** Per-call memory for the prompt renderer (OpenAIModel reads `temp.input` and the like; we keep nothing). */
function scratchMemory(): Memory {
  const values = new Map<string, unknown>();
  return {
    deleteValue: (path) => void values.delete(path),
    hasValue: (path) => values.has(path),
    getValue: <T>(path: string) => values.get(path) as T,
    setValue: (path, value) => void values.set(path, value),
  };
}

/** The prompt uses no template functions ({{…}}); asking for one is a programming error. */
const NO_FUNCTIONS: PromptFunctions = {
  hasFunction: () => false,
  getFunction: (name) => {
    throw new Error(`no prompt function ${name}`);
  },
  invokeFunction: (name) => Promise.reject(new Error(`no prompt function ${name}`)),
};

/** An EntryChooser backed by the configured model; a failed or timed-out call throws (the caller keeps its own answer). */
export function createGlossaryChooser(config: GlossaryModelConfig, options: ChooserOptions = {}): EntryChooser {
  const model = modelOf(config, options);
  const tokenizer = new GPTTokenizer();
  return {
    async choose(prompt) {
      // The prompt's sections are fixed text: the turn context and memory are not read, only passed through.
      const memory = scratchMemory();
      const response = await model.completePrompt({} as TurnContext, memory, NO_FUNCTIONS, tokenizer, template(prompt));
      if (response.status !== 'success') throw response.error ?? new Error(`model answered ${response.status}`);
      const content = response.message?.content;
      return typeof content === 'string' ? content : '';
    },
  };
}
