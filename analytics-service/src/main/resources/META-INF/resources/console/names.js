'use strict';
// What the console and the dashboard both call things people see: channels and the classifier's level-1 categories,
// in the page's language. The categories keep their Chinese names in the data; English readers get these.
const Names = (() => {
  const CHANNELS = {
    zh: { WEB: '网站', WECHAT: '微信', WEIBO: '微博', ALIPAY: '支付宝', HOTLINE: '12345热线', OPEN311: 'Open311' },
    en: { WEB: 'Web', WECHAT: 'WeChat', WEIBO: 'Weibo', ALIPAY: 'Alipay', HOTLINE: '12345 hotline', OPEN311: 'Open311' }
  };
  const CATEGORY_EN = { 交通运输: 'Transport', 劳动和社会保障: 'Labour and social security', 卫生计生: 'Health and family planning',
    商贸旅游: 'Commerce and tourism', 城乡建设: 'Urban and rural construction', 教育文体: 'Education, culture and sport', 环境保护: 'Environmental protection' };
  return {
    channels: CHANNELS,
    category: (c, lang) => (lang === 'en' && CATEGORY_EN[c]) || c || '–',
    categoryInEnglish: c => CATEGORY_EN[c] || ''
  };
})();
