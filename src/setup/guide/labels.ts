import type { IpRelaxation } from '../model.js';

/** Setup's label of each IP Relaxation choice in an app's OAuth policies. */
export const IP_RELAXATION_LABELS: Readonly<Record<IpRelaxation, string>> = {
  enforce: 'Enforce IP restrictions',
  bypass: 'Relax IP restrictions',
  'bypass-2fa': 'Relax IP restrictions for activated devices',
  'enforce-relax-refresh': 'Enforce IP restrictions, but relax for refresh tokens',
};
