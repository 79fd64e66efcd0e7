/**
 * Prints an Argon2id hash for a local account's `passwordHash`:
 *   npx tsx scripts/hash-password.ts            (asks for the password without echoing it)
 *   echo -n secret | npx tsx scripts/hash-password.ts --stdin
 * The password is never accepted as an argument, where shell history and `ps` would keep it.
 */
import { createInterface } from 'node:readline';
import { hashPassword, MAX_PASSWORD_LENGTH } from '../lib/auth/passwords';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const terminal = createInterface({
      input: process.stdin,
      output: process.stderr,
      terminal: true,
    });
    // Echo nothing while the password is typed.
    (terminal as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
      if (text.startsWith(question)) process.stderr.write(question);
    };
    terminal.question(question, (answer) => {
      terminal.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<void> {
  const fromStdin = process.argv.includes('--stdin') || !process.stdin.isTTY;
  if (process.argv.slice(2).some((argument) => argument !== '--stdin')) {
    console.error(
      'Usage: npx tsx scripts/hash-password.ts [--stdin]  (the password is read, never passed)',
    );
    process.exit(2);
  }

  const password = fromStdin ? await readStdin() : await ask('Password: ');
  if (!fromStdin && (await ask('Again: ')) !== password) {
    console.error('The two passwords differ.');
    process.exit(1);
  }
  if (password.length < 12 || password.length > MAX_PASSWORD_LENGTH) {
    console.error(`Use a password of 12 to ${MAX_PASSWORD_LENGTH} characters.`);
    process.exit(1);
  }
  console.log(await hashPassword(password));
}

await main();
