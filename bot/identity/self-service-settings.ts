/** Limits of self-service reset and unlock; the defaults follow NIST SP 800-63B. */
export interface SelfServiceSettings {
  /** Digits in a one-time code (6–10). */
  codeDigits: number;
  /** How long a code works (at most 10 minutes). */
  codeTtlMs: number;
  /** How long a reset link works (at most 15 minutes). */
  linkTtlMs: number;
  /** Wrong codes per account in a day before the flow locks for it. */
  maxWrongCodes: number;
  /** Reset or unlock requests per account in a day before the flow locks for it. */
  maxRequestsPerDay: number;
  /** Ask the directory to force another change at the next sign-in (off: the user just chose this password). */
  mustChangeAtNextLogon: boolean;
  /** Where users reach Mesa, for the reset link (known once Mesa listens when PUBLIC_URL is unset). */
  publicUrl: () => string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_SELF_SERVICE: Omit<SelfServiceSettings, 'publicUrl'> = {
  codeDigits: 6,
  codeTtlMs: 10 * 60 * 1000,
  linkTtlMs: 15 * 60 * 1000,
  maxWrongCodes: 5,
  maxRequestsPerDay: 3,
  mustChangeAtNextLogon: false,
};
