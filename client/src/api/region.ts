import { api } from './client';
import type { RegionResponse } from './types';

export function fetchRegion(signal?: AbortSignal): Promise<RegionResponse> {
  return api<RegionResponse>('/api/region', { signal });
}
