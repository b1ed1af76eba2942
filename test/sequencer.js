const Sequencer = require('@jest/test-sequencer').default;

// The files that take minutes, longest first. Without a timing cache (a fresh clone, as in CI) jest
// orders files by size, which starts these small files last: one worker then runs them alone for
// ten minutes while the other has nothing left to do.
const LONGEST_FIRST = [
  'test/api/corrections-survival.property.test.ts',
  'test/security/route-walk.test.ts',
  'test/security/public-leak-probes.test.ts',
  'test/api/public-snapshot.property.test.ts',
  'test/api/migrations.test.ts',
  'test/cache/varnish.test.ts',
];

const rank = (test) => {
  const index = LONGEST_FIRST.findIndex((file) => test.path.endsWith(file));
  return index === -1 ? LONGEST_FIRST.length : index;
};

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const known = tests.filter((test) => rank(test) < LONGEST_FIRST.length);
    const rest = tests.filter((test) => rank(test) === LONGEST_FIRST.length);
    return [...known.sort((a, b) => rank(a) - rank(b)), ...super.sort(rest)];
  }
}

module.exports = LongestFirstSequencer;
