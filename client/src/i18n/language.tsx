import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Language, type Phrase, type PhraseArgs, translate } from './dictionary';

type Translate = <P extends Phrase>(phrase: P, ...args: PhraseArgs<P>) => string;

type LanguageContextValue = { language: Language; t: Translate; toggle: () => void };

const LanguageContext = createContext<LanguageContextValue>({
  language: 'zh',
  t: (phrase, ...args) => translate('zh', phrase, ...args),
  toggle: () => {},
});

/**
 * Chinese by default; the choice sticks in localStorage (the wall keeps it across restarts). `fixed` sets the
 * language from outside (the server-side snapshot asks for one per picture).
 */
export function LanguageProvider({ children, fixed }: { children: ReactNode; fixed?: Language }) {
  const [chosen, setLanguage] = useState<Language>(() =>
    localStorage.getItem('language') === 'en' ? 'en' : 'zh',
  );
  const language = fixed ?? chosen;
  const toggle = useCallback(() => {
    setLanguage((current) => {
      const next = current === 'zh' ? 'en' : 'zh';
      localStorage.setItem('language', next);
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      return next;
    });
  }, []);
  const value = useMemo(() => {
    const t: Translate = (phrase, ...args) => translate(language, phrase, ...args);
    return { language, t, toggle };
  }, [language, toggle]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}
