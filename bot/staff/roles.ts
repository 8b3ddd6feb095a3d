/** What a staff member may do; an account holds one or more roles. */
export const STAFF_ROLES = ['admin', 'knowledge_manager', 'coordinator', 'l1_analyst', 'l2_analyst'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

/** Admins may do everything, so every role check lets them through. */
export function hasAnyRole(roles: readonly StaffRole[], allowed: readonly StaffRole[]): boolean {
  return roles.includes('admin') || roles.some((role) => allowed.includes(role));
}
