import type { BreachedPasswords } from './breached-passwords.js';

/** The rules a new password must meet; NIST SP 800-63B favours length and a breached-list check over composition. */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) it must mix; 0 for none. */
  minClasses: number;
  /** Refuse passwords that contain the username (case-insensitive). */
  rejectUsername: boolean;
  /** Refuse passwords on the shipped list of commonly breached ones. */
  rejectBreached: boolean;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, maxLength: 128, minClasses: 3, rejectUsername: true, rejectBreached: true };

/** A rule a candidate password breaks; each one has a localized explanation on the reset page. */
export type PolicyViolation = 'too_short' | 'too_long' | 'classes' | 'contains_username' | 'breached';

/** How many of the four character classes the password mixes. */
export function characterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((pattern) => pattern.test(password)).length;
}

/** Every rule the candidate breaks; empty means it may be set. */
export function checkPassword(policy: PasswordPolicy, password: string, username: string, breached: BreachedPasswords): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const length = [...password].length;
  if (length < policy.minLength) violations.push('too_short');
  if (length > policy.maxLength) violations.push('too_long');
  if (characterClasses(password) < policy.minClasses) violations.push('classes');
  const name = username.toLowerCase().split('@')[0] ?? '';
  if (policy.rejectUsername && name.length >= 3 && password.toLowerCase().includes(name)) violations.push('contains_username');
  if (policy.rejectBreached && breached.contains(password)) violations.push('breached');
  return violations;
}
