import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

/** `dvc-server` running as a child process, as an operator runs it. */
export interface ServiceProcess {
  /** Where it listens (read from its start-up line). */
  readonly url: string;
  /** What it printed so far (standard output and error). */
  output(): string;
  /** Kills it with SIGKILL, as a crash or an OOM killer would, and waits until it is gone. */
  crash(): Promise<void>;
  /** Stops it with SIGTERM and waits for a clean exit. */
  stop(): Promise<number | null>;
}

/**
 * Starts `packages/server/dist/cli.js` (build first) with `env` on top of a clean environment, on a
 * port of its own choosing, in development mode, and waits for the line naming its address.
 */
export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, [CLI], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DVC_MODE: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  let url: string | undefined;
  while (!url) {
    url = /listening on (http:\/\/[^\s]+)/i.exec(output)?.[1];
    if (url) break;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`dvc-server exited before listening:\n${output}`);
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`dvc-server did not listen within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    output: () => output,
    async crash() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone()) child.kill('SIGTERM');
      return exited;
    },
  };
}
