import { PERMISSION_SET, PERMISSION_SET_USER_PERMISSION_ORDER } from '../metadata-types.js';
import type { AppSettings } from '../model.js';
import { orderedNodes } from '../xml-writer.js';
import { renderComponent, type GeneratedComponent } from './component.js';

/**
 * Renders a PermissionSet for the integration user, named in the app's
 * assignments. It grants API Enabled only, so the admin adds object and field access.
 */
export function generatePermissionSet(settings: AppSettings, name: string): GeneratedComponent {
  const apiEnabled = orderedNodes({ enabled: true, name: 'ApiEnabled' }, PERMISSION_SET_USER_PERMISSION_ORDER);
  return renderComponent(PERMISSION_SET, name, {
    description: `Assigned to the app ${settings.label}; users with it may log in through the JWT bearer flow.`,
    hasActivationRequired: false,
    label: name.replace(/_/g, ' '),
    userPermissions: { children: apiEnabled },
  });
}
