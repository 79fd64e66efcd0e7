import pino from 'pino';

/**
 * The dashboard's one logger: structured JSON lines, levelled, with secrets redacted by path
 * as a second line of defence (the first is never to log them).
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'jenkins-on-aws-dashboard' },
  redact: {
    paths: [
      'password',
      '*.password',
      'secret',
      '*.secret',
      'headers.cookie',
      'headers.authorization',
      '*.headers.cookie',
      '*.headers.authorization',
    ],
    censor: '[redacted]',
  },
});
