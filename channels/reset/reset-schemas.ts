import { z } from 'zod';

/** A reset token as Mesa issues them (32 random bytes, base64url); anything else is tampered. */
export const resetToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const resetBody = z.object({ password: z.string().min(1).max(256) }).strict();
