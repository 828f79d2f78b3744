import { z } from 'zod';

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The authenticator code (or a recovery code), when the account has TOTP on. */
  totp: z.string().trim().max(20).optional(),
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
  /** Pangkat/golongan. */
  rank: z.string().nullable(),
  position: z.string().nullable(),
  /** Plt./Plh. when the user holds `position` as acting. */
  acting: z.enum(['Plt.', 'Plh.']).nullable(),
  /** The division (bidang) the user sits in; steps of its services are theirs. */
  division: z.object({ code: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  unit: ActiveUnit,
  homeUnit: UnitRef,
  villageCode: z.string().nullable(),
  /**
   * `required`: the unit makes TOTP compulsory for this user; required and not enabled means
   * the session may only enrol (`auth.totp_enrolment_required` elsewhere).
   */
  totp: z.object({ enabled: z.boolean(), required: z.boolean() }),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const TotpSetup = z.object({
  /** Base32, for typing into the app by hand; shown only until the code confirms it. */
  secret: z.string(),
  uri: z.string(),
  /** The otpauth:// URI as a QR code, a PNG data URL. */
  qr: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetup>;

export const TotpCode = z.string().trim().min(1).max(20);
export const TotpConfirmInput = z.object({ code: TotpCode });
export const TotpDisableInput = z.object({ password: z.string().min(1).max(200), code: TotpCode });
export type TotpDisableInput = z.infer<typeof TotpDisableInput>;

export const SessionInfo = z.object({
  /** An opaque short id, not the session's key. */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const UnitSecurity = z.object({ requireTotp: z.boolean() });
export type UnitSecurity = z.infer<typeof UnitSecurity>;

export const CsrfToken = z.object({ token: z.string() });
export type CsrfToken = z.infer<typeof CsrfToken>;
/** The signed-in user, as login, `me`, unit switch and TOTP confirmation answer. */
export const SessionAnswer = z.object({ user: SessionUser });
export type SessionAnswer = z.infer<typeof SessionAnswer>;
/** Who is signed in, or `null`: the page asks without a failed request in the console. */
export const MaybeSession = z.object({ user: SessionUser.nullable() });
export type MaybeSession = z.infer<typeof MaybeSession>;
export const TotpConfirmed = z.object({ recoveryCodes: z.array(z.string()), user: SessionUser });
export type TotpConfirmed = z.infer<typeof TotpConfirmed>;
export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;
export const SessionIdParams = z.object({ id: z.string().min(1).max(64) });
export const RevokedCount = z.object({ revoked: z.number() });
export type RevokedCount = z.infer<typeof RevokedCount>;
export const UnitList = z.object({ units: z.array(UnitRef) });
export type UnitList = z.infer<typeof UnitList>;
