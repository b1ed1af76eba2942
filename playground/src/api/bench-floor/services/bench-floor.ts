/**
 * Holds the floor route's constant in memory: the bench's server process sets it (over IPC) to the
 * plugin's own single-story answer, so the floor serializes a payload of exactly that size.
 */
export default () => {
  let payload: unknown = null;
  return {
    payload: () => payload,
    setPayload(value: unknown) {
      payload = value;
    },
  };
};
