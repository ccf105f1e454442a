/** What the app remembers for this tab (sessionStorage: nothing survives closing it). */
const JOBS = 'mensura.jobs';

export const state = {
  consented: false,
  policyVersion: undefined as string | undefined,
};

export function jobs(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(JOBS) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function rememberJob(id: string): void {
  sessionStorage.setItem(JOBS, JSON.stringify([id, ...jobs().filter((j) => j !== id)].slice(0, 10)));
}

export function forgetJobs(): void {
  sessionStorage.removeItem(JOBS);
}

export interface Measurement {
  name: string;
  value: number;
  uncertainty: number;
}

export interface Measurements {
  jobId: string;
  standard: string;
  unit: string;
  fitQualityCm: number;
  measurements: Measurement[];
}
