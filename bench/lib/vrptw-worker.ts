// Worker thread for the second core: solves the same instance with another seed.
import { parentPort } from 'node:worker_threads';
import { solveFile } from './vrptw-solve';

interface Job {
  file: string;
  deadline: number;
  seed: number;
}

parentPort?.on('message', (job: Job) => {
  parentPort?.postMessage(solveFile(job.file, job.deadline, job.seed));
});
parentPort?.postMessage('ready');
