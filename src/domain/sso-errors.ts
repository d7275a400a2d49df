// Why a single sign-on login failed: the callback redirects to /log-ind?fejl=<reason>, and the login
// page shows the Danish text for a known reason only (never text from the link or the provider).
export const SSO_ERRORS = {
  udloebet: 'Login via SSO er udløbet eller blev startet i en anden browser. Prøv igen.',
  afvist: 'Login via SSO mislykkedes hos identitetsudbyderen. Prøv igen, eller kontakt din administrator.',
  'ikke-oprettet': 'Du er ikke oprettet i Måltavle. Bed en administrator om en invitation.',
  'ikke-bekraeftet':
    'Identitetsudbyderen har ikke bekræftet din e-mailadresse, så Måltavle kan ikke genkende dig. Kontakt din administrator.',
} as const;

export type SsoReason = keyof typeof SSO_ERRORS;

/** The Danish text for a reason from the link, or null when the reason is not one of ours. */
export function ssoErrorText(reason: string | null): string | null {
  return reason && Object.hasOwn(SSO_ERRORS, reason) ? SSO_ERRORS[reason as SsoReason] : null;
}
