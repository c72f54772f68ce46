import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Language, type Phrase, translate } from './dictionary';

type LanguageContextValue = { language: Language; t: (phrase: Phrase) => string; toggle: () => void };

const LanguageContext = createContext<LanguageContextValue>({
  language: 'zh',
  t: (phrase) => translate('zh', phrase),
  toggle: () => {},
});

/** Chinese by default; the choice sticks in localStorage (the wall keeps it across restarts). */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() =>
    localStorage.getItem('language') === 'en' ? 'en' : 'zh',
  );
  const toggle = useCallback(() => {
    setLanguage((current) => {
      const next = current === 'zh' ? 'en' : 'zh';
      localStorage.setItem('language', next);
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      return next;
    });
  }, []);
  const value = useMemo(
    () => ({ language, t: (phrase: Phrase) => translate(language, phrase), toggle }),
    [language, toggle],
  );
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}
