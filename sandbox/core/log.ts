import pino from 'pino';

/** The sandbox's logger: quiet by default (warnings and errors), structured JSON lines. */
export const sandboxLog = pino({
  level: process.env.SANDBOX_LOG_LEVEL ?? 'warn',
  base: { service: 'jenkins-on-aws-sandbox' },
});
