'use strict';
// The live page of the herd (see live-page.md): the member serving it pushes the herd's status
// once a second and the client locations it stores, in batches, over Server-Sent Events.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The most client locations the map keeps: the latest ones. */
const MAX_POINTS = 500;
/** The most arrivals one batch marks with a pulse: the page stays smooth under a busy herd. */
const MAX_PULSES = 40;
const PALETTE = ['#2b6cb0', '#d53f8c', '#dd6b20', '#38a169', '#805ad5', '#319795', '#b7791f', '#e53e3e'];

const points = new Map();   // client -> its circle, oldest first
let members = [];           // member names, sorted: each one's colour is its place here

function svg(name, attributes, parent) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, value);
  }
  if (parent) {
    parent.appendChild(element);
  }
  return element;
}

function text(parent, x, y, content, attributes = {}) {
  const element = svg('text', { x, y, ...attributes }, parent);
  element.textContent = content;
  return element;
}

function colour(member) {
  const index = members.indexOf(member);
  return index < 0 ? '#718096' : PALETTE[index % PALETTE.length];
}

/** The figure in milliseconds; nothing where nothing was measured. */
function p99(figures) {
  return figures && figures.count > 0 ? millis(figures.p99Micros) : '';
}

function millis(micros) {
  return micros < 1000 ? (micros / 1000).toFixed(3) + ' ms' : (micros / 1000).toFixed(1) + ' ms';
}

// ---- topology ----

/** A link as the member at its near end reports it: up, busy, down, or unknown (no report). */
function linkState(link) {
  if (!link) {
    return 'unknown';
  }
  if (link.state !== 'up') {
    return 'down';
  }
  return link.busy ? 'busy' : 'up';
}

function showTopology(herd) {
  const reports = new Map(herd.members.map(m => [m.name, m]));
  const names = new Set(herd.members.map(m => m.name));
  herd.members.filter(m => m.reachable).forEach(m => Object.keys(m.status.links).forEach(n => names.add(n)));
  members = [...names].sort();
  const plot = document.getElementById('topology');
  plot.replaceChildren();
  const centre = { x: 200, y: 150 };
  const radius = members.length > 1 ? 105 : 0;
  const links = name => reports.get(name)?.reachable ? reports.get(name).status.links : {};
  const ring = ringOrder(links);
  const at = new Map(ring.map((name, i) => {
    const angle = -Math.PI / 2 + 2 * Math.PI * i / ring.length;
    return [name, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) }];
  }));
  const drawn = new Set();
  for (const a of members) {
    for (const b of Object.keys(links(a))) {
      const pair = [a, b].sort().join(' ');
      if (drawn.has(pair) || !at.has(b)) {
        continue;
      }
      drawn.add(pair);
      halfLink(plot, a, b, at, links(a)[b]);
      halfLink(plot, b, a, at, links(b)[a]);
    }
  }
  for (const name of members) {
    const report = reports.get(name);
    const state = !report ? 'unknown' : report.reachable ? 'up' : 'down';
    const node = svg('g', { class: 'member' + (name === herd.self ? ' self' : ''), 'data-member': name,
      'data-state': state }, plot);
    const p = at.get(name);
    svg('circle', { cx: p.x, cy: p.y, r: 16 }, node);
    text(node, p.x, p.y - 21, name);
    const detail = state === 'up' ? report.status.clients.toLocaleString() + ' clients'
      : state === 'down' ? 'not answering' : 'no admin address';
    text(node, p.x, p.y + 28, detail, { class: 'detail' });
    svg('title', {}, node).textContent = state === 'down' ? name + ': ' + report.error : name;
  }
}

/** Members around the circle in depth-first order along the links: neighbours sit side by side, fewer lines cross. */
function ringOrder(links) {
  const ring = [];
  const visit = name => {
    if (!ring.includes(name)) {
      ring.push(name);
      Object.keys(links(name)).filter(n => members.includes(n)).sort().forEach(visit);
    }
  };
  members.forEach(visit);
  return ring;
}

/** The half of the line between a and b nearer a: the link a dials to b. */
function halfLink(plot, a, b, at, link) {
  const from = at.get(a);
  const to = at.get(b);
  const middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const state = linkState(link);
  const line = svg('line', { class: 'link', x1: from.x, y1: from.y, x2: middle.x, y2: middle.y,
    'data-from': a, 'data-to': b, 'data-state': state }, plot);
  svg('title', {}, line).textContent = a + ' \u2192 ' + b + ': ' + state
    + (link ? ', since ' + link.since + ', re-opened ' + link.reconnects + ', unsent ' + link.unsent : '');
  if (link) {
    const label = { x: from.x + (middle.x - from.x) * 0.62, y: from.y + (middle.y - from.y) * 0.62 - 2 };
    text(plot, label.x, label.y, 'r' + link.reconnects + ' u' + link.unsent, { class: 'link-label' });
  }
}

// ---- members table ----

function showTable(herd) {
  const body = document.querySelector('#members tbody');
  body.replaceChildren();
  for (const member of herd.members) {
    const row = body.insertRow();
    row.dataset.member = member.name;
    const cells = [member.name];
    if (member.reachable) {
      const s = member.status;
      const links = Object.values(s.links);
      cells.push('up', s.clients.toLocaleString(), links.filter(l => l.state === 'up').length + '/' + links.length,
        s.digest, p99(s.propagation), p99(s.reply?.IAMAT), p99(s.reply?.WHATSAT));
    } else {
      cells.push('down', '', '', '', '', '', member.error);
    }
    cells.forEach((content, i) => {
      const cell = row.insertCell();
      cell.textContent = content;
      if (i === 1 && content === 'down') {
        cell.className = 'down';
      }
    });
  }
}

// ---- latency plots ----

const PLOT = { left: 44, right: 390, top: 10, bottom: 190 };
/** Percentiles are spaced by 1 / (1 - p), as HdrHistogram plots them: the tail gets the room. */
const TAIL_LIMIT = 5;
const tail = p => Math.min(TAIL_LIMIT, Math.log10(1 / Math.max(1 - p / 100, Math.pow(10, -TAIL_LIMIT))));

function plotCurves(id, percentiles, curves) {
  const plot = document.getElementById(id);
  plot.replaceChildren();
  const values = curves.flatMap(c => c.values).filter(v => v > 0);
  if (values.length === 0) {
    text(plot, 200, 110, 'nothing measured yet', { class: 'empty' });
    return;
  }
  const low = Math.floor(Math.log10(Math.max(1, Math.min(...values))));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values))));
  const x = p => PLOT.left + (PLOT.right - PLOT.left) * tail(p) / TAIL_LIMIT;
  const y = micros => PLOT.bottom - (PLOT.bottom - PLOT.top)
    * (Math.log10(Math.max(micros, Math.pow(10, low))) - low) / (high - low);
  for (let decade = low; decade <= high; decade++) {
    svg('line', { class: 'grid', x1: PLOT.left, x2: PLOT.right, y1: y(10 ** decade), y2: y(10 ** decade) }, plot);
    text(plot, PLOT.left - 4, y(10 ** decade) + 3, millis(10 ** decade).replace('.000 ms', ' ms'),
      { 'text-anchor': 'end' });
  }
  [0, 90, 99, 99.9, 99.99, 100].forEach(p => {
    svg('line', { class: 'grid', x1: x(p), x2: x(p), y1: PLOT.top, y2: PLOT.bottom }, plot);
    text(plot, x(p), PLOT.bottom + 12, p === 100 ? 'max' : p + '%', { 'text-anchor': 'middle' });
  });
  svg('line', { class: 'axis', x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: PLOT.bottom }, plot);
  svg('line', { class: 'axis', x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom }, plot);
  for (const curve of curves) {
    const path = curve.values.map((v, i) => (i ? 'L' : 'M') + x(percentiles[i]).toFixed(1) + ' ' + y(v).toFixed(1));
    const line = svg('path', { class: 'curve ' + curve.kind, d: path.join(''), stroke: colour(curve.member),
      'data-member': curve.member }, plot);
    svg('title', {}, line).textContent = curve.member + ' ' + curve.kind + ': ' + curve.count + ' measured';
  }
}

function curve(member, kind, figures) {
  return figures && figures.count > 0 && figures.percentiles?.length
    ? [{ member, kind, values: figures.percentiles, count: figures.count }] : [];
}

function showPlots(herd) {
  const reachable = herd.members.filter(m => m.reachable);
  plotCurves('propagation-plot', herd.percentiles,
    reachable.flatMap(m => curve(m.name, 'propagation', m.status.propagation)));
  plotCurves('reply-plot', herd.percentiles, reachable.flatMap(m => [
    ...curve(m.name, 'iamat', m.status.reply?.IAMAT), ...curve(m.name, 'whatsat', m.status.reply?.WHATSAT)]));
}

// ---- map ----

function showLocations(batch) {
  const layer = document.getElementById('points');
  const pulses = document.getElementById('pulses');
  let pulsed = 0;
  for (const report of batch.reports) {
    const x = report.lon + 180;
    const y = 90 - report.lat;
    let point = points.get(report.client);
    if (point) {
      points.delete(report.client);
    } else {
      point = svg('circle', { class: 'point', r: 1.6, 'data-client': report.client }, layer);
      point.addEventListener('click', () => { document.getElementById('whatsat-client').value = point.dataset.client; });
      svg('title', {}, point);
    }
    point.setAttribute('cx', x.toFixed(2));
    point.setAttribute('cy', y.toFixed(2));
    point.setAttribute('fill', colour(report.origin));
    point.dataset.origin = report.origin;
    point.firstChild.textContent = report.client + ' at ' + report.lat + ', ' + report.lon + ' (from ' + report.origin
      + ')';
    layer.appendChild(point);   // the latest on top
    points.set(report.client, point);
    if (batch.arrived && pulsed++ < MAX_PULSES) {
      const pulse = svg('circle', { class: 'pulse', cx: x, cy: y, r: 1, stroke: colour(report.origin) }, pulses);
      pulse.addEventListener('animationend', () => pulse.remove());
    }
  }
  while (points.size > MAX_POINTS) {
    const [oldest, point] = points.entries().next().value;
    point.remove();
    points.delete(oldest);
  }
  document.getElementById('client-count').textContent = '(the latest ' + points.size + ' shown)';
}

function showOrigins() {
  const legend = document.getElementById('origins');
  legend.replaceChildren('Colour: the member that heard the IAMAT.');
  for (const member of members) {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour(member);
    legend.append(swatch, member);
  }
}

// ---- WHATSAT ----

document.getElementById('whatsat').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  const answer = document.getElementById('whatsat-answer');
  answer.textContent = 'asking\u2026';
  try {
    const response = await fetch('live/whatsat?' + new URLSearchParams(form));
    const body = await response.json();
    answer.textContent = response.ok ? body.at + '\n' + JSON.stringify(body.places, null, 3) : body.error;
    answer.dataset.outcome = response.ok ? 'ok' : 'refused';
  } catch (failure) {
    answer.textContent = 'no answer: ' + failure;
    answer.dataset.outcome = 'failed';
  }
});

// ---- the stream ----

const connection = document.getElementById('connection');
const stream = new EventSource('live/events');
stream.addEventListener('open', () => { connection.dataset.state = 'live'; connection.textContent = 'live'; });
stream.addEventListener('error', () => { connection.dataset.state = 'lost'; connection.textContent = 'reconnecting'; });
stream.addEventListener('status', event => {
  const herd = JSON.parse(event.data);
  document.getElementById('served-by').textContent = 'as ' + herd.self + ' sees it';
  showTopology(herd);
  showOrigins();
  showTable(herd);
  showPlots(herd);
});
stream.addEventListener('locations', event => showLocations(JSON.parse(event.data)));
