/**
 * Renders a minimal sfdx-project.json, so `sf project deploy start` runs in a
 * folder that is not yet a Salesforce DX project. `packageDirectory` is
 * relative to the project folder, with `/` separators.
 */
export function generateSfdxProject(packageDirectory: string, apiVersion: string): string {
  const project = {
    packageDirectories: [{ path: packageDirectory, default: true }],
    name: 'sfjwt-setup',
    sourceApiVersion: apiVersion,
  };
  return `${JSON.stringify(project, null, 2)}\n`;
}
