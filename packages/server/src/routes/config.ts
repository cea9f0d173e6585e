import { LANGUAGES, PATHS, registrationChoices, SUBJECT_TYPES, type ServiceConfig } from '@dvc-kit/sdk';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { offeredMethods } from '../flows/registration/registration.js';
import { usbTokenOffered } from '../flows/usb-token.js';
import { OTP_LENGTH } from '../otp/code.js';
import type { AppEnv } from '../http/env.js';

/** `GET /v1/config`: the rules and options a widget renders from, for the calling portal. */
export function configRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(PATHS.config, (c) => {
    const { config } = deps;
    const client = c.var.client;
    const registrationMethods: string[] = offeredMethods(deps, client);
    // IAL3 by USB token, where the service offers it: per subject type, as the flows accept it.
    const byToken = SUBJECT_TYPES.filter((subjectType) => usbTokenOffered(deps, subjectType));
    if (byToken.length > 0) registrationMethods.push('usb_token');
    const body: ServiceConfig = {
      clientId: client.id,
      clientName: client.name,
      passwordPolicy: { ...config.passwordPolicy },
      otp: {
        length: OTP_LENGTH,
        ttlSeconds: config.otp.ttlSeconds,
        resendAfterSeconds: config.otp.resendAfterSeconds,
        maxAttempts: config.otp.maxAttempts,
      },
      registrationMethods,
      subjectTypes: registrationChoices(registrationMethods).map(({ subjectType, methods }) => ({
        subjectType,
        methods: methods.map((choice) => ({ ...choice, available: choice.available && (choice.method !== 'usb_token' || byToken.includes(subjectType)) })),
      })),
      signInMethods: [...(client.signInMethods ?? config.signInMethods), ...(byToken.includes('citizen') ? ['usb_token'] : [])],
      // Every client origin may use passkeys once they are configured (under the RP ID, or related to it).
      passkeys: config.passkeys ? { offered: true, rpId: config.passkeys.rpId } : { offered: false },
      // "Mất số điện thoại nhận OTP" by a fresh social-insurance match needs the register.
      lostPhoneRecovery: deps.socialInsurance !== undefined,
      languages: [...LANGUAGES],
      humanCheck: { required: config.humanCheck.required, challengePath: PATHS.humanCheckChallenge },
      consentVersion: config.consentVersion,
    };
    c.header('Cache-Control', 'no-cache');
    return c.json(body);
  });
  return routes;
}
