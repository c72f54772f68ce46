/**
 * Why the lifecycle refuses an event: a machine code, whether it is about who acts (403) or about the
 * warning's state (409), and the sentence in both languages (the client shows the one on screen).
 */
export type Refusal = { code: string; forbidden: boolean; zh: string; en: string };

export function refusal(code: string, forbidden: boolean, zh: string, en: string): Refusal {
  return { code, forbidden, zh, en };
}
