// Served as is by WebHttpController. Embedded as a string so `nest build` (swc, which copies no assets) ships it.
/**
 * The page at `/`: the timeline with filters and the Doetank pages (`#/doetanks/<id>`), filled in by the script.
 */
export const WEB_PAGE_HTML = String.raw`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Slimmernetwerk · Tijdlijn</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="#/">Slimmernetwerk</a>
    <span class="tagline" data-text="tagline">Activiteit van het netwerk</span>
    <div class="lang-switch" role="group" aria-label="Taal / Language">
      <button type="button" data-lang="nl" id="lang-nl" aria-pressed="true">NL</button>
      <button type="button" data-lang="en" id="lang-en" aria-pressed="false">EN</button>
    </div>
  </div>
</header>
<main class="wrap">
  <section id="timeline-view" aria-labelledby="timeline-title">
    <div class="heading-row">
      <h1 id="timeline-title" data-text="timeline">Tijdlijn</h1>
      <nav class="reports" aria-labelledby="reports-label">
        <span id="reports-label" data-text="reports">Terugblik</span>
        <span id="report-links"></span>
      </nav>
    </div>
    <form class="filters" id="filters" role="search">
      <label><span data-text="kind">Soort</span><select id="filter-kind" name="kind"></select></label>
      <label><span data-text="year">Jaar</span><select id="filter-year" name="year"></select></label>
      <label><span data-text="doetank">Doetank</span><select id="filter-doetank" name="doetank"></select></label>
      <label><span data-text="member">Lid</span><select id="filter-member" name="member"></select></label>
      <label><span data-text="theme">Thema</span><select id="filter-theme" name="theme"></select></label>
      <button type="button" id="clear-filters" class="link" data-text="clear">Wis filters</button>
    </form>
    <ol id="timeline" class="timeline" aria-live="polite"></ol>
    <p id="timeline-status" class="status" role="status"></p>
    <button type="button" id="load-more" class="more" hidden data-text="loadMore">Meer laden</button>
  </section>
  <section id="doetank-view" hidden></section>
</main>
<noscript><p class="wrap">Deze pagina heeft JavaScript nodig. De API zelf staat op <a href="/docs">/docs</a>.</p></noscript>
</body>
</html>
`;
