import { EXTERNAL_CLIENT_APPLICATION } from '../metadata-types.js';
import type { AppSettings } from '../model.js';
import { renderComponent, type GeneratedComponent } from './component.js';

/**
 * ExternalClientApplication, the app's header: who to contact, its label,
 * and distribution state Local (an app of this org, not a packaged one).
 */
export function generateExternalClientApp(settings: AppSettings): GeneratedComponent {
  return renderComponent(EXTERNAL_CLIENT_APPLICATION, settings.name, {
    contactEmail: settings.contactEmail,
    description: settings.description,
    distributionState: 'Local',
    isProtected: false,
    label: settings.label,
  });
}
