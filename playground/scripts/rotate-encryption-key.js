'use strict';

/**
 * `npm run rotate-encryption-key`: the package's own `intelligence-stories-rotate-encryption-key`
 * (bin/), run on the playground, so the playground exercises what newsrooms run. To rotate: put
 * the new key first and keep the old one after it (`new:<key>,old:<key>`), run this, then remove
 * the old key.
 */

// The bootstrap's first-start seeding is skipped: the rotation reports what it did itself.
process.env.PLAYGROUND_SEED = 'false';
require('../../bin/rotate-encryption-key');
