import { allowServerOnlyModules } from './server-only';

// Set before any dashboard or SDK module loads: they read these once, at import.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'silent';
allowServerOnlyModules();

const { runBenchmarks } = await import('./main');
process.exitCode = await runBenchmarks(process.argv.slice(2));
