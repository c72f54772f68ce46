import { spawn } from 'node:child_process';

export type CliResult = { status: number | null; output: string };

/**
 * `npm run cli -- <args>` as the README documents it, in a process of its own against the store the
 * environment names (DATA_DIR, or DATABASE_URL; AUDIT_KEY as for the server); `stdin` is typed into it.
 */
export function runCli(
  args: string[],
  environment: Record<string, string>,
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], {
      env: { ...process.env, ...environment },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A command that exits before reading its input closes the pipe: not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(stdin ?? '');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}
