# syntax=docker/dockerfile:1
#
# The dashboard as a container image: Next.js standalone output on Node 20, run as a non-root
# user, health-checked on /api/health. No setting or secret is baked in: AWS_REGION,
# DASHBOARD_* and credentials come from the environment at run time (README, "Running on AWS").
#
#   docker build -t jenkins-on-aws-dashboard .
#   docker run -p 3000:3000 -e AWS_REGION=eu-west-1 -e DASHBOARD_PUBLIC_URL=... \
#     -e DASHBOARD_SESSION_SECRET=... -e DASHBOARD_USERS_FILE=/config/users.json \
#     -v /etc/jenkins-dashboard:/config:ro jenkins-on-aws-dashboard

ARG NODE_IMAGE=node:20-bookworm-slim

# Dependencies from the lockfile only, so this layer is reused until package-lock.json changes.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The production build. public/ may be empty (and so absent from a git checkout).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN mkdir -p public && npx next build

# The runtime: the traced server and its node_modules, the static assets next to it, and the
# bundled template the launch form reads from the working directory.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/cloudformation ./cloudformation
# The application files stay root-owned and read-only to the server; only Next's cache is its own.
RUN mkdir -p .next/cache && chown node:node .next/cache
# The node image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
