import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { route } from '../serve.mjs';

describe('serve.mjs route (k8s/core/httproute.yaml)', () => {
  it.each([
    ['/v1/jobs', 'ingest'],
    ['/v1/jobs/abc', 'ingest'],
    ['/v1/jobs/abc/events', 'ingest'],
    ['/v1/jobs/abc/measurements', 'fitting'],
    ['/v1/jobs/abc/model.glb', 'fitting'],
    ['/v1/jobs/abc/model.obj', 'fitting'],
    ['/v1/jobs/abc/receipt', 'audit'],
    ['/v1/jobs/abc/receipt/x', 'ingest'],
    ['/v1/subjects/me/consents/body-measurement', 'privacy'],
    ['/v1/dsr/123', 'privacy'],
    ['/v1/privacy-notice', 'privacy'],
    ['/v1/audit/public-key', 'audit'],
    ['/v1/jobsx', null],
    ['/v1/internal/photos/x', null],
  ])('%s -> %s', (p, service) => {
    expect(route(p)).toBe(service);
  });
});
