import story from './story';

export default {
  story,
};
