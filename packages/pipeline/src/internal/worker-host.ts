// The entry point of every pool worker: loads the task module and answers the pool's requests.
import { parentPort, workerData } from 'node:worker_threads';
import { toTaskError } from '../task-error.js';
import type { TaskModule } from '../task-module.js';
import type { HostData, TaskRequest, TaskResponse } from './messages.js';

const { taskUrl, setupData } = workerData as HostData;
const port = parentPort!;
let loaded: Promise<TaskModule> | undefined;

async function load(): Promise<TaskModule> {
  const module = (await import(taskUrl)) as Partial<TaskModule>;
  if (typeof module.run !== 'function') throw new Error(`task module ${taskUrl} exports no run(input) function`);
  try {
    await module.setup?.(setupData);
  } catch (error) {
    const failure = toTaskError(error);
    throw Object.assign(new Error(`task setup failed: ${failure.message}`), { code: failure.code });
  }
  return module as TaskModule;
}

port.on('message', async ({ id, input }: TaskRequest) => {
  let response: TaskResponse;
  try {
    loaded ??= load();
    const module = await loaded;
    response = { id, ok: true, value: await module.run(input) };
  } catch (error) {
    response = { id, ok: false, error: toTaskError(error) };
  }
  try {
    port.postMessage(response);
  } catch (error) {
    // The value could not be cloned (a function, a class instance with private state...).
    port.postMessage({ id, ok: false, error: toTaskError(error) } satisfies TaskResponse);
  }
});
