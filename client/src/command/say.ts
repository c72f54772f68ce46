import { useLanguage } from '../i18n/language';

/** The console's words: Chinese first (the default), English beside it for the toggle. */
export function useSay(): (zh: string, en: string) => string {
  const { language } = useLanguage();
  return (zh, en) => (language === 'zh' ? zh : en);
}
