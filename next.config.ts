import type { NextConfig } from 'next';

const config: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['pino', '@node-rs/argon2'],
  // Files the server reads from its working directory at run time, which tracing cannot see:
  // the bundled template (lib/stacks/templates.ts) and the controller's JCasC beside it.
  outputFileTracingIncludes: {
    '/*': ['./cloudformation/jenkins.yaml', './jenkins/casc.yaml'],
  },
  experimental: {
    // pageUser() answers a signed-in user without the role with forbidden() (app/forbidden.tsx).
    authInterrupts: true,
  },
};

export default config;
