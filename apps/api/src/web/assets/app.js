/**
 * The page's script (`/assets/app.js`, an ES module the page loads with `<script type="module">`): the language
 * switch, the routes (`#/`, `#/?doetank=<id>`, `#/doetanks/<id>`) and the start. The views live in their own
 * modules; none needs a build step or a framework.
 */
import { showDoetank } from './doetank.js';
import { $, focusHeading, navigated } from './dom.js';
import { fillFilters, loadFilterOptions, onFilterChange, readFilters } from './filters.js';
import { pageText } from './i18n.js';
import { renderReportLinks } from './report-links.js';
import { noFilters, rememberLanguage, state, t } from './state.js';
import { loadTimeline, resetTimeline } from './timeline.js';

/** The page's own texts, the pressed language button and the filters' options, in the current language. */
function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-text]').forEach((node) => {
    node.textContent = pageText(state.lang, node.getAttribute('data-text'));
  });
  document.querySelectorAll('.lang-switch button').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === state.lang));
  });
  fillFilters();
  renderReportLinks();
}

/** @param {string | null} lang */
function setLanguage(lang) {
  if (lang === state.lang || (lang !== 'nl' && lang !== 'en')) return;
  rememberLanguage(lang);
  applyLanguage();
  route();
}

const DOETANK_PAGE = /^#\/doetanks\/([0-9a-f-]{36})$/;
const DOETANK_TIMELINE = /^#\/\?doetank=([0-9a-f-]{36})$/;

function route() {
  const hash = location.hash || '#/';
  const doetank = DOETANK_PAGE.exec(hash);
  if (doetank) return showDoetank(doetank[1]);
  document.title = `Slimmernetwerk · ${t().timeline}`;
  $('doetank-view').hidden = true;
  $('timeline-view').hidden = false;
  const asked = DOETANK_TIMELINE.exec(hash);
  if (asked) {
    state.filters = { ...noFilters(), doetank: asked[1] };
    applyLanguage();
  }
  resetTimeline();
  focusHeading($('timeline-title'));
}

function start() {
  document.querySelectorAll('.lang-switch button').forEach((button) => {
    button.addEventListener('click', () => setLanguage(button.getAttribute('data-lang')));
  });
  onFilterChange(() => {
    readFilters();
    resetTimeline();
  });
  $('clear-filters').addEventListener('click', () => {
    state.filters = noFilters();
    applyLanguage();
    if (location.hash !== '#/') location.hash = '#/';
    else resetTimeline();
  });
  $('filters').addEventListener('submit', (event) => event.preventDefault());
  $('load-more').addEventListener('click', loadTimeline);
  window.addEventListener('hashchange', () => {
    navigated();
    route();
  });
  // The skip link's target is the main content, not a route: following it as a hash would leave the view.
  $('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    $('main').focus();
  });
  applyLanguage();
  loadFilterOptions();
  route();
}

start();
