/**
 * The page's script (`/assets/app.js`, an ES module the page loads with `<script type="module">`): the language
 * switch, the routes and the start. Routes: `#/` the front page, `#/timeline?<filters>` the timeline (every filter
 * in the URL; `#/?<filters>` too, as earlier links wrote it), `#/doetanks/<id>` a Doetank. The views live in their
 * own modules; none needs a build step or a framework.
 */
import { showDoetank } from './doetank.js';
import { showDoetankList } from './doetank-list.js';
import { $, focusHeading, navigated } from './dom.js';
import { fillFilters, loadFilterOptions, onFilterChange, readFilters } from './filters.js';
import { showHome } from './home.js';
import { startLive } from './live.js';
import { showRecord } from './record.js';
import { finishSignIn, renderSession, showSignInNotice } from './sign-in.js';
import { pageText } from './i18n.js';
import { startMemberPicker } from './member-picker.js';
import { startDoetankPicker } from './doetank-picker.js';
import { renderReportLinks } from './report-links.js';
import { noFilters, rememberLanguage, state, t } from './state.js';
import { loadTimeline, resetTimeline } from './timeline.js';
import { filtersOf, timelineHash } from './url-filters.js';

const VIEWS = ['home-view', 'timeline-view', 'doetank-view', 'doetanks-view', 'record-view'];

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
  route(true);
}

const DOETANK_PAGE = /^#\/doetanks\/([0-9a-f-]{36})$/;

/** @param {string} id the view to show; the others are hidden */
function show(id) {
  VIEWS.forEach((view) => {
    $(view).hidden = view !== id;
  });
}

/** The hash last shown, and the view it showed (the focus moves only when the view changes). */
let shownHash = '';
let shownView = '';

/** Shows the view the URL names. @param {boolean} [again] the same URL once more (the language changed) */
function route(again) {
  const hash = location.hash || '#/';
  if (hash === shownHash && !again) return;
  shownHash = hash;
  const doetank = DOETANK_PAGE.exec(hash);
  const filters = filtersOf(hash);
  const list = hash === '#/doetanks';
  const record = hash === '#/record';
  const view = doetank
    ? `doetank ${doetank[1]}`
    : list
      ? 'doetanks'
      : record
        ? 'record'
        : filters
          ? 'timeline'
          : 'home';
  if (view !== shownView && shownView !== '' && !again) navigated();
  shownView = view;
  if (doetank) {
    show('doetank-view');
    return showDoetank(doetank[1]);
  }
  if (record) {
    show('record-view');
    return showRecord();
  }
  if (list) {
    show('doetanks-view');
    return showDoetankList();
  }
  if (!filters) {
    show('home-view');
    return showHome();
  }
  document.title = `Slimmernetwerk · ${t().timeline}`;
  show('timeline-view');
  state.filters = filters;
  fillFilters();
  resetTimeline();
  focusHeading($('timeline-title'));
}

/** A filter changed: the URL says so (a new entry in the history), and the list starts again. */
function filtersChanged() {
  readFilters();
  const hash = timelineHash(state.filters);
  if (hash !== location.hash) window.history.pushState(null, '', hash);
  shownHash = location.hash;
  resetTimeline();
}

function start() {
  document.querySelectorAll('.lang-switch button').forEach((button) => {
    button.addEventListener('click', () => setLanguage(button.getAttribute('data-lang')));
  });
  // The pickers first: they build the filter fields that the filters' listeners are put on.
  startMemberPicker();
  startDoetankPicker();
  onFilterChange(filtersChanged);
  $('clear-filters').addEventListener('click', () => {
    state.filters = noFilters();
    fillFilters();
    filtersChanged();
  });
  $('filters').addEventListener('submit', (event) => event.preventDefault());
  $('load-more').addEventListener('click', loadTimeline);
  // Links change the hash; Back and Forward may only pop a state the page pushed: both show the URL's view.
  const onNavigation = () => route();
  window.addEventListener('hashchange', onNavigation);
  window.addEventListener('popstate', onNavigation);
  // The skip link's target is the main content, not a route: following it as a hash would leave the view.
  $('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    $('main').focus();
  });
  applyLanguage();
  renderSession();
  loadFilterOptions();
  route();
  showSignInNotice();
  startLive();
}

// Back from the identity provider: the sign-in is finished (the code exchanged) before any view reads data.
void finishSignIn().then(start);
