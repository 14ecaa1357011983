// The dashboard page: fetches the server's JSON API and renders it with Chart.js (charts) and Mermaid
// (an execution's graph, fitted, zoomed and panned by svg-pan-zoom). Sections mark themselves
// data-state="ready" once drawn.
/* global Chart, mermaid, svgPanZoom */

const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#ea580c',
  '#475569',
  '#0d9488',
  '#9333ea',
];
const REFRESH_MS = 5000;
// Graphs are drawn at their natural size and fitted to the panel by svg-pan-zoom, which zooms and pans them.
mermaid.initialize({
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  flowchart: { useMaxWidth: false, nodeSpacing: 28, rankSpacing: 34, padding: 6 },
});

let selectedArn = new URLSearchParams(location.hash.slice(1)).get('execution') ?? undefined;
let lastRuns = '';
let graphCount = 0;

async function getJson(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `${path}: ${response.status}`);
  return body;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== undefined && child !== null));
  return node;
}

const status = (value) => element('span', { class: `status ${value}` }, value);
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString('en-GB') : '');
const dateTime = (iso) => (iso ? `${iso.slice(0, 10)} ${time(iso)}` : '');
const shortDateTime = (iso) => (iso ? `${iso.slice(5, 10)} ${time(iso)}` : '');
const duration = (value) =>
  value === undefined || value === null ? '' : value < 90 ? `${value.toFixed(1)} s` : `${(value / 60).toFixed(1)} min`;
const empty = (text, columns) => element('tr', {}, element('td', { colspan: String(columns), class: 'empty' }, text));

async function section(id, render) {
  const node = document.getElementById(id);
  try {
    await render();
    node.dataset.state = 'ready';
  } catch (error) {
    node.dataset.state = 'error';
    node.dataset.error = error.message;
    console.error(id, error);
  }
}

// Runs: pages of Master runs (newest first), each with its children and its rows per table

const params = new URLSearchParams(location.search);
const PAGE_SIZE = Number(params.get('runs') ?? '10');
/** Pages of runs loaded with "older runs" after the first: they have ended and are kept as loaded. */
const olderPages = [];
let firstPage;

const number = (value) => (value === undefined || value === null ? '–' : value.toLocaleString('en'));
const signed = (value) => (value === undefined || value === null ? '' : ` (${value >= 0 ? '+' : ''}${value.toLocaleString('en')})`);

function runRow(row, kind, label) {
  return element(
    'tr',
    {
      class: `${kind}${row.arn === selectedArn ? ' selected' : ''}`,
      dataset: { arn: row.arn, workflow: row.workflow, status: row.status },
      onclick: () => selectExecution(row.arn),
    },
    element('td', { title: row.arn }, label),
    element('td', {}, status(row.status)),
    element('td', { title: row.start ?? '' }, shortDateTime(row.start)),
    element('td', { class: 'num' }, duration(row.durationSeconds)),
  );
}

/** A run's rows per table: after the run (change), quarantined, rejected. */
function countsRow(master) {
  const items = master.tables.map((counts) => {
    const bad = counts.quarantined > 0 || (counts.rejected ?? 0) > 0;
    return element(
      'li',
      {
        class: bad ? 'bad' : '',
        dataset: {
          table: counts.table,
          rows: String(counts.rows ?? ''),
          quarantined: String(counts.quarantined),
          rejected: String(counts.rejected ?? ''),
        },
      },
      element('b', {}, counts.table),
      ` ${number(counts.rows)} rows${signed(counts.change)}`,
      counts.quarantined || counts.quarantinedFiles
        ? ` · ${number(counts.quarantined)} quarantined (${counts.quarantinedFiles} file${counts.quarantinedFiles === 1 ? '' : 's'})`
        : ' · 0 quarantined',
      counts.rejected === undefined ? '' : ` · ${number(counts.rejected)} rejected`,
    );
  });
  return element('tr', { class: 'counts', dataset: { arn: master.arn } }, element('td', { colspan: '4' }, element('ul', {}, ...items)));
}

function masterRows(view) {
  const rows = [];
  for (const master of view.masters) {
    rows.push(runRow(master, 'master', `${master.title} · ${master.name}`));
    master.children.forEach((child, index) => {
      rows.push(runRow(child, 'child', `${index + 1}. ${child.title}`));
    });
    if (master.tables?.length) rows.push(countsRow(master));
  }
  if (view.others.length) {
    rows.push(element('tr', { class: 'group' }, element('td', { colspan: '4' }, 'Other executions')));
    for (const other of view.others) rows.push(runRow(other, 'child', `${other.title} · ${other.name}`));
  }
  return rows;
}

function renderRuns() {
  const body = document.querySelector('#runs-table tbody');
  const pages = [firstPage, ...olderPages];
  const rows = pages.flatMap(masterRows);
  body.replaceChildren(...(rows.length ? rows : [empty('no executions yet: run the pipeline with pnpm local run', 4)]));
  const last = pages.at(-1);
  const older = document.getElementById('runs-older');
  older.hidden = !last?.next;
  const shown = pages.reduce((sum, page) => sum + page.masters.length, 0);
  document.getElementById('runs-shown').textContent =
    `${shown} Master run${shown === 1 ? '' : 's'} shown${last?.next ? ', older ones on the next page' : ''}`;
  document.getElementById('runs').dataset.pages = String(pages.length);
}

const runsUrl = (page) =>
  `/api/runs?size=${PAGE_SIZE}${page ? `&next=${encodeURIComponent(page.next)}&before=${encodeURIComponent(page.oldest ?? '')}` : ''}`;

async function loadOlderRuns() {
  const last = olderPages.at(-1) ?? firstPage;
  if (!last?.next) return;
  await section('runs', async () => {
    olderPages.push(await getJson(runsUrl(last)));
    renderRuns();
  });
}

// An execution's graph: fitted to the panel, zoom and pan (svg-pan-zoom), the failed state brought into view

/** The real zoom (screen pixels per drawing unit) at which labels read well. */
const READABLE_ZOOM = 0.8;
let panZoom;
let shownGraph = { arn: undefined, mermaid: undefined };
const collapsedMaps = new Set();

function fitGraph() {
  if (!panZoom) return;
  panZoom.resize();
  panZoom.fit();
  panZoom.center();
}

function zoomBy(factor) {
  panZoom?.zoomBy(factor);
}

/**
 * Centers a node of the graph, zoomed to a readable size when the fitted graph is smaller. Computed from
 * the drawing's coordinates: svg-pan-zoom draws its changes at the next frame.
 */
function focusNode(node) {
  if (!panZoom || !node) return;
  const viewport = document.querySelector('#graph svg .svg-pan-zoom_viewport');
  const box = node.getBBox();
  const toViewport = viewport.getCTM().inverse().multiply(node.getCTM());
  const center = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2).matrixTransform(toViewport);
  const sizes = panZoom.getSizes();
  const zoom = Math.max(sizes.realZoom, READABLE_ZOOM);
  panZoom.zoom(panZoom.getZoom() * (zoom / sizes.realZoom));
  panZoom.pan({ x: sizes.width / 2 - center.x * zoom, y: sizes.height / 2 - center.y * zoom });
}

function focusFailed() {
  focusNode(document.querySelector('#graph svg g.node.failed'));
}

function renderMapToggles(detail) {
  const box = document.getElementById('graph-maps');
  box.replaceChildren(
    ...detail.maps.map((name) => {
      const input = element('input', { type: 'checkbox', dataset: { map: name } });
      input.checked = !collapsedMaps.has(name);
      input.addEventListener('change', () => {
        if (input.checked) collapsedMaps.delete(name);
        else collapsedMaps.add(name);
        if (selectedArn) void selectExecution(selectedArn, { force: true });
      });
      return element('label', { class: 'map-toggle', title: `show the item states of ${name}` }, input, ` items of ${name}`);
    }),
  );
}

async function selectExecution(arn, options = {}) {
  const changed = arn !== selectedArn;
  selectedArn = arn;
  if (decodeURIComponent(location.hash) !== `#execution=${arn}`)
    history.replaceState(null, '', `${location.search}#execution=${encodeURIComponent(arn)}`);
  for (const row of document.querySelectorAll('#runs-table tbody tr')) row.classList.toggle('selected', row.dataset.arn === arn);
  await section('execution', async () => {
    const collapse = [...collapsedMaps].join(',');
    const detail = await getJson(
      `/api/execution?arn=${encodeURIComponent(arn)}${collapse ? `&collapse=${encodeURIComponent(collapse)}` : ''}`,
    );
    // Another execution was chosen while this one loaded.
    if (selectedArn === arn) await renderExecution(detail, { fresh: changed || options.force || shownGraph.arn !== arn });
  });
}

async function renderExecution(detail, { fresh }) {
  document
    .getElementById('execution-title')
    .replaceChildren(`${detail.execution.title} · ${detail.execution.name} `, status(detail.execution.status));
  const errorBox = document.getElementById('execution-error');
  const failure = detail.path.failure;
  errorBox.hidden = !failure;
  errorBox.replaceChildren(
    ...(failure
      ? [`Failed in “${failure.state}”: ${failure.error ?? 'error'}${failure.cause ? ' — ' : ''}`, ...linked(failure.cause ?? '')]
      : []),
  );
  document.getElementById('graph-failed').hidden = !failure;
  renderMapToggles(detail);
  const panel = document.getElementById('execution');
  panel.dataset.arn = detail.execution.arn;
  panel.dataset.status = detail.execution.status;
  panel.dataset.failedState = failure?.state ?? '';
  // The same drawing as shown: leave the user's zoom and pan alone.
  if (!fresh && shownGraph.arn === detail.execution.arn && shownGraph.mermaid === detail.mermaid) return;
  const keep = !fresh && panZoom ? { zoom: panZoom.getZoom(), pan: panZoom.getPan() } : undefined;
  graphCount += 1;
  const { svg } = await mermaid.render(`graph-svg-${graphCount}`, detail.mermaid);
  panZoom?.destroy();
  panZoom = undefined;
  const graph = document.getElementById('graph');
  graph.innerHTML = svg;
  const drawn = graph.querySelector('svg');
  // Mermaid sizes the drawing itself; svg-pan-zoom needs it to fill the panel.
  drawn.removeAttribute('style');
  drawn.setAttribute('width', '100%');
  drawn.setAttribute('height', '100%');
  panZoom = svgPanZoom(drawn, {
    fit: true,
    center: true,
    minZoom: 0.2,
    maxZoom: 40,
    zoomScaleSensitivity: 0.25,
    dblClickZoomEnabled: true,
    controlIconsEnabled: false,
  });
  shownGraph = { arn: detail.execution.arn, mermaid: detail.mermaid };
  if (keep) {
    panZoom.zoom(keep.zoom);
    panZoom.pan(keep.pan);
  } else if (failure) focusFailed();
  graph.dataset.zoom = String(panZoom.getSizes().realZoom);
}

// The cluster

function table(headers, rows, emptyText) {
  return element(
    'table',
    {},
    element('thead', {}, element('tr', {}, ...headers.map((header) => element('th', {}, header)))),
    element('tbody', {}, ...(rows.length ? rows : [empty(emptyText, headers.length)])),
  );
}

function renderClusters(clusters) {
  const container = document.getElementById('clusters');
  if (!clusters.length) {
    container.replaceChildren(element('p', { class: 'empty' }, 'no cluster yet'));
    return;
  }
  container.replaceChildren(
    ...clusters.map((cluster) =>
      element(
        'div',
        { class: 'cluster', dataset: { cluster: cluster.id, state: cluster.state } },
        element(
          'h3',
          {},
          `${cluster.name} · ${cluster.id} `,
          status(cluster.state),
          element(
            'small',
            {},
            ` created ${dateTime(cluster.created)}${cluster.ended ? `, ended after ${duration(cluster.durationSeconds)}` : ''}`,
          ),
        ),
        cluster.reason ? element('p', { class: 'hint' }, cluster.reason) : undefined,
        element(
          'div',
          { class: 'cluster-tables' },
          table(
            ['fleet', 'type', 'state', 'on-demand', 'spot'],
            cluster.fleets.map((fleet) =>
              element(
                'tr',
                {},
                element('td', {}, fleet.name),
                element('td', {}, fleet.type),
                element('td', {}, status(fleet.state)),
                element('td', { class: 'num' }, fleet.onDemand),
                element('td', { class: 'num' }, fleet.spot),
              ),
            ),
            'no fleets',
          ),
          table(
            ['instance', 'fleet', 'type', 'market', 'state'],
            cluster.instances.map((instance) =>
              element(
                'tr',
                {},
                element('td', {}, instance.id),
                element('td', {}, instance.fleet),
                element('td', {}, instance.type),
                element('td', {}, instance.market),
                element('td', {}, status(instance.state)),
              ),
            ),
            'no instances',
          ),
        ),
        element(
          'div',
          { class: 'cluster-steps' },
          table(
            ['step', 'status', 'started', 'duration', 'log', 'failure'],
            cluster.steps.map((step) =>
              element(
                'tr',
                { dataset: { step: step.id, state: step.state } },
                element('td', {}, step.name),
                element('td', {}, status(step.state)),
                element('td', {}, time(step.start)),
                element('td', { class: 'num' }, duration(step.durationSeconds)),
                element(
                  'td',
                  {},
                  element('a', { href: step.logs.stdout, target: '_blank' }, 'stdout'),
                  ' · ',
                  element('a', { href: step.logs.stderr, target: '_blank' }, 'stderr'),
                ),
                element('td', {}, step.reason ?? ''),
              ),
            ),
            'no steps',
          ),
        ),
      ),
    ),
  );
}

// The data: one panel per declared table (a small multiple), dates on a time axis within the chosen
// range, categories as the largest and "other"; what should not be there flagged in red

const RED = '#dc2626';
/** Dates shown when the page opens: the last N. */
const DEFAULT_DATES = 30;
const charts = [];
/** The measure each table's panel shows, kept across redraws. */
const metrics = new Map();
let lastData;
let range;

const dayMs = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Every date any table has, sorted. */
function allDates(data) {
  return [
    ...new Set(data.tables.filter((table) => table.axis === 'date').flatMap((table) => table.points.map((point) => point.label))),
  ].sort();
}

function lastDates(data, count) {
  const dates = allDates(data);
  if (!dates.length) return undefined;
  return { from: count === 'all' ? dates[0] : isoDay(Date.parse(dates.at(-1)) - (count - 1) * dayMs), to: dates.at(-1) };
}

function linked(text) {
  return segmentsOf(text).map((segment) => (segment.execution ? executionLink(segment) : segment.text));
}

function executionLink(segment) {
  return element(
    'a',
    { href: `#execution=${encodeURIComponent(segment.execution)}`, class: 'execution-link', title: segment.execution },
    segment.name,
  );
}

const EXECUTION_ARN = /arn:aws[\w-]*:states:[\w-]+:\d{12}:(?:express|execution):[\w-]+:[\w.-]*[\w-]/g;

/** Text split around execution ARNs (the server does the same for notifications). */
function segmentsOf(text) {
  const out = [];
  let at = 0;
  for (const match of text.matchAll(EXECUTION_ARN)) {
    if (match.index > at) out.push({ text: text.slice(at, match.index) });
    out.push({ execution: match[0], name: match[0].split(':').pop() });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

function flagBox(flag) {
  return element(
    'div',
    { class: 'flag', dataset: { kind: flag.kind, rows: String(flag.rows) } },
    element('strong', {}, flag.title),
    element('ul', {}, ...flag.where.map((where) => element('li', {}, element('code', {}, where)))),
    flag.executions?.length
      ? element(
          'p',
          {},
          'runs: ',
          ...flag.executions.flatMap((arn, index) => [index ? ', ' : '', executionLink({ execution: arn, name: arn.split(':').pop() })]),
        )
      : undefined,
  );
}

function tableChart(table, canvas, metric) {
  const index = metric === 'rows' ? -1 : table.measures.indexOf(metric);
  const value = (point) => (index < 0 ? point.rows : point.sums[index]);
  const timeAxis = table.axis === 'date';
  const colors = table.points.map((point) => (point.label === 'NULL' || point.label === '' ? RED : PALETTE[0]));
  const data = timeAxis
    ? {
        datasets: [
          {
            label: metric === 'rows' ? 'rows' : `sum of ${metric}`,
            data: table.points.map((point) => ({ x: point.label, y: value(point) })),
            backgroundColor: PALETTE[0],
          },
        ],
      }
    : {
        labels: table.points.map((point) => point.label),
        datasets: [{ label: metric === 'rows' ? 'rows' : `sum of ${metric}`, data: table.points.map(value), backgroundColor: colors }],
      };
  const x = timeAxis
    ? {
        type: 'time',
        min: range?.from,
        max: range?.to,
        offset: true,
        time: { unit: 'day', tooltipFormat: 'yyyy-MM-dd', displayFormats: { day: 'MMM d' } },
        ticks: { autoSkip: true, maxRotation: 0, autoSkipPadding: 8 },
        title: { display: true, text: table.group },
      }
    : {
        ticks: {
          autoSkip: true,
          maxRotation: 0,
          callback(value) {
            const label = this.getLabelForValue(value);
            return label.length > 18 ? `${label.slice(0, 17)}…` : label;
          },
        },
        title: { display: true, text: table.group },
      };
  return new Chart(canvas, {
    type: 'bar',
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x, y: { beginAtZero: true, title: { display: true, text: data.datasets[0].label } } },
    },
  });
}

function tablePanel(table) {
  const id = `chart-${table.table}`;
  const canvas = element('canvas', { id, dataset: { table: table.table, axis: table.axis } });
  const select = element(
    'select',
    { id: `metric-${table.table}`, 'aria-label': `what the chart of ${table.table} shows` },
    element('option', { value: 'rows' }, 'rows'),
    ...table.measures.map((measure) => element('option', { value: measure }, `sum of ${measure}`)),
  );
  const panel = element(
    'div',
    {
      class: `table-panel${table.flags.length ? ' flagged' : ''}`,
      dataset: { table: table.table, axis: table.axis, flags: String(table.flags.length) },
    },
    element(
      'h4',
      {},
      table.table,
      ' ',
      element(
        'small',
        {},
        `${table.kind} · ${number(table.rows)} rows · per ${table.group}${table.folded ? ` · ${table.points.length - 1} largest and ${table.folded} more as “other”` : ''}`,
      ),
    ),
    ...table.flags.map(flagBox),
    element('div', { class: 'panel-tools' }, select, table.axis === 'date' ? element('span', { class: 'hint points' }) : undefined),
    element('div', { class: 'canvas' }, canvas),
    table.points.length ? undefined : element('p', { class: 'empty' }, 'no rows yet'),
  );
  const metric = metrics.get(table.table);
  select.value = metric === undefined || (metric !== 'rows' && !table.measures.includes(metric)) ? 'rows' : metric;
  let chart = tableChart(table, canvas, select.value);
  charts.push(chart);
  select.addEventListener('change', () => {
    metrics.set(table.table, select.value);
    charts.splice(charts.indexOf(chart), 1);
    chart.destroy();
    chart = tableChart(table, canvas, select.value);
    charts.push(chart);
    updateRangeNotes();
  });
  return panel;
}

function updateRangeNotes() {
  for (const table of lastData?.tables ?? []) {
    if (table.axis !== 'date') continue;
    const inRange = table.points.filter((point) => !range || (point.label >= range.from && point.label <= range.to)).length;
    const note = document.querySelector(`.table-panel[data-table="${table.table}"] .points`);
    if (note) note.textContent = `${inRange} of ${table.points.length} dates shown`;
  }
}

function applyRange(next) {
  range = next;
  document.getElementById('range-from').value = range?.from ?? '';
  document.getElementById('range-to').value = range?.to ?? '';
  for (const chart of charts) {
    if (chart.options.scales.x.type !== 'time') continue;
    chart.options.scales.x.min = range?.from;
    chart.options.scales.x.max = range?.to;
    chart.update('none');
  }
  updateRangeNotes();
}

function countsChart(table) {
  const canvas = element('canvas', {
    id: `counts-${table.table}`,
    dataset: { series: JSON.stringify(table.data.datasets.map((dataset) => dataset.label)) },
  });
  const per = table.partitionKey ? `rows per ${table.partitionKey}` : 'rows';
  const card = element(
    'div',
    { class: 'chart' },
    element('h4', {}, table.table, ' ', element('small', {}, per)),
    element('div', { class: 'canvas' }, canvas),
  );
  const colors = PALETTE.filter((color) => color !== RED);
  const datasets = table.data.datasets
    .filter((dataset) => !dataset.flagged)
    .map((dataset, index) => {
      const color = colors[index % colors.length];
      return { ...dataset, backgroundColor: color, borderColor: color };
    });
  datasets.unshift(
    ...table.data.datasets.filter((dataset) => dataset.flagged).map((dataset) => ({ ...dataset, backgroundColor: RED, borderColor: RED })),
  );
  charts.push(
    new Chart(canvas, {
      type: 'bar',
      data: { labels: table.data.labels, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
        scales: {
          x: {
            stacked: true,
            ticks: { autoSkip: true, maxRotation: 0 },
            title: { display: true, text: 'after the Master run that ended at' },
          },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: per } },
        },
      },
    }),
  );
  if (!table.data.labels.length) card.append(element('p', { class: 'empty' }, 'no snapshot yet: one is recorded when a Master run ends'));
  else if (!table.data.datasets.length) card.append(element('p', { class: 'empty' }, 'no rows recorded for this table'));
  return card;
}

function renderData(data) {
  for (const chart of charts.splice(0)) chart.destroy();
  lastData = data;
  const dates = allDates(data);
  if (!range || !dates.length) range = lastDates(data, DEFAULT_DATES);
  const inputs = [document.getElementById('range-from'), document.getElementById('range-to')];
  for (const input of inputs) {
    input.min = dates[0] ?? '';
    input.max = dates.at(-1) ?? '';
  }
  document.getElementById('range-note').textContent = dates.length ? `${dates.length} dates from ${dates[0]} to ${dates.at(-1)}` : '';
  document.getElementById('tables').replaceChildren(...data.tables.map(tablePanel));
  document.getElementById('counts').replaceChildren(...data.counts.map(countsChart));
  applyRange(range);
}

function setUpRange() {
  for (const button of document.querySelectorAll('.data-tools button[data-last]'))
    button.addEventListener(
      'click',
      () => lastData && applyRange(lastDates(lastData, button.dataset.last === 'all' ? 'all' : Number(button.dataset.last))),
    );
  const [from, to] = [document.getElementById('range-from'), document.getElementById('range-to')];
  const changed = () =>
    from.value && to.value && applyRange(from.value <= to.value ? { from: from.value, to: to.value } : { from: to.value, to: from.value });
  from.addEventListener('change', changed);
  to.addEventListener('change', changed);
}

// Notifications: a summary that opens to the full text, executions as links to their runs

const segment = (part) => (part.execution ? executionLink(part) : part.text);

function renderNotifications(messages) {
  const body = document.querySelector('#notifications-table tbody');
  body.replaceChildren(
    ...(messages.length
      ? messages.map((message) =>
          element(
            'tr',
            { class: 'notification' },
            element('td', {}, dateTime(message.time)),
            element('td', {}, message.subject || '(no subject)'),
            element(
              'td',
              {},
              message.shortened
                ? element(
                    'details',
                    {},
                    element('summary', {}, ...message.summary.map(segment)),
                    element('div', { class: 'full' }, ...message.full.map(segment)),
                  )
                : element('div', { class: 'full' }, ...message.full.map(segment)),
            ),
          ),
        )
      : [empty('none sent yet', 3)]),
  );
}

async function refresh(force) {
  const runs = await getJson(runsUrl()).catch((error) => error);
  const text = JSON.stringify(runs);
  if (!force && text === lastRuns) return;
  lastRuns = text;
  await section('runs', async () => {
    if (runs instanceof Error) throw runs;
    firstPage = runs;
    renderRuns();
  });
  const tasks = [
    section('cluster', async () => renderClusters(await getJson('/api/clusters'))),
    section('notifications', async () => renderNotifications(await getJson('/api/notifications'))),
    section('data', async () => renderData(await getJson('/api/data'))),
  ];
  if (!selectedArn && !(runs instanceof Error)) selectedArn = runs.masters[0]?.arn;
  if (selectedArn) tasks.push(selectExecution(selectedArn));
  await Promise.all(tasks);
  document.getElementById('updated').textContent = `updated ${new Date().toLocaleTimeString('en-GB')}`;
}

document.getElementById('runs-older').addEventListener('click', () => void loadOlderRuns());
document.getElementById('graph-fit').addEventListener('click', fitGraph);
document.getElementById('graph-zoom-in').addEventListener('click', () => zoomBy(1.25));
document.getElementById('graph-zoom-out').addEventListener('click', () => zoomBy(0.8));
document.getElementById('graph-failed').addEventListener('click', focusFailed);
window.addEventListener('resize', () => panZoom?.resize());
window.addEventListener('hashchange', () => {
  const arn = new URLSearchParams(location.hash.slice(1)).get('execution');
  if (arn && arn !== selectedArn) {
    void selectExecution(arn);
    document.getElementById('runs').scrollIntoView({ behavior: 'smooth' });
  }
});
setUpRange();
await refresh(true);
document.body.dataset.ready = 'true';
setInterval(() => void refresh(false), REFRESH_MS);
