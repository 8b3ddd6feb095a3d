/** Staff emails are one account whatever their case or surrounding spaces: the form every lookup and count uses. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
