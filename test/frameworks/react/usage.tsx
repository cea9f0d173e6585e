// A React 19 page with the DVC Kit elements, type-checked by test/frameworks.test.ts: it must
// compile, and every `@ts-expect-error` below must be an error (so the typings really check).
import type {} from '@dvc-kit/elements/react';

export function SignInPage({ onTokens }: { onTokens: (idToken: string) => void }) {
  return (
    <main>
      <dvc-login
        service="https://id.example.gov.vn"
        client-id="provincial-portal"
        forgot-password-href="/quen-mat-khau"
        ondvc-signed-in={(event) => onTokens(event.detail.tokens.idToken)}
        ondvc-error={(event) => console.warn(event.detail.code, event.detail.missing)}
      />
      <dvc-register service="https://id.example.gov.vn" client-id="ministry-portal" ondvc-registered={(event) => console.info(event.detail.account.ial)} />
      <dvc-assurance-gate
        min-ial={3}
        min-aal={2}
        max-age={600}
        service="https://id.example.gov.vn"
        client-id="provincial-portal"
        ondvc-assurance-met={(event) => console.info(event.detail.assurance.ial, event.detail.assurance.authTime)}
      >
        <p>Nội dung cho tài khoản mức 3</p>
      </dvc-assurance-gate>
      <dvc-account
        service="https://id.example.gov.vn"
        client-id="provincial-portal"
        access-token="eyJ…"
        ondvc-account-changed={(event) => console.info(event.detail.change, event.detail.account.phoneMasked)}
        ondvc-signed-out={(event) => console.info(event.detail.reason)}
      />
    </main>
  );
}

export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error: the service is a URL, not a number */}
      <dvc-login service={42} client-id="p" />
      {/* @ts-expect-error: a signed-in event carries tokens, not a registration */}
      <dvc-login service="s" client-id="p" ondvc-signed-in={(event) => event.detail.registrationId} />
      {/* @ts-expect-error: a sign-out says why, it carries no tokens */}
      <dvc-account service="s" client-id="p" ondvc-signed-out={(event) => event.detail.tokens} />
      {/* @ts-expect-error: the gate's met event carries the service's assurance, not tokens */}
      <dvc-assurance-gate min-ial={2} ondvc-assurance-met={(event) => event.detail.tokens} />
      {/* @ts-expect-error: no such element */}
      <dvc-logon service="s" />
    </>
  );
}

/** Outside JSX too: the tags and their events are typed on the DOM. */
export function listen(onTokens: (idToken: string) => void): void {
  const login = document.querySelector('dvc-login');
  login?.addEventListener('dvc-signed-in', (event) => onTokens(event.detail.tokens.idToken));
  // @ts-expect-error: the error event carries a code, not tokens
  login?.addEventListener('dvc-error', (event) => onTokens(event.detail.tokens.idToken));
}

/** A page that routes itself keeps the "Đăng nhập" link of an existing account from navigating. */
export function RegisterWithRouting({ navigate }: { navigate: (path: string) => void }) {
  return (
    <dvc-register
      service="https://id.example.gov.vn"
      client-id="ministry-portal"
      sign-in-href="/dang-nhap"
      ondvc-sign-in-requested={(event) => {
        event.preventDefault();
        navigate(event.detail.href ?? '/dang-nhap');
      }}
    />
  );
}
