import { type ChildProcess, spawn } from 'node:child_process';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** All the server has printed so far. */
  output(): string;
}

const sourceMain = new URL('../../src/cli/main.ts', import.meta.url).pathname;

/**
 * Starts `trygg serve` as its own process and resolves once it listens; by default from the sources, or with
 * `command` as `npm start` runs it. A server that does not start in time is killed, so no test leaves one behind.
 */
export function startServeProcess(options: {
  env: Record<string, string>;
  args?: string[];
  command?: string[];
  timeoutMs?: number;
}): Promise<ServeProcess> {
  const [file, ...leading] = options.command ?? [process.execPath, '--import', 'tsx', sourceMain];
  return new Promise((resolve, reject) => {
    const child = spawn(file!, [...leading, 'serve', '--port', '0', ...(options.args ?? [])], {
      env: { ...process.env, ...options.env },
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running on (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, exited, url: match[1]!.replace('localhost', '127.0.0.1'), output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
