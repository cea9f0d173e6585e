import { DvcClient } from '@dvc-kit/sdk';
import { createMockFetch, createMockHandlers, MockScenario, type MockOptions } from '@dvc-kit/sdk/mock';
import { fakeClock, type FakeClock } from './clock.js';

/** A stand-in identity service (the SDK mock), a client of it, and the clock both share. */
export interface TestService {
  readonly scenario: MockScenario;
  readonly client: DvcClient;
  readonly clock: FakeClock;
  /** Holds every request from now on until the returned function is called (to look at a widget while it waits). */
  pause(): () => void;
}

export function testService(options: MockOptions = {}): TestService {
  const clock = fakeClock();
  const scenario = new MockScenario({ code: '123456', now: () => clock.now(), ...options });
  const mockFetch = createMockFetch(createMockHandlers(scenario));
  let gate: Promise<void> | undefined;
  const client = new DvcClient({
    baseUrl: 'http://127.0.0.1:4000',
    clientId: 'ministry-portal',
    retries: 0,
    fetch: async (input, init) => {
      await gate;
      return mockFetch(input, init);
    },
  });
  const pause = () => {
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      gate = undefined;
      release();
    };
  };
  return { scenario, client, clock, pause };
}

/** Trần Thị Bích Ngọc, a fictional citizen of the mock's carrier records who has no account yet. */
export const NGOC = {
  idNumber: '079195004321',
  fullName: 'Trần Thị Bích Ngọc',
  birthDate: '12/03/1995',
  phone: '0912345678',
  maskedPhone: '091****678',
} as const;

/** Nguyễn Văn An, who already has an account in the mock. */
export const AN = {
  idNumber: '001090001234',
  fullName: 'Nguyễn Văn An',
  birthDate: '05/09/1990',
  phone: '0971234398',
  maskedPhone: '097****398',
} as const;

/** A service that offers every signature method to citizens, for registration, sign-in and the upgrade. */
export const SIGNING: MockOptions = {
  config: { registrationMethods: ['mobile', 'usb_token', 'sim_signature', 'remote_signing'], signInMethods: ['password', 'usb_token', 'sim_signature', 'remote_signing'] },
};
