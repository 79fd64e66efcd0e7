import 'server-only';
import { config } from '../config';
import { AppError } from '../errors';
import { regionSchema } from './params';

/**
 * The region a request is about: the `region` query parameter when given (it must be one of
 * the configured regions, so a request cannot steer the server's credentials elsewhere),
 * otherwise the first configured region.
 */
export function requestRegion(request: Request): string {
  const asked = new URL(request.url).searchParams.get('region');
  const { regions } = config();
  if (asked === null || asked === '') return regions[0];
  const parsed = regionSchema.safeParse(asked);
  if (!parsed.success || !regions.includes(parsed.data)) {
    throw new AppError(
      'bad_request:region',
      `Region "${asked.slice(0, 40)}" is not one this dashboard manages (${regions.join(', ')}).`,
    );
  }
  return parsed.data;
}
