export type SeedLanguage = "python" | "typescript" | "go" | "sql";

export type SeedResponse = {
  id: string;
  model: string;
  content: string;
  /** what is wrong with it, for maintainers only; never shown to annotators */
  flaw?: string;
};

export type SeedItem = {
  id: string; // stable slug, e.g. "py-two-sum"
  language: SeedLanguage;
  prompt: string; // markdown: the task as a user would ask a coding assistant, may contain a fenced code block
  responses: SeedResponse[]; // 2 to 4 candidate answers
  tests?: Record<string, { passed: number; total: number }>; // per response id: hidden unit test results a trainer might upload
  scores?: Record<string, number>; // per response id: a reward-model score (float)
  gold?: { preference: number; responses: [string, string] }; // expected answer for gold items: preference −3..3 of responses[1] vs responses[0]; negative = first listed better
};
