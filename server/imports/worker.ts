import { parentPort } from 'node:worker_threads';
import { type ImportJob, runImportJob } from './jobs';

/** The import worker: plans one job at a time and answers with the plan or the error's message. */
parentPort!.on('message', async ({ id, job }: { id: number; job: ImportJob }) => {
  try {
    parentPort!.postMessage({ id, ok: true, plan: await runImportJob(job) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
