/** The map labels' typeface: the label layer draws in it, placement measures in it, the wall tests read it. */
export const fontFamily = 'Noto Sans CJK SC, Noto Sans SC, sans-serif';
