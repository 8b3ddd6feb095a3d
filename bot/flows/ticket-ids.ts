/**
 * Button ids about a ticket. They carry the ticket number because they are pressed in notices sent while
 * no flow was active, sometimes days later; the desk checks the number belongs to the user.
 */
export const ticketIds = {
  leave: (number: string) => `handoff.leave.${number}`,
  confirm: (number: string) => `ticket.confirm.${number}`,
  reject: (number: string) => `ticket.reject.${number}`,
  score: (number: string, score: number) => `survey.${number}.${score}`,
  skipComment: (number: string) => `survey.${number}.skip`,
};

export function parseLeave(actionId: string): string | null {
  return /^handoff\.leave\.(.+)$/.exec(actionId)?.[1] ?? null;
}

export function parseTicketAction(actionId: string): { kind: 'confirm' | 'reject'; number: string } | null {
  const match = /^ticket\.(confirm|reject)\.(.+)$/.exec(actionId);
  return match ? { kind: match[1] as 'confirm' | 'reject', number: match[2]! } : null;
}

export type SurveyPress = { kind: 'score'; number: string; score: number } | { kind: 'skip'; number: string };

export function parseSurveyAction(actionId: string): SurveyPress | null {
  const match = /^survey\.(.+)\.(skip|\d+)$/.exec(actionId);
  if (!match) return null;
  return match[2] === 'skip' ? { kind: 'skip', number: match[1]! } : { kind: 'score', number: match[1]!, score: Number(match[2]) };
}
