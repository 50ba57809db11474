// Served as is by WebHttpController. Embedded as a string so `nest build` (swc, which copies no assets) ships it.
/**
 * The page's script (`/assets/app.js`): plain ES2017 for the browser, no build step, no framework. Data is always
 * inserted as text (textContent), never as markup. Kept free of backticks and dollar-brace so it can live in this
 * String.raw template; a unit test parses it.
 */
export const WEB_SCRIPT_JS = String.raw`(function () {
  'use strict';

  var TEXT = {
    nl: {
      tagline: 'Activiteit van het netwerk',
      timeline: 'Tijdlijn',
      reports: 'Terugblik',
      filters: 'Filters',
      kind: 'Soort',
      year: 'Jaar',
      doetank: 'Doetank',
      member: 'Lid',
      theme: 'Thema',
      all: 'Alle',
      clear: 'Wis filters',
      loadMore: 'Meer laden',
      loading: 'Laden…',
      empty: 'Geen activiteit gevonden met deze filters.',
      end: 'Dat was alles.',
      failed: 'Laden mislukt: ',
      shown: function (n) { return n === 1 ? '1 gebeurtenis' : n + ' gebeurtenissen'; },
      kinds: { member: 'Leden', doetank: 'Doetanks', gathering: 'Bijeenkomsten', network: 'Netwerk', discussion: 'Discussies' },
      kindOne: { member: 'Lid', doetank: 'Doetank', gathering: 'Bijeenkomst', network: 'Netwerk', discussion: 'Discussie' },
      months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
      back: '← Terug naar de tijdlijn',
      stages: { proposed: 'Voorgesteld', started: 'Gestart', concluded: 'Afgerond', stopped: 'Gestopt' },
      problem: 'Probleemstelling',
      proposedAt: 'Voorgesteld op',
      startedAt: 'Gestart op',
      concludedAt: 'Afgerond op',
      stoppedAt: 'Gestopt op',
      coach: 'Coach',
      members: 'Leden',
      client: 'Opdrachtgever',
      results: 'Resultaten',
      lessons: 'Lessen',
      conclusion: 'Conclusie',
      stopReason: 'Reden om te stoppen',
      none: 'Nog geen.',
      doetankTimeline: 'Alle activiteit van deze Doetank in de tijdlijn',
      history: 'Geschiedenis (audit)',
      historyIntro: 'Elke gebeurtenis van deze Doetank zoals vastgelegd: revisie, soort, het moment waarop het gebeurde, wie het deed en de correlatie-id van het verzoek.',
      revision: 'Revisie',
      eventType: 'Gebeurtenis',
      businessTime: 'Bedrijfstijd',
      actor: 'Door',
      correlation: 'Correlatie-id',
      notFound: 'Deze Doetank bestaat niet (of nog niet).',
      forgotten: 'vergeten lid',
      system: 'systeem',
      resultKinds: { 'business-case': 'Business case', film: 'Film', report: 'Rapport', tool: 'Instrument', lesson: 'Les' },
      tokenNeeded: 'Deze gegevens zijn niet openbaar. Geef een token om ze te lezen.',
      historyNeedsToken: 'De geschiedenis (audit) is zichtbaar voor leden, coördinatoren en waarnemers. Geef een token om haar te lezen.',
      tokenLabel: 'Token',
      useToken: 'Gebruiken',
      tokenRejected: 'Dit token wordt niet geaccepteerd.'
    },
    en: {
      tagline: "The network's activity",
      timeline: 'Timeline',
      reports: 'Annual review',
      filters: 'Filters',
      kind: 'Kind',
      year: 'Year',
      doetank: 'Doetank',
      member: 'Member',
      theme: 'Theme',
      all: 'All',
      clear: 'Clear filters',
      loadMore: 'Load more',
      loading: 'Loading…',
      empty: 'No activity found with these filters.',
      end: "That's everything.",
      failed: 'Could not load: ',
      shown: function (n) { return n === 1 ? '1 event' : n + ' events'; },
      kinds: { member: 'Members', doetank: 'Doetanks', gathering: 'Gatherings', network: 'Network', discussion: 'Discussions' },
      kindOne: { member: 'Member', doetank: 'Doetank', gathering: 'Gathering', network: 'Network', discussion: 'Discussion' },
      months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
      back: '← Back to the timeline',
      stages: { proposed: 'Proposed', started: 'Started', concluded: 'Concluded', stopped: 'Stopped' },
      problem: 'Problem statement',
      proposedAt: 'Proposed on',
      startedAt: 'Started on',
      concludedAt: 'Concluded on',
      stoppedAt: 'Stopped on',
      coach: 'Coach',
      members: 'Members',
      client: 'Client',
      results: 'Results',
      lessons: 'Lessons',
      conclusion: 'Conclusion',
      stopReason: 'Why it stopped',
      none: 'None yet.',
      doetankTimeline: "All of this Doetank's activity in the timeline",
      history: 'History (audit)',
      historyIntro: 'Every event of this Doetank as recorded: revision, type, when it happened, who did it and the correlation id of the request.',
      revision: 'Revision',
      eventType: 'Event',
      businessTime: 'Business time',
      actor: 'By',
      correlation: 'Correlation id',
      notFound: 'This Doetank does not exist (or not yet).',
      forgotten: 'forgotten member',
      system: 'system',
      resultKinds: { 'business-case': 'Business case', film: 'Film', report: 'Report', tool: 'Tool', lesson: 'Lesson' },
      tokenNeeded: 'This data is not public. Give a token to read it.',
      historyNeedsToken: 'The history (audit) is visible to members, coordinators and observers. Give a token to read it.',
      tokenLabel: 'Token',
      useToken: 'Use',
      tokenRejected: 'This token is not accepted.'
    }
  };
  var KINDS = ['member', 'doetank', 'gathering', 'network', 'discussion'];
  var FIRST_YEAR = 2010;
  var LAST_YEAR = 2014;
  var REPORT_YEARS = [2011, 2012, 2013];
  var PAGE = 20;

  var state = {
    lang: initialLanguage(),
    filters: { kind: '', year: '', doetank: '', member: '', theme: '' },
    cursor: null,
    count: 0,
    lastMonth: null,
    request: 0,
    doetanks: [],
    names: {},
    themes: {},
    years: REPORT_YEARS.slice(),
    history: null,
    token: storedToken()
  };

  // A bearer token for the endpoints that are not public (the audit history; everything when PUBLIC_READ is off).
  // Kept for this tab only.
  function storedToken() {
    try { return sessionStorage.getItem('slimmernetwerk.token') || ''; } catch (e) { return ''; }
  }

  function setToken(token) {
    state.token = token;
    try { sessionStorage.setItem('slimmernetwerk.token', token); } catch (e) { /* ignore */ }
  }

  function initialLanguage() {
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'nl' || asked === 'en') return asked;
    try {
      var stored = localStorage.getItem('slimmernetwerk.lang');
      if (stored === 'nl' || stored === 'en') return stored;
    } catch (e) { /* private mode: no storage */ }
    return 'nl';
  }

  function t() { return TEXT[state.lang]; }
  function $(id) { return document.getElementById(id); }

  /** Builds an element; children are nodes or strings (always text, never markup). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === undefined || value === null || value === false) return;
        if (name === 'text') node.textContent = value;
        else if (name === 'className') node.className = value;
        else node.setAttribute(name, value === true ? '' : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function needsToken(error) { return error.status === 401 || error.status === 403; }

  /** Asks for a token where data was refused; 'retry' runs once one is given. */
  function tokenPrompt(message, error, retry) {
    var input = el('input', { id: 'token-input', type: 'password', autocomplete: 'off', spellcheck: 'false' });
    var form = el('form', { className: 'token-form', id: 'token-form' }, [
      el('p', { text: (state.token ? t().tokenRejected + ' ' : '') + message + (error.status === 403 ? ' (' + error.message + ')' : '') }),
      el('label', null, [el('span', { text: t().tokenLabel }), input]),
      el('button', { type: 'submit', text: t().useToken })
    ]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!input.value.trim()) return;
      setToken(input.value.trim());
      form.parentNode.removeChild(form);
      retry();
    });
    return form;
  }

  function api(path) {
    var headers = { accept: 'application/json' };
    if (state.token) headers.authorization = 'Bearer ' + state.token;
    return fetch(path, { headers: headers }).then(function (response) {
      return response.text().then(function (body) {
        var json = null;
        try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
        if (!response.ok) {
          var error = new Error((json && json.detail) || response.status + ' ' + response.statusText);
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (key) {
      if (params[key] !== '' && params[key] !== null && params[key] !== undefined)
        parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(params[key]));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function safeHttpUrl(link) {
    try {
      var url = new URL(link);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) { return null; }
  }

  function formatDate(iso, withTime) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    var text = date.getUTCDate() + ' ' + t().months[date.getUTCMonth()] + ' ' + date.getUTCFullYear();
    if (!withTime) return text;
    var hh = String(date.getUTCHours()).padStart(2, '0');
    var mm = String(date.getUTCMinutes()).padStart(2, '0');
    return text + ', ' + hh + ':' + mm + ' UTC';
  }

  function memberName(id) {
    if (!id) return '';
    if (id === 'system') return t().system;
    var known = state.names[id];
    if (known === null) return t().forgotten;
    return known || id.slice(0, 8) + '…';
  }

  function doetankTitle(id) {
    for (var i = 0; i < state.doetanks.length; i++) if (state.doetanks[i].id === id) return state.doetanks[i].title;
    return null;
  }

  // ------------------------------------------------------------------------------------------------------------
  // Language
  // ------------------------------------------------------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-text]').forEach(function (node) {
      node.textContent = t()[node.getAttribute('data-text')];
    });
    document.querySelectorAll('.lang-switch button').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === state.lang));
    });
    fillKinds();
    fillYears();
    fillDoetanks();
    fillMembers();
    fillThemes();
    renderReportLinks();
  }

  function setLanguage(lang) {
    if (lang === state.lang) return;
    state.lang = lang;
    try { localStorage.setItem('slimmernetwerk.lang', lang); } catch (e) { /* ignore */ }
    applyLanguage();
    route();
  }

  // ------------------------------------------------------------------------------------------------------------
  // Filters
  // ------------------------------------------------------------------------------------------------------------

  function fillSelect(select, options, value) {
    clear(select);
    select.appendChild(el('option', { value: '', text: t().all }));
    options.forEach(function (option) {
      select.appendChild(el('option', { value: option.value, text: option.label }));
    });
    select.value = value;
  }

  function fillKinds() {
    fillSelect($('filter-kind'), KINDS.map(function (kind) { return { value: kind, label: t().kinds[kind] }; }), state.filters.kind);
  }

  function fillYears() {
    var years = [];
    for (var y = LAST_YEAR; y >= FIRST_YEAR; y--) years.push({ value: String(y), label: String(y) });
    fillSelect($('filter-year'), years, state.filters.year);
  }

  function fillDoetanks() {
    var sorted = state.doetanks.slice().sort(function (a, b) { return a.title.localeCompare(b.title, state.lang); });
    fillSelect($('filter-doetank'), sorted.map(function (d) { return { value: d.id, label: d.title }; }), state.filters.doetank);
  }

  function fillMembers() {
    var ids = Object.keys(state.names).filter(function (id) { return state.names[id]; });
    ids.sort(function (a, b) { return state.names[a].localeCompare(state.names[b], state.lang); });
    fillSelect($('filter-member'), ids.map(function (id) { return { value: id, label: state.names[id] }; }), state.filters.member);
  }

  function fillThemes() {
    var ids = Object.keys(state.themes).sort();
    fillSelect($('filter-theme'), ids.map(function (id) { return { value: id, label: state.themes[id] + ' (' + id.slice(0, 4) + ')' }; }), state.filters.theme);
  }

  function loadFilterOptions() {
    var doetanks = api('/doetanks?limit=100').then(function (page) {
      state.doetanks = page.items;
      page.items.forEach(function (d) {
        if (d.themeId && !state.themes[d.themeId]) state.themes[d.themeId] = d.themeId;
      });
      fillDoetanks();
      return loadThemeTitles();
    });
    var members = api('/members?limit=100').then(function (page) {
      page.items.forEach(function (m) { state.names[m.id] = m.forgotten ? null : m.name; });
      fillMembers();
    });
    return Promise.all([doetanks, members]).catch(function () { /* the filters stay partial; the timeline still works */ });
  }

  /** Theme titles come with each year's retrospective (a theme id starts with its year). */
  function loadThemeTitles() {
    var years = {};
    Object.keys(state.themes).forEach(function (id) { years[id.slice(0, 4)] = true; });
    return Promise.all(Object.keys(years).map(function (year) {
      return api('/retrospectives/' + year).then(function (report) {
        (report.themes || []).forEach(function (theme) { state.themes[theme.themeId] = theme.title; });
      }).catch(function () { /* keep the id as its label */ });
    })).then(fillThemes);
  }

  function readFilters() {
    ['kind', 'year', 'doetank', 'member', 'theme'].forEach(function (name) {
      state.filters[name] = $('filter-' + name).value;
    });
  }

  // ------------------------------------------------------------------------------------------------------------
  // Timeline
  // ------------------------------------------------------------------------------------------------------------

  function resetTimeline() {
    state.cursor = null;
    state.count = 0;
    state.lastMonth = null;
    clear($('timeline'));
    loadTimeline();
  }

  function loadTimeline() {
    var request = ++state.request;
    var more = $('load-more');
    var status = $('timeline-status');
    more.disabled = true;
    status.textContent = t().loading;
    var params = Object.assign({ limit: PAGE, lang: state.lang, cursor: state.cursor }, state.filters);
    return api('/timeline' + query(params)).then(function (page) {
      if (request !== state.request) return;
      page.items.forEach(appendEntry);
      state.cursor = page.nextCursor || null;
      more.hidden = !state.cursor;
      more.disabled = false;
      status.textContent = state.count === 0 ? t().empty : t().shown(state.count) + (state.cursor ? '' : ' · ' + t().end);
      renderReportLinks();
    }).catch(function (error) {
      if (request !== state.request) return;
      more.disabled = false;
      if (needsToken(error)) {
        status.textContent = '';
        status.appendChild(tokenPrompt(t().tokenNeeded, error, function () { loadFilterOptions(); resetTimeline(); }));
        return;
      }
      status.textContent = t().failed + error.message;
    });
  }

  function appendEntry(entry) {
    var list = $('timeline');
    var month = entry.month || entry.occurredAt.slice(0, 7);
    if (month !== state.lastMonth) {
      state.lastMonth = month;
      var monthIndex = Number(month.slice(5, 7)) - 1;
      list.appendChild(el('li', { className: 'month', 'aria-hidden': 'true', text: t().months[monthIndex] + ' ' + month.slice(0, 4) }));
    }
    if (entry.year && state.years.indexOf(entry.year) < 0) state.years.push(entry.year);
    var title = entry.doetankId ? (entry.details && entry.details.doetankTitle) || doetankTitle(entry.doetankId) : null;
    list.appendChild(el('li', { className: 'entry kind-' + entry.kind, 'data-kind': entry.kind, 'data-doetank': entry.doetankId || null, 'data-id': entry.id }, [
      el('time', { datetime: entry.occurredAt, text: formatDate(entry.occurredAt) }),
      el('span', { className: 'badge', text: t().kindOne[entry.kind] || entry.kind }),
      el('p', { className: 'summary', text: entry.summary }),
      entry.doetankId ? el('a', { className: 'doetank-link', href: '#/doetanks/' + entry.doetankId, text: (title || t().doetank) + ' →' }) : null
    ]));
    state.count++;
  }

  function renderReportLinks() {
    var nav = $('report-links');
    clear(nav);
    state.years.slice().sort().forEach(function (year) {
      nav.appendChild(el('a', { href: '/retrospectives/' + year + '/report?lang=' + state.lang, className: 'report-link', text: String(year) }));
    });
  }

  // ------------------------------------------------------------------------------------------------------------
  // Doetank page
  // ------------------------------------------------------------------------------------------------------------

  function showDoetank(id) {
    $('timeline-view').hidden = true;
    var view = $('doetank-view');
    view.hidden = false;
    clear(view);
    view.appendChild(el('p', { className: 'back' }, [el('a', { href: '#/', text: t().back })]));
    var body = el('div', { id: 'doetank-body' }, [el('p', { className: 'status', text: t().loading })]);
    view.appendChild(body);
    var detail = api('/doetanks/' + encodeURIComponent(id));
    var people = api('/members' + query({ doetank: id, limit: 100 })).then(function (page) {
      page.items.forEach(function (m) { state.names[m.id] = m.forgotten ? null : m.name; });
    }).catch(function () { /* names fall back to short ids */ });
    Promise.all([detail, people]).then(function (results) {
      renderDoetank(body, results[0]);
      state.history = { id: id, from: 0 };
      loadHistory();
    }).catch(function (error) {
      clear(body);
      if (needsToken(error)) {
        body.appendChild(tokenPrompt(t().tokenNeeded, error, function () { showDoetank(id); }));
        return;
      }
      body.appendChild(el('p', { className: 'status error', text: error.status === 404 ? t().notFound : t().failed + error.message }));
    });
    window.scrollTo(0, 0);
  }

  function field(label, value) {
    if (!value) return null;
    return el('div', { className: 'field' }, [el('dt', { text: label }), el('dd', { text: value })]);
  }

  function renderDoetank(body, d) {
    clear(body);
    document.title = d.title + ' · Slimmernetwerk';
    body.appendChild(el('header', { className: 'doetank-header' }, [
      el('p', { className: 'kicker', text: t().doetank }),
      el('h2', { id: 'doetank-title', text: d.title }),
      el('span', { className: 'stage stage-' + d.stage, text: t().stages[d.stage] || d.stage })
    ]));
    body.appendChild(el('dl', { className: 'facts' }, [
      field(t().theme, d.themeId ? state.themes[d.themeId] || d.themeId : null),
      field(t().proposedAt, d.proposedAt && formatDate(d.proposedAt)),
      field(t().startedAt, d.startedAt && formatDate(d.startedAt)),
      field(t().concludedAt, d.concludedAt && formatDate(d.concludedAt)),
      field(t().stoppedAt, d.stoppedAt && formatDate(d.stoppedAt)),
      field(t().coach, d.coachId && memberName(d.coachId)),
      field(t().members, (d.memberIds || []).map(memberName).join(', ')),
      field(t().client, d.client && d.client.organisation)
    ]));
    body.appendChild(el('h3', { text: t().problem }));
    body.appendChild(el('p', { className: 'problem', text: d.problemStatement }));
    if (d.conclusion) body.appendChild(el('h3', { text: t().conclusion }));
    if (d.conclusion) body.appendChild(el('p', { text: d.conclusion }));
    if (d.stopReason) body.appendChild(el('h3', { text: t().stopReason }));
    if (d.stopReason) body.appendChild(el('p', { text: d.stopReason }));

    body.appendChild(el('h3', { text: t().results }));
    body.appendChild((d.results || []).length === 0 ? el('p', { className: 'muted', text: t().none }) : el('ul', { className: 'results' }, d.results.map(function (r) {
      var href = r.link && safeHttpUrl(r.link);
      return el('li', null, [
        href ? el('a', { href: href, rel: 'noopener noreferrer', text: r.title }) : el('span', { text: r.title }),
        el('span', { className: 'muted', text: ' · ' + (t().resultKinds[r.kind] || r.kind) + ' · ' + formatDate(r.sharedAt) })
      ]);
    })));
    body.appendChild(el('h3', { text: t().lessons }));
    body.appendChild((d.lessons || []).length === 0 ? el('p', { className: 'muted', text: t().none }) : el('div', { className: 'lessons' }, d.lessons.map(function (l) {
      return el('blockquote', null, [el('p', { text: l.lesson }), el('footer', { text: memberName(l.recordedBy) + ' · ' + formatDate(l.recordedAt) })]);
    })));
    body.appendChild(el('p', { className: 'doetank-timeline' }, [el('a', { href: '#/?doetank=' + d.id, id: 'doetank-timeline-link', text: t().doetankTimeline + ' →' })]));

    body.appendChild(el('section', { className: 'history', 'aria-labelledby': 'history-title' }, [
      el('h3', { id: 'history-title', text: t().history }),
      el('p', { className: 'muted', text: t().historyIntro }),
      el('div', { className: 'table-scroll' }, [
        el('table', { id: 'doetank-history' }, [
          el('thead', null, [el('tr', null, [t().revision, t().eventType, t().businessTime, t().actor, t().correlation].map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
          el('tbody')
        ])
      ]),
      el('button', { type: 'button', id: 'history-more', className: 'more', hidden: true, text: t().loadMore })
    ]));
    $('history-more').addEventListener('click', loadHistory);
  }

  function loadHistory() {
    var history = state.history;
    if (!history) return;
    var button = $('history-more');
    button.disabled = true;
    api('/doetanks/' + encodeURIComponent(history.id) + '/history' + query({ from: history.from, limit: 50 })).then(function (page) {
      var tbody = document.querySelector('#doetank-history tbody');
      page.events.forEach(function (event) {
        var meta = event.metadata || {};
        tbody.appendChild(el('tr', { 'data-revision': event.revision }, [
          el('td', { className: 'num', text: String(event.revision) }),
          el('td', null, [el('code', { text: event.type })]),
          el('td', { className: 'nowrap', text: meta.occurredAt ? formatDate(meta.occurredAt, true) : '' }),
          el('td', { text: memberName(meta.actorId) }),
          el('td', null, [el('code', { className: 'id', title: meta.correlationId || '', text: meta.correlationId || '' })])
        ]));
      });
      history.from = page.nextFrom;
      button.hidden = page.nextFrom === undefined || page.nextFrom === null;
      button.disabled = false;
    }).catch(function (error) {
      button.disabled = false;
      if (needsToken(error)) {
        button.hidden = true;
        // With a token the names of the members may become readable too: show the whole page again.
        button.parentNode.insertBefore(tokenPrompt(t().historyNeedsToken, error, function () { showDoetank(history.id); }), button);
        return;
      }
      button.hidden = false;
      button.textContent = t().failed + error.message;
    });
  }

  // ------------------------------------------------------------------------------------------------------------
  // Routing: #/ (timeline, optionally #/?doetank=<id>) and #/doetanks/<id>
  // ------------------------------------------------------------------------------------------------------------

  function route() {
    var hash = location.hash || '#/';
    var doetank = /^#\/doetanks\/([0-9a-f-]{36})$/.exec(hash);
    if (doetank) return showDoetank(doetank[1]);
    document.title = 'Slimmernetwerk · ' + t().timeline;
    $('doetank-view').hidden = true;
    $('timeline-view').hidden = false;
    var asked = /^#\/\?doetank=([0-9a-f-]{36})$/.exec(hash);
    if (asked) {
      state.filters = { kind: '', year: '', doetank: asked[1], member: '', theme: '' };
      applyLanguage();
    }
    resetTimeline();
  }

  function start() {
    document.querySelectorAll('.lang-switch button').forEach(function (button) {
      button.addEventListener('click', function () { setLanguage(button.getAttribute('data-lang')); });
    });
    ['kind', 'year', 'doetank', 'member', 'theme'].forEach(function (name) {
      $('filter-' + name).addEventListener('change', function () { readFilters(); resetTimeline(); });
    });
    $('clear-filters').addEventListener('click', function () {
      state.filters = { kind: '', year: '', doetank: '', member: '', theme: '' };
      applyLanguage();
      if (location.hash !== '#/') location.hash = '#/';
      else resetTimeline();
    });
    $('filters').addEventListener('submit', function (event) { event.preventDefault(); });
    $('load-more').addEventListener('click', loadTimeline);
    window.addEventListener('hashchange', route);
    applyLanguage();
    loadFilterOptions();
    route();
  }

  start();
})();
`;
