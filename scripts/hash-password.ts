// Makes a bcrypt hash for AUTH_USERS. The password is read from the terminal without echo (or from
// standard input when piped), never from the command line, where shell history and `ps` would
// keep it.
//   npm run -s hash-password -- alice        → alice:$2b$10$…   (append to AUTH_USERS, comma-separated)
//   printf '%s\n' "$PW" | npm run -s hash-password -- alice
// The hash has bcrypt cost 10. AUTH_USERS takes costs 10 to 14, the same for every user; hashes
// made elsewhere (htpasswd -B makes 5 unless given -C 10) must follow that rule.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { hashPassword, passwordProblem } from '../src/server/auth/hash-password';

const name = process.argv[2];
if (name !== undefined && !/^[^\s:,]+$/.test(name)) {
  console.error('A user name may not contain spaces, ":" or ",".');
  process.exit(2);
}

// Prompts go to stderr and typed characters are not echoed, so stdout holds only the result.
let echo = true;
const terminal = new Writable({
  write(chunk, encoding, done) {
    if (echo) process.stderr.write(chunk, encoding);
    done();
  },
});
const input = createInterface({ input: process.stdin, output: terminal, terminal: process.stdin.isTTY });

async function ask(prompt: string): Promise<string> {
  const answer = input.question(process.stdin.isTTY ? prompt : '');
  echo = false;
  const password = await answer;
  echo = true;
  if (process.stdin.isTTY) process.stderr.write('\n');
  return password;
}

const password = await ask('Password: ');
if (process.stdin.isTTY && (await ask('Repeat it: ')) !== password) {
  console.error('The two passwords differ; nothing was made.');
  process.exit(1);
}
input.close();
const problem = passwordProblem(password);
if (problem !== undefined) {
  console.error(problem);
  process.exit(1);
}
const hash = await hashPassword(password);
console.log(name === undefined ? hash : `${name}:${hash}`);
