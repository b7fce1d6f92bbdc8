import type { TExportValue } from "./types";

export function formatPrompt({ prompt, conversational }: { prompt: string; conversational: boolean }): TExportValue {
  return conversational ? [{ role: "user", content: prompt }] : prompt;
}

export function formatCompletion({ content, conversational }: { content: string; conversational: boolean }): TExportValue {
  return conversational ? [{ role: "assistant", content }] : content;
}

/** hh-rlhf's implicit-prompt form: the whole exchange in one field. */
export function formatExchange({ prompt, content, conversational }: { prompt: string; content: string; conversational: boolean }): TExportValue {
  if (conversational) {
    return [
      { role: "user", content: prompt },
      { role: "assistant", content },
    ];
  }
  return `\n\nHuman: ${prompt}\n\nAssistant: ${content}`;
}
