import { ECA_POLICIES } from '../metadata-types.js';
import type { AppSettings } from '../model.js';
import { renderComponent, type GeneratedComponent } from './component.js';

/** ExtlClntAppConfigurablePolicies: the app and its OAuth plugin enabled. */
export function generateEcaPolicies(settings: AppSettings): GeneratedComponent {
  return renderComponent(ECA_POLICIES, `${settings.name}_plcy`, {
    externalClientApplication: settings.name,
    isEnabled: true,
    isOauthPluginEnabled: true,
    label: `${settings.label} policies`,
  });
}
