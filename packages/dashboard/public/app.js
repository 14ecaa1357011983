// The dashboard page: fetches the server's JSON API and renders it with Chart.js (charts) and Mermaid
// (an execution's graph). Sections mark themselves data-state="ready" once drawn.
/* global Chart, mermaid */

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
/** Graphs are drawn at this fraction of Mermaid's natural size; the panel scrolls. */
const GRAPH_SCALE = 0.64;

// Graphs keep their natural size (the panel scrolls): scaled to fit, a long workflow's labels get too small to read.
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

// Runs

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
    element('td', { title: row.start ?? '' }, time(row.start)),
    element('td', { class: 'num' }, duration(row.durationSeconds)),
  );
}

function renderRuns(view) {
  const body = document.querySelector('#runs-table tbody');
  const rows = [];
  for (const master of view.masters) {
    rows.push(runRow(master, 'master', `${master.title} · ${master.name}`));
    master.children.forEach((child, index) => {
      rows.push(runRow(child, 'child', `${index + 1}. ${child.title}`));
    });
  }
  if (view.others.length) {
    rows.push(element('tr', { class: 'group' }, element('td', { colspan: '4' }, 'Other executions')));
    for (const other of view.others) rows.push(runRow(other, 'child', `${other.title} · ${other.name}`));
  }
  body.replaceChildren(...(rows.length ? rows : [empty('no executions yet: run the pipeline with pnpm local run', 4)]));
}

async function selectExecution(arn) {
  selectedArn = arn;
  history.replaceState(null, '', `#execution=${encodeURIComponent(arn)}`);
  for (const row of document.querySelectorAll('#runs-table tbody tr')) row.classList.toggle('selected', row.dataset.arn === arn);
  await section('execution', async () => {
    const detail = await getJson(`/api/execution?arn=${encodeURIComponent(arn)}`);
    // Another execution was chosen while this one loaded.
    if (selectedArn === arn) await renderExecution(detail);
  });
}

async function renderExecution(detail) {
  document
    .getElementById('execution-title')
    .replaceChildren(`${detail.execution.title} · ${detail.execution.name} `, status(detail.execution.status));
  const errorBox = document.getElementById('execution-error');
  const failure = detail.path.failure;
  errorBox.hidden = !failure;
  errorBox.textContent = failure
    ? `Failed in “${failure.state}”: ${failure.error ?? 'error'}${failure.cause ? ` — ${failure.cause}` : ''}`
    : '';
  graphCount += 1;
  const { svg } = await mermaid.render(`graph-svg-${graphCount}`, detail.mermaid);
  const graph = document.getElementById('graph');
  graph.innerHTML = svg;
  const drawn = graph.querySelector('svg');
  const natural = drawn?.viewBox.baseVal;
  if (drawn && natural?.width) {
    drawn.style.width = `${natural.width * GRAPH_SCALE}px`;
    drawn.style.height = `${natural.height * GRAPH_SCALE}px`;
  }
  // Bring the failed state into view: in a long workflow it sits far down.
  const failedNode = graph.querySelector('g.node.failed');
  if (failedNode) {
    const box = failedNode.getBoundingClientRect();
    const frame = graph.getBoundingClientRect();
    graph.scrollTop += box.top - frame.top - frame.height / 2;
    graph.scrollLeft += box.left - frame.left - frame.width / 2;
  } else graph.scrollTo(0, 0);
  const panel = document.getElementById('execution');
  panel.dataset.arn = detail.execution.arn;
  panel.dataset.status = detail.execution.status;
  panel.dataset.failedState = failure?.state ?? '';
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

// The data

function chartCard(id, title, subtitle, kind, data, axes, stacked = false) {
  const canvas = element('canvas', { id, dataset: { series: JSON.stringify(data.datasets.map((dataset) => dataset.label)) } });
  const card = element(
    'div',
    { class: 'chart' },
    element('h4', {}, title, ' ', element('small', {}, subtitle)),
    element('div', { class: 'canvas' }, canvas),
  );
  const datasets = data.datasets.map((dataset, index) => ({
    ...dataset,
    backgroundColor: PALETTE[index % PALETTE.length],
    borderColor: PALETTE[index % PALETTE.length],
  }));
  const chart = new Chart(canvas, {
    type: kind,
    data: { labels: data.labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
      scales: {
        x: { stacked, title: { display: true, text: axes.x } },
        y: { stacked, beginAtZero: true, title: { display: true, text: axes.y } },
      },
    },
  });
  return { card, chart };
}

const charts = [];

function renderData(data) {
  for (const chart of charts.splice(0)) chart.destroy();
  const chartsBox = document.getElementById('charts');
  const countsBox = document.getElementById('counts');
  chartsBox.replaceChildren();
  countsBox.replaceChildren();
  for (const spec of data.charts) {
    const { card, chart } = chartCard(spec.id, spec.table, spec.title, spec.kind, spec.data, { x: spec.x, y: spec.y });
    chartsBox.append(card);
    charts.push(chart);
    if (!spec.data.datasets.length) card.append(element('p', { class: 'empty' }, 'no rows yet'));
  }
  for (const table of data.counts) {
    const per = table.partitionKey ? `rows per ${table.partitionKey}` : 'rows';
    const axes = { x: 'after the Master run that ended at', y: per };
    const { card, chart } = chartCard(`counts-${table.table}`, table.table, per, 'bar', table.data, axes, true);
    countsBox.append(card);
    charts.push(chart);
    if (!table.data.labels.length) card.append(element('p', { class: 'empty' }, 'no snapshot yet: one is recorded when a Master run ends'));
  }
}

// Notifications

function renderNotifications(messages) {
  const body = document.querySelector('#notifications-table tbody');
  body.replaceChildren(
    ...(messages.length
      ? messages.map((message) =>
          element(
            'tr',
            {},
            element('td', {}, dateTime(message.Timestamp)),
            element('td', {}, message.Subject ?? '(no subject)'),
            element('td', {}, message.Message),
          ),
        )
      : [empty('none sent yet', 3)]),
  );
}

async function refresh(force) {
  const runs = await getJson('/api/runs').catch((error) => error);
  const text = JSON.stringify(runs);
  if (!force && text === lastRuns) return;
  lastRuns = text;
  await section('runs', async () => {
    if (runs instanceof Error) throw runs;
    renderRuns(runs);
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

await refresh(true);
document.body.dataset.ready = 'true';
setInterval(() => void refresh(false), REFRESH_MS);
