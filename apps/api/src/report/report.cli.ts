import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FIRST_NETWORK_YEAR, LAST_NETWORK_YEAR } from '@app/contracts/vocabulary';
import { REPORT_LANGUAGES } from './retrospective-report.request.dto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { retrospectivesProjection } from '@app/projections';
import { ProjectorService } from '@app/projection-runtime';
import { loadAppConfig, type AppConfig } from '../config/app.config';
import { ReportPdfPrinter } from './report-pdf';
import { REPORT_TEXT } from './report-text';
import { optionsOrExit, parseCliArgs, UsageError } from '../shared/cli-args';
import { GetReportEditionQuery } from './get-report-edition.query';
import { ReportCliModule } from './report-cli.module';
import { ReportSeal } from './report-seal';
import type { ReportLanguage } from './report-text';
import { renderRetrospectiveHtml } from './retrospective-html.renderer';
import { renderRetrospectiveMarkdown } from './retrospective-markdown.renderer';

const CLI_FORMATS = ['html', 'md', 'json', 'pdf'] as const;
type CliFormat = (typeof CLI_FORMATS)[number];

const USAGE = `Usage: npm run report -- <year> [--format html|md|json|pdf] [--lang nl|en] [--out <file>]

Writes the annual retrospective ("terugblik") of <year> (${FIRST_NETWORK_YEAR}-${LAST_NETWORK_YEAR}), read from the
retrospectives read model of the configured stores (SQLITE_FILE, READ_STORE, ...), the same report as
GET /retrospectives/<year>/report.

  --format  html (default): a printable page with charts; md: Markdown with tables; json: the report model;
            pdf: the page printed to A4 by headless Chromium (CHROMIUM_PATH, or the one npm install brings)
  --lang    nl (default) or en
  --out     write to this file instead of standard output (folders are created)

Example: npm run report -- 2012 --format md --lang en --out reports/2012-en.md`;

interface CliOptions {
  year: number;
  format: CliFormat;
  lang: ReportLanguage;
  out?: string;
}

/** Parses `<year> [--format f] [--lang l] [--out file]` (also `--format=f`); throws a UsageError saying what is wrong. */
export function parseReportArgs(args: readonly string[]): CliOptions {
  const { values, positionals: positional } = parseCliArgs(args, {
    format: { type: 'string', default: 'html' },
    lang: { type: 'string', default: 'nl' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!(CLI_FORMATS as readonly string[]).includes(values.format))
    throw new UsageError(`--format must be html, md, json or pdf, not "${values.format}".`);
  if (!(REPORT_LANGUAGES as readonly string[]).includes(values.lang))
    throw new UsageError(`--lang must be nl or en, not "${values.lang}".`);
  const options = {
    format: values.format as CliFormat,
    lang: values.lang as ReportLanguage,
    ...(values.out !== undefined && { out: values.out }),
  };
  if (positional.length === 0) throw new UsageError('Which year? Give it as the first argument, e.g. 2012.');
  if (positional.length > 1) throw new UsageError(`One year at a time, not ${positional.join(' ')}.`);
  const [text] = positional;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < FIRST_NETWORK_YEAR || year > LAST_NETWORK_YEAR)
    throw new UsageError(
      `The year must be from ${FIRST_NETWORK_YEAR} to ${LAST_NETWORK_YEAR}, not "${text}".`,
    );
  return { ...options, year };
}

async function main(args: string[]): Promise<number> {
  const parsed = optionsOrExit(args, USAGE, parseReportArgs, { out: console.log, err: console.error });
  if ('exit' in parsed) return parsed.exit;
  const { options } = parsed;

  const config = loadAppConfig(process.env);
  const { stores } = config;
  // Opening a SQLite file that is not there would create an empty database and print an empty report.
  if ((stores.eventStore === 'sqlite' || stores.readStore === 'sqlite') && !existsSync(stores.sqliteFile)) {
    console.error(
      `No database at ${stores.sqliteFile}. Start the API once (npm start) to create it, or point SQLITE_FILE ` +
        'at an existing one.',
    );
    return 1;
  }

  const context = await NestFactory.createApplicationContext(ReportCliModule.forRoot(config), {
    logger: false,
  });
  try {
    await warnWhenBehind(context.get(ProjectorService), context.get<EventStore>(EVENT_STORE));
    // The operator's own database: names are shown, as to a signed-in reader.
    const found = await context.get(QueryBus).execute(new GetReportEditionQuery(options.year, true));
    // The seal the figures rest on, in every format (the JSON's `seal` field, the colophon's line).
    const seal = await context.get(ReportSeal).latest();
    const edition = { ...found, report: { ...found.report, seal } };
    const output =
      options.format === 'pdf'
        ? await printPdf(
            renderRetrospectiveHtml(edition, options.lang, {
              navigation: false,
              template: config.reportTemplate,
            }),
            options.lang,
            config,
          )
        : options.format === 'json'
          ? `${JSON.stringify(edition.report, null, 2)}\n`
          : options.format === 'md'
            ? renderRetrospectiveMarkdown(edition, options.lang, { template: config.reportTemplate })
            : renderRetrospectiveHtml(edition, options.lang, {
                navigation: false,
                template: config.reportTemplate,
              });
    if (options.out === undefined) {
      process.stdout.write(output);
    } else {
      const file = resolve(options.out);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, output);
      console.error(`Wrote the ${options.year} report (${options.format}, ${options.lang}) to ${file}`);
    }
    return 0;
  } finally {
    await context.close();
  }
}

/** One PDF with a browser of its own, closed afterwards. */
async function printPdf(html: string, lang: ReportLanguage, config: AppConfig): Promise<Buffer> {
  const printer = new ReportPdfPrinter({ concurrency: 1, chromiumPath: config.reportPdf.chromiumPath });
  try {
    return await printer.print(html, REPORT_TEXT[lang].pdfPage);
  } finally {
    await printer.close();
  }
}

/** The report is as fresh as the read model: say so when the projector has not applied every event yet. */
async function warnWhenBehind(projector: ProjectorService, eventStore: EventStore): Promise<void> {
  const head = (await eventStore.headPosition()) ?? 0;
  const status = (await projector.statuses()).find((s) => s.name === retrospectivesProjection.name);
  const position = status?.position ?? 0;
  if (position < head) {
    console.error(
      `Note: the retrospectives read model is at position ${position} of ${head}; the report leaves out the ` +
        'newest events. Start the API (embedded projector) or the projector app to let it catch up.',
    );
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
