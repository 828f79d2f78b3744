import { z } from 'zod';

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const PasswordChangeInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10, 'minimal 10 karakter / at least 10 characters').max(200),
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

export const SwitchUnitInput = z.object({ unitCode: z.string().min(1).max(50) });
export type SwitchUnitInput = z.infer<typeof SwitchUnitInput>;

export const UnitRef = z.object({ code: z.string(), name: z.string() });
/** The acting unit, with the time zone its clocks and dates are shown in. */
export const ActiveUnit = UnitRef.extend({ timeZone: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;

export const SessionUser = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  unit: ActiveUnit,
  homeUnit: UnitRef,
  villageCode: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;
