import publicApi from './public-api';
import stories from './stories';

export default {
  'public-api': publicApi,
  stories,
};
