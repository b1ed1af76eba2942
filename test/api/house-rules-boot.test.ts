import { playgroundWithPluginEntry } from '../helpers/plugin-entry';
import { bootStrapi } from '../helpers/strapi';

/**
 * Strapi validates the plugin config before any register() runs, so a house rule's code can only
 * be checked for its shape there; the plugin's bootstrap checks it against the registered rules.
 * Either way, a config the gate cannot honour stops the boot. Each case boots the playground
 * (which registers LEAK-HASH) with that plugin entry.
 */
const bootWith = async (config: Record<string, unknown>) => {
  const playground = playgroundWithPluginEntry({ enabled: true, config });
  try {
    const app = await bootStrapi({ distDir: playground.distDir });
    await app.destroy();
  } finally {
    playground.remove();
  }
};

describe('house rules and overrides in config/plugins.ts, at boot', () => {
  // The boot that succeeds comes first: a boot refused in bootstrap leaves Strapi's module-level
  // registries (admin actions) filled, which a later boot in this file would trip on.
  it('a level and an override for the registered house rule boot', async () => {
    await expect(
      bootWith({
        rules: { 'LEAK-HASH': 'warning' },
        overrides: { 'LEAK-HASH': 'plugin::intelligence-stories.rules.override' },
      })
    ).resolves.toBeUndefined();
  });

  it.each(['R6', 'R9'])('an override for %s stops the boot', async (code) => {
    await expect(
      bootWith({ overrides: { [code]: 'plugin::intelligence-stories.rules.override' } })
    ).rejects.toThrow(new RegExp(`overrides\\.${code}: ${code} cannot be overridden`));
  });
  it('a level for a code no app registered stops the boot, naming it', async () => {
    await expect(bootWith({ rules: { 'LEAK-HASHES': 'warning' } })).rejects.toThrow(
      /rules\.LEAK-HASHES: no house rule is registered with this code \(registered: LEAK-HASH\)/
    );
  });
});
