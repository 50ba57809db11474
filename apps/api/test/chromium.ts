/** The browser tests drive the same Chromium the report's PDFs are printed with (one place decides which). */
export { chromiumLaunchOptions } from '../src/report/chromium';
