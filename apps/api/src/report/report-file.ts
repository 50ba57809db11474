import type { ReportLanguage } from './report-text';

/** `slimmernetwerk-terugblik-2012.html` / `slimmernetwerk-review-2012.md`: what a saved report is called. */
export const reportFileName = (
  year: number,
  lang: ReportLanguage,
  extension: 'html' | 'md' | 'json' | 'pdf',
): string => `slimmernetwerk-${lang === 'nl' ? 'terugblik' : 'review'}-${year}.${extension}`;
