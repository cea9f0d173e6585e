import { LANGUAGES, PATHS, registrationChoices, SUBJECT_TYPES, type ServiceConfig, type SubjectType } from '@dvc-kit/sdk';
import { SIGNATURE_METHODS } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { offeredMethods } from '../flows/registration/registration.js';
import { signatureFlowOffered } from '../flows/signature-proof.js';
import { OTP_LENGTH } from '../otp/code.js';
import type { AppEnv } from '../http/env.js';

/** `GET /v1/config`: the rules and options a widget renders from, for the calling portal. */
export function configRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(PATHS.config, (c) => {
    const { config } = deps;
    const client = c.var.client;
    const registrationMethods: string[] = offeredMethods(deps, client);
    // IAL3 by signature (USB token, SIM signature, remote signing), where the service offers it: per
    // method and subject type, as the flows accept it.
    const bySignature = SIGNATURE_METHODS.map((method) => ({ method, subjectTypes: SUBJECT_TYPES.filter((subjectType) => signatureFlowOffered(deps, method, subjectType)) }));
    const offeredTo = (method: string, subjectType: SubjectType) => bySignature.some((entry) => entry.method === method && entry.subjectTypes.includes(subjectType));
    const signatureMethods = bySignature.filter((entry) => entry.subjectTypes.length > 0).map((entry) => entry.method);
    registrationMethods.push(...signatureMethods);
    const passwordMethods = client.signInMethods ?? config.signInMethods;
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
        methods: methods.map((choice) => ({
          ...choice,
          available: choice.available && (!(SIGNATURE_METHODS as readonly string[]).includes(choice.method) || offeredTo(choice.method, subjectType)),
        })),
        // A password sign-in finds citizens' accounts only; enterprises and officers sign in by signature.
        signInMethods: [...(subjectType === 'citizen' ? passwordMethods : []), ...signatureMethods.filter((method) => offeredTo(method, subjectType))],
      })),
      signInMethods: [...passwordMethods, ...signatureMethods.filter((method) => offeredTo(method, 'citizen'))],
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
