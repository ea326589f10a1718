// The dashboard at /: a client of the JSON API only (the stats aggregates and the list); where the
// service's reads need a token (liaison.auth.public-reads=false) it asks for one and sends it.
// The page's state is its query string: the API's filter parameters as they are, plus
// granularity, offset and measure; every change is a history entry, so Back and a shared
// link give the same view.
'use strict';

(function () {
  const FILTERS = ['from', 'to', 'level', 'format', 'kind', 'country', 'locality', 'role', 'theme', 'domain', 'person',
    'q', 'status', 'boundaries'];
  const PAGE_PARAMS = ['granularity', 'offset', 'measure'];
  const IN_THE_BAR = ['from', 'to', 'theme', 'domain', 'locality', 'level', 'format', 'status', 'boundaries'];
  const PAGE_SIZE = 20;
  const charts = {};
  let themeVocabulary = [];
  let generation = 0; // answers of an older view are dropped

  const $ = (id) => document.getElementById(id);

  // ----- state <-> URL --------------------------------------------------------------------
  function readState() {
    const q = new URLSearchParams(location.search);
    const s = {};
    for (const k of FILTERS.concat(PAGE_PARAMS)) {
      const v = q.getAll(k).join(',');
      if (v) s[k] = v;
    }
    return s;
  }

  function go(state, replace) {
    const q = new URLSearchParams();
    for (const k of FILTERS.concat(PAGE_PARAMS)) {
      if (state[k]) q.set(k, state[k]);
    }
    const url = location.pathname + (q.toString() ? '?' + q : '');
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    render();
  }

  function filtersOf(state) {
    const f = {};
    for (const k of FILTERS) if (state[k]) f[k] = state[k];
    return f;
  }

  // ----- the API ------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, problem) {
      const fields = problem && Array.isArray(problem.errors)
        ? problem.errors.map((e) => e.field + (e.value !== undefined ? ' "' + e.value + '"' : '') + ': ' + e.reason).join('; ') : '';
      super((problem && problem.title ? problem.title : 'HTTP ' + status)
        + (problem && problem.detail ? ': ' + problem.detail : '') + (fields ? ' (' + fields + ')' : ''));
      this.status = status;
    }
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
    return q.toString();
  }

  // ----- a token, where reads need one (liaison.auth.public-reads=false) --------------------
  // Kept in this tab's sessionStorage only: gone when the tab closes, never sent to another origin.
  const TOKEN_KEY = 'liaison.read-token';

  function readToken() {
    try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
  }

  function headers(accept) {
    const h = { Accept: accept };
    const token = readToken();
    if (token) h.Authorization = 'Bearer ' + token;
    return h;
  }

  let tokenRefused = false; // until the next token is given: the reads that follow a refusal go without one

  /** A 401: the service's reads need a token (none was sent), or the one sent ({@code sent}) was refused. */
  function askForToken(problem, sent) {
    if (sent) {
      tokenRefused = true;
      try {
        if (sessionStorage.getItem(TOKEN_KEY) === sent) sessionStorage.removeItem(TOKEN_KEY);
      } catch (e) { /* storage off: the form asks again */ }
      $('token-why').textContent = 'The token was refused' + (problem && problem.detail ? ': ' + problem.detail : '')
        + '. Paste another.';
    } else if (!tokenRefused) {
      $('token-why').textContent = 'This service needs a bearer token to read its data (liaison.auth.public-reads=false). '
        + 'Paste one (any role); it is kept in this browser tab only.';
    }
    $('token-form').hidden = false;
  }

  async function api(path, params) {
    const qs = query(params || {});
    const sent = readToken();
    let res;
    try {
      res = await fetch(path + (qs ? '?' + qs : ''), { headers: headers('application/json') });
    } catch (e) {
      throw new ApiError(0, { title: 'The service cannot be reached', detail: String(e.message || e) });
    }
    const type = res.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await res.json() : null;
    if (res.status === 401) askForToken(body, sent);
    if (!res.ok) throw new ApiError(res.status, body);
    return body;
  }

  /** The CSV link with a token: a plain link cannot send one, so the file is fetched and handed over. */
  async function downloadWithToken(e) {
    if (!readToken()) return; // public reads: the link as it is
    e.preventDefault();
    const link = e.currentTarget;
    const sent = readToken();
    const res = await fetch(link.href, { headers: headers('text/csv') });
    if (!res.ok) {
      if (res.status === 401) askForToken(await res.json().catch(() => null), sent);
      $('page-error').hidden = false;
      $('page-error').textContent = 'The CSV could not be loaded (HTTP ' + res.status + ').';
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: 'exchanges.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ----- small DOM helpers ----------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function message(panel, text, isError) {
    for (const m of document.querySelectorAll('.msg[data-for="' + panel + '"]')) {
      m.textContent = text || '';
      m.classList.toggle('error', !!isError);
      if (isError) m.setAttribute('role', 'alert'); else m.removeAttribute('role');
    }
  }

  function fillTable(id, columns, rows) {
    const t = $(id);
    t.replaceChildren();
    const numeric = (c) => rows.some((r) => typeof r[c] === 'number');
    t.append(el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { class: numeric(c) ? 'n' : '', scope: 'col', text: c })))));
    t.append(el('tbody', {}, ...rows.map((r) => el('tr', {},
      ...columns.map((c) => el('td', { class: typeof r[c] === 'number' ? 'n' : '', text: r[c] === null || r[c] === undefined ? '' : String(r[c]) }))))));
  }

  /** The chart of a container, made when first needed (a hidden container has no size). */
  function chart(id, show) {
    const box = $(id);
    box.hidden = !show;
    if (!show) return null;
    if (!charts[id]) charts[id] = echarts.init(box, null, { renderer: 'canvas' });
    charts[id].resize();
    return charts[id];
  }

  function linkState(link) {
    // a row's records link is /api/exchanges?<filters>: those filters become the page's
    const s = readState();
    const next = { granularity: s.granularity, measure: s.measure };
    new URLSearchParams(link.split('?')[1] || '').forEach((v, k) => { if (FILTERS.includes(k)) next[k] = v; });
    return next;
  }

  function openRecords(row) {
    if (row && row.records) go(linkState(row.records));
  }

  // ----- the filter bar -------------------------------------------------------------------
  function syncForm(state) {
    const form = $('filters');
    form.elements.granularity.value = state.granularity || 'year';
    for (const k of ['from', 'to', 'locality', 'level', 'format', 'status']) form.elements[k].value = state[k] || '';
    const themeValue = state.theme && !state.theme.includes(',') ? 'theme=' + state.theme
      : state.domain && !state.domain.includes(',') && !state.theme ? 'domain=' + state.domain : '';
    const select = form.elements.theme;
    if (themeValue && ![...select.options].some((o) => o.value === themeValue)) {
      select.append(el('option', { value: themeValue, text: themeValue }));
    }
    select.value = themeValue;
    for (const r of document.querySelectorAll('input[name="boundaries-toggle"]')) r.checked = r.value === (state.boundaries || 'as-named');
    $('theme-measure').value = state.measure || 'count';
    // filters the bar has no control for (or several values of one), removable one by one
    const chips = $('other-filters');
    chips.replaceChildren();
    for (const k of FILTERS) {
      if (!state[k]) continue;
      const shown = IN_THE_BAR.includes(k) && !((k === 'theme' || k === 'domain') && !themeValue.startsWith(k + '='));
      if (shown && !(k === 'theme' && state.theme.includes(','))) continue;
      const b = el('button', { type: 'button', title: 'remove this filter', text: k + ': ' + state[k] + ' ×' });
      b.addEventListener('click', () => {
        const s = readState();
        delete s[k];
        if (k === 'locality') delete s.role;
        delete s.offset;
        go(s);
      });
      chips.append(b);
    }
    if (chips.childElementCount) chips.prepend('Also filtered by: ');
  }

  function stateFromForm() {
    const form = $('filters');
    const s = readState();
    for (const k of ['from', 'to', 'level', 'format', 'status']) {
      if (form.elements[k].value) s[k] = form.elements[k].value; else delete s[k];
    }
    const locality = form.elements.locality.value.trim();
    if (locality !== (s.locality || '')) delete s.role;
    if (locality) s.locality = locality; else delete s.locality;
    s.granularity = form.elements.granularity.value === 'year' ? undefined : form.elements.granularity.value;
    const t = form.elements.theme.value;
    delete s.theme;
    delete s.domain;
    if (t) s[t.split('=')[0]] = t.split('=')[1];
    delete s.offset;
    return s;
  }

  async function loadVocabularies() {
    try {
      const [themes, localities] = await Promise.all([api('/api/themes'), api('/api/localities')]);
      themeVocabulary = themes;
      const select = $('theme-select');
      for (const g of select.querySelectorAll('optgroup')) g.remove(); // loaded again after a token was given
      $('locality-names').replaceChildren();
      const domains = [...new Set(themes.map((t) => t.domain))];
      for (const d of domains) {
        const group = el('optgroup', { label: d });
        group.append(el('option', { value: 'domain=' + d, text: 'all of ' + d }));
        for (const t of themes.filter((x) => x.domain === d)) group.append(el('option', { value: 'theme=' + t.code, text: t.label }));
        select.append(group);
      }
      const list = $('locality-names');
      for (const l of localities.filter((x) => x.level === 'province' || x.level === 'provincial' || !x.parent)) {
        list.append(el('option', { value: l.name, label: l.code + (l.current ? '' : ' (until ' + l.valid_to + ')') }));
      }
    } catch (e) {
      $('page-error').hidden = false;
      $('page-error').textContent = 'The filter choices could not be loaded. ' + e.message;
    }
  }

  // ----- the panels -----------------------------------------------------------------------
  async function summary(f) {
    const body = await api('/api/stats/summary', f);
    const r = body.rows[0];
    $('summary-exchanges').textContent = r.exchanges;
    $('summary-range').textContent = r.first_date ? r.first_date + ' – ' + r.last_date : '—';
    $('summary-sources').textContent = r.sources;
    $('summary-verified').textContent = r.exchanges ? Math.round(100 * r.verified / r.exchanges) + ' %' : '—';
    $('summary-last-change').textContent = r.last_change ? new Date(r.last_change).toLocaleString() : '—';
    message('summary', r.exchanges ? '' : 'No exchange matches these filters.');
  }

  function bars(id, rows, series, onClick) {
    const c = chart(id, rows.length > 0);
    if (!c) return;
    c.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.period) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ name: s.replace('_', ' '), type: 'bar', stack: 'all', data: rows.map((r) => r[s]) }))
    }, true);
    c.off('click');
    c.on('click', (p) => onClick(rows[p.dataIndex]));
  }

  async function timeline(f, s) {
    const body = await api('/api/stats/timeline', Object.assign({}, f, { granularity: s.granularity }));
    const rows = body.rows;
    bars('chart-timeline-level', rows, ['central', 'locality'], openRecords);
    bars('chart-timeline-format', rows, ['in_person', 'online', 'phone', 'hybrid'], openRecords);
    fillTable('timeline-table', ['period', 'exchanges', 'central', 'locality', 'in_person', 'online', 'phone', 'hybrid'], rows);
    message('timeline', rows.length ? '' : 'No exchange matches these filters, so there is no period to show.');
    return rows.map((r) => r.period);
  }

  async function themes(f, s, periodsPromise) {
    const [body, periods] = await Promise.all([
      api('/api/stats/themes', Object.assign({}, f, { granularity: s.granularity })), periodsPromise.catch(() => null)]);
    const rows = body.rows;
    const share = s.measure === 'share';
    const order = themeVocabulary.map((t) => t.code);
    const label = Object.fromEntries(themeVocabulary.map((t) => [t.code, t.label]));
    const present = [...new Set(rows.map((r) => r.theme))]
      .sort((a, b) => (order.indexOf(a) - order.indexOf(b)) || a.localeCompare(b));
    const domainOf = Object.fromEntries(rows.map((r) => [r.theme, r.domain]));
    // every period of the (zero-filled) timeline, so that a quiet period shows as a gap
    const xs = periods && periods.length ? periods : [...new Set(rows.map((r) => r.period))].sort();
    const c = chart('chart-themes', rows.length > 0);
    fillTable('themes-table', ['period', 'domain', 'theme', 'exchanges', 'period_exchanges', 'share'], rows);
    message('themes', rows.length ? '' : 'None of the exchanges selected is coded with a theme (or none matches the filters).');
    if (!c) return;
    const ys = present.map((t) => '[' + domainOf[t] + '] ' + (label[t] || t));
    const data = rows.map((r) => [xs.indexOf(r.period), present.indexOf(r.theme), share ? r.share : r.exchanges, r.theme]);
    const max = Math.max(...rows.map((r) => (share ? r.share : r.exchanges)));
    c.setOption({
      tooltip: { formatter: (p) => ys[p.value[1]] + '<br>' + xs[p.value[0]] + ': ' + (share ? Math.round(p.value[2] * 100) + ' %' : p.value[2]) },
      grid: { left: 230, right: 20, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: xs, splitArea: { show: true } },
      yAxis: { type: 'category', data: ys, inverse: true, triggerEvent: true, axisLabel: { width: 220, overflow: 'truncate' } },
      visualMap: { dimension: 2, min: 0, max: max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: ['#fbd9c0', '#ee8a4f', '#9c1f18'] } },
      series: [{ type: 'heatmap', data: data, label: { show: !share && xs.length <= 16 } }]
    }, true);
    c.off('click');
    c.on('click', (p) => {
      const theme = p.componentType === 'yAxis' ? present[ys.indexOf(p.value)] : p.data && p.data[3];
      if (!theme) return;
      const next = readState();
      next.theme = theme;
      delete next.domain;
      delete next.offset;
      go(next);
    });
  }

  async function pairs(f) {
    const body = await api('/api/stats/locality-pairs', f);
    const rows = body.rows;
    const vn = [...new Set(rows.map((r) => r.vn_name))];
    const cn = [...new Set(rows.map((r) => r.cn_name))];
    fillTable('pairs-table', ['vn_code', 'vn_name', 'cn_code', 'cn_name', 'exchanges'], rows);
    message('pairs', rows.length ? '' : 'No pair: none of the exchanges selected has participant localities on both sides '
      + '(a central-level exchange has none).');
    const c = chart('chart-pairs', rows.length > 0);
    if (!c) return;
    c.setOption({
      tooltip: { formatter: (p) => vn[p.value[1]] + ' × ' + cn[p.value[0]] + ': ' + p.value[2] },
      grid: { left: 130, right: 20, top: 10, bottom: 110 },
      xAxis: { type: 'category', data: cn, axisLabel: { rotate: 40 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: vn, inverse: true },
      visualMap: { min: 0, max: Math.max(...rows.map((r) => r.exchanges)), calculable: true, orient: 'horizontal', left: 'center',
        bottom: 0, itemHeight: 120, inRange: { color: ['#c9dbf2', '#5b8bd0', '#16213a'] } },
      series: [{ type: 'heatmap', data: rows.map((r) => [cn.indexOf(r.cn_name), vn.indexOf(r.vn_name), r.exchanges]), label: { show: true } }]
    }, true);
  }

  function topBars(id, title, rows, name, onClick) {
    const top = rows.slice(0, 10);
    const c = chart(id, top.length > 0);
    if (!c) return;
    c.setOption({
      title: { text: title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 150, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map(name), inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', data: top.map((r) => r.exchanges), itemStyle: { color: '#b3261e' } }]
    }, true);
    c.off('click');
    c.on('click', (p) => onClick(top[p.dataIndex]));
  }

  async function localities(f) {
    const [vn, cn] = await Promise.all(['VN', 'CN'].map((side) => api('/api/stats/localities', Object.assign({}, f, { side: side }))));
    const byCount = (a, b) => b.exchanges - a.exchanges || a.name.localeCompare(b.name);
    const vnRows = vn.rows.slice().sort(byCount);
    const cnRows = cn.rows.slice().sort(byCount);
    topBars('chart-localities-vn', 'Việt Nam', vnRows, (r) => r.name, openRecords);
    topBars('chart-localities-cn', 'China', cnRows, (r) => r.name, openRecords);
    fillTable('localities-table', ['country', 'code', 'name', 'exchanges'], vnRows.concat(cnRows));
    message('localities', vnRows.length + cnRows.length ? ''
      : 'No locality took part in the exchanges selected (they are all central-level, or none matches).');
  }

  async function people(f) {
    const [vn, cn] = await Promise.all(['VN', 'CN'].map((side) => api('/api/stats/people', Object.assign({}, f, { side: side, top: 10 }))));
    topBars('chart-people-vn', 'Việt Nam', vn.rows, (r) => r.name, openRecords);
    topBars('chart-people-cn', 'China', cn.rows, (r) => r.name, openRecords);
    fillTable('people-table', ['side', 'name', 'exchanges', 'first_date', 'last_date'], vn.rows.concat(cn.rows));
    message('people', vn.rows.length + cn.rows.length ? '' : 'No named participant in the exchanges selected.');
  }

  function sourcesCell(sources) {
    const td = el('td');
    for (const s of sources || []) {
      if (td.childElementCount) td.append(' · ');
      // only web links become links (a source URL is data, never a javascript: URL)
      if (/^https?:\/\//i.test(s.url)) {
        td.append(el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', text: s.outlet || s.url, title: s.title || s.url }));
      } else {
        td.append(s.outlet || s.url);
      }
    }
    return td;
  }

  async function records(f, s) {
    const offset = Math.max(0, parseInt(s.offset || '0', 10) || 0);
    const body = await api('/api/exchanges', Object.assign({}, f, { limit: PAGE_SIZE, offset: offset }));
    $('records-total').textContent = body.total;
    $('records-range').textContent = body.items.length ? (offset + 1) + '–' + (offset + body.items.length) : '0';
    $('prev').disabled = offset === 0;
    $('next').disabled = !body.next;
    $('csv-link').href = '/api/exchanges?' + query(Object.assign({}, f, { format: f.format ? f.format + ',csv' : 'csv', limit: 500 }));
    const t = $('records-table');
    t.replaceChildren(el('thead', {}, el('tr', {}, ...['date', 'kind', 'participants', 'localities', 'themes', 'status', 'sources']
      .map((c) => el('th', { scope: 'col', text: c })))));
    const tbody = el('tbody');
    for (const x of body.items) {
      tbody.append(el('tr', { 'data-id': x.id },
        el('td', { text: x.date + (x.end_date && x.end_date !== x.date ? ' – ' + x.end_date : '') }),
        el('td', { text: x.kind.replace('_', ' ') + ' (' + x.format.replace('_', ' ') + ')' }),
        el('td', { text: x.participants.map((p) => p.name + ' (' + p.side + ')').join('; ') }),
        el('td', { text: x.localities.map((l) => l.name + ' (' + l.role + ')').join('; ') }),
        el('td', { text: x.themes.join(', ') }),
        el('td', { text: x.status }),
        sourcesCell(x.sources)));
    }
    t.append(tbody);
    message('records', body.total ? (body.items.length ? '' : 'This page is past the last record.')
      : 'No exchange matches these filters.');
  }

  // ----- one render of the whole page -----------------------------------------------------
  function render() {
    const mine = ++generation;
    const s = readState();
    const f = filtersOf(s);
    syncForm(s);
    document.body.dataset.state = 'loading';
    $('page-error').hidden = true;
    const guard = (panel, p) => p.then(() => null, (e) => {
      if (mine === generation) message(panel, 'Could not load this panel. ' + e.message, true);
      return e;
    });
    const periods = timeline(f, s);
    Promise.all([
      guard('summary', summary(f)),
      guard('timeline', periods),
      guard('themes', themes(f, s, periods)),
      guard('pairs', pairs(f)),
      guard('localities', localities(f)),
      guard('people', people(f)),
      guard('records', records(f, s))
    ]).then((errors) => {
      if (mine !== generation) return;
      const failed = errors.filter((e) => e);
      if (failed.length) {
        $('page-error').hidden = false;
        $('page-error').textContent = failed[0].message;
      }
      document.body.dataset.state = failed.length ? 'error' : 'ready';
    });
  }

  function start() {
    const form = $('filters');
    form.addEventListener('change', (e) => { if (e.target.name !== 'boundaries-toggle') go(stateFromForm()); });
    form.addEventListener('submit', (e) => { e.preventDefault(); go(stateFromForm()); });
    $('reset').addEventListener('click', () => go({}));
    for (const r of document.querySelectorAll('input[name="boundaries-toggle"]')) {
      r.addEventListener('change', () => {
        const s = readState();
        if (r.value === 'current') s.boundaries = 'current'; else delete s.boundaries;
        delete s.offset;
        go(s);
      });
    }
    $('theme-measure').addEventListener('change', (e) => {
      const s = readState();
      if (e.target.value === 'share') s.measure = 'share'; else delete s.measure;
      go(s);
    });
    $('prev').addEventListener('click', () => {
      const s = readState();
      s.offset = String(Math.max(0, (parseInt(s.offset || '0', 10) || 0) - PAGE_SIZE));
      if (s.offset === '0') delete s.offset;
      go(s);
    });
    $('next').addEventListener('click', () => {
      const s = readState();
      s.offset = String((parseInt(s.offset || '0', 10) || 0) + PAGE_SIZE);
      go(s);
    });
    $('csv-link').addEventListener('click', downloadWithToken);
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
      if (!token) return;
      try { sessionStorage.setItem(TOKEN_KEY, token); } catch (err) { /* storage off */ }
      tokenRefused = false;
      $('token').value = '';
      $('token-form').hidden = true;
      $('page-error').hidden = true;
      document.body.dataset.state = 'loading'; // the page's answers are on their way again
      loadVocabularies().then(render);
    });
    window.addEventListener('popstate', render);
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    if (typeof echarts === 'undefined') {
      $('page-error').hidden = false;
      $('page-error').textContent = 'The chart library (/webjars/echarts/5.3.1/dist/echarts.min.js) did not load.';
      document.body.dataset.state = 'error';
      return;
    }
    loadVocabularies().then(render);
  }

  document.addEventListener('DOMContentLoaded', start);
}());
