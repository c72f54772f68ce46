import type { DemoAccount } from './auth/accounts';

/** What `npm start` prints once the server listens: where each page is, and the demo accounts' passwords. */
export function startBanner(url: string, demoAccounts: readonly DemoAccount[]): string {
  const lines = [
    'Tianshan Air is running:',
    `  situational map   ${url}/`,
    `  wall display      ${url}/wall`,
    `  commander console ${url}/command`,
    `  press page        ${url}/press`,
    `  health            ${url}/api/health`,
  ];
  if (demoAccounts.length > 0)
    lines.push(
      '',
      'DEMO ACCOUNTS (demo mode only, for both prefectures; create real ones with `npm run cli -- user add`):',
      ...demoAccounts.map(
        (account) => `  ${account.username.padEnd(24)} ${account.password ?? '(password changed)'}`,
      ),
    );
  return lines.join('\n');
}
